//! The saved settings as a query, and saving them whole (a partial save would reset the rest).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Settings } from "../../api/bindings/Settings";
import { queryKeys } from "../../api/queryKeys";

/** What Today and notifications use until the settings are read. */
export const DEFAULT_SETTINGS: Settings = {
  language: null,
  reminders: { aheadDays: 7, dormantDays: 90, notify: true, installmentDaysBefore: 7, contractEndDaysBefore: 30 },
  closeToTray: false,
  contractNumberRule: "HT-{YYYY}-{0000}",
  reports: {
    paretoAPercent: 80,
    paretoBPercent: 95,
    windowDays: 365,
    loyaltyPreference: 4,
    loyaltyRepeats: 3,
    churnPAlivePercent: 50,
    discountRatePercent: 10,
    valueSplitPercent: 50,
    quietDays: 30,
  },
};

export function useSettings() {
  const q = useQuery({ queryKey: queryKeys.settings, queryFn: api.getSettings, staleTime: Infinity });
  return { ...q, settings: q.data ?? DEFAULT_SETTINGS };
}

export function useSaveSettings() {
  const queryClient = useQueryClient();
  return useMutation<Settings, AppError, (current: Settings) => Settings>({
    mutationFn: async (change) => api.setSettings(change(await api.getSettings())),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.settings, saved);
    },
  });
}
