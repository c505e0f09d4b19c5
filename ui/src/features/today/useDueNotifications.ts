//! Desktop notifications for reminders that fall due while the app runs: Today is read every minute, and
//! what is newly due is announced once. Announced reminders are remembered for the day (per data
//! directory), so a restart does not repeat them.
import { useEffect } from "react";
import { isPermissionGranted, requestPermission, sendNotification } from "@tauri-apps/plugin-notification";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";
import { useSettings } from "../settings/useSettings";
import { newlyDue, noticeKey, noticeOf } from "./dueNotices";
import { todayQuery } from "./todayQuery";

const EVERY_MS = 60_000;
/** Per data directory: two stores on one machine (or a test's fresh one) have their own reminders. */
const storagePrefix = (dataDir: string) => `crm.notified.${dataDir}.`;

function announced(key: string): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(key) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}

async function allowed(): Promise<boolean> {
  if (await isPermissionGranted()) return true;
  return (await requestPermission()) === "granted";
}

export function useDueNotifications() {
  const { t, i18n } = useTranslation();
  const { settings, isSuccess } = useSettings();
  const { notify, aheadDays, dormantDays, installmentDaysBefore, contractEndDaysBefore } = settings.reminders;
  const language = i18n.language;
  const status = useQuery({ queryKey: queryKeys.storeStatus, queryFn: api.storeStatus, staleTime: Infinity });
  const dataDir = status.data?.dataDir;

  useEffect(() => {
    if (!isSuccess || !notify || dataDir === undefined) return;
    let stopped = false;
    const check = async () => {
      const query = todayQuery({ notify, aheadDays, dormantDays, installmentDaysBefore, contractEndDaysBefore });
      const key = storagePrefix(dataDir) + query.today;
      const seen = announced(key);
      const due = newlyDue(await api.todayView(query), seen, query.today);
      const notice = noticeOf(t, due, language);
      if (stopped || !notice || !(await allowed())) return;
      sendNotification(notice);
      due.forEach((r) => seen.add(noticeKey(r)));
      localStorage.setItem(key, JSON.stringify([...seen]));
      // Earlier days' lists are of no use any more.
      Object.keys(localStorage)
        .filter((k) => k.startsWith(storagePrefix(dataDir)) && k !== key)
        .forEach((k) => localStorage.removeItem(k));
    };
    const run = () => void check().catch(() => undefined);
    run();
    const timer = window.setInterval(run, EVERY_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [isSuccess, notify, aheadDays, dormantDays, installmentDaysBefore, contractEndDaysBefore, dataDir, t, language]);
}
