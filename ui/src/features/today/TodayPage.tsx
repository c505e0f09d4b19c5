//! 今日: what falls due — overdue and today's follow-ups, payments overdue and coming due, contracts coming
//! to their end, birthdays and keeping in touch in the coming days, and customers gone quiet — each with
//! done, snooze, and a way to the customer.
import { App, Card, Empty, List, Result, Skeleton, Space, Typography } from "antd";
import { useMutation, useQuery } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Reminder } from "../../api/bindings/Reminder";
import { PageTitle } from "../../components/PageTitle";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { AtRiskCard } from "../reports/AtRiskCard";
import { useSettings } from "../settings/useSettings";
import { ReminderItem } from "./ReminderItem";
import { todayQuery } from "./todayQuery";

export { localToday } from "./todayQuery";

export function TodayPage({ onOpenCustomer }: { onOpenCustomer: (customerId: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { settings, isPending: settingsPending } = useSettings();
  const query = todayQuery(settings.reminders);
  const { today } = query;
  const view = useQuery({
    queryKey: [...queryKeys.today, query],
    queryFn: () => api.todayView(query),
    enabled: !settingsPending,
  });
  const act = useMutation<null, AppError, { r: Reminder; snoozeDays: number | null }>({
    mutationFn: ({ r, snoozeDays }) =>
      api.actOnReminder(r.kind, r.entityId, r.due, snoozeDays === null ? null : dayjs(today).add(snoozeDays, "day").format("YYYY-MM-DD")),
    onSuccess: (_, { snoozeDays }) => {
      const until = snoozeDays === null ? null : dayjs(today).add(snoozeDays, "day").format("YYYY-MM-DD");
      void message.success(until ? t("today.snoozedMessage", { date: until }) : t("today.doneMessage"));
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  const row = (r: Reminder) => (
    <ReminderItem reminder={r} today={today} onAct={(r, snoozeDays) => act.mutate({ r, snoozeDays })} onOpenCustomer={onOpenCustomer} />
  );

  const section = (title: string, items: Reminder[], testId: string, extra?: string) => (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      <List dataSource={items} renderItem={row} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("today.empty")} /> }} />
    </Card>
  );

  const v = view.data;
  const capped = (n: number) => (n >= 10_000 ? "10000+" : n);
  const total = (n: number) => t("today.total", { count: capped(n) } as Record<string, unknown>);
  const paymentsTotal = (n: number) => t("today.paymentsTotal", { count: capped(n) } as Record<string, unknown>);
  const { aheadDays, dormantDays, installmentDaysBefore, contractEndDaysBefore } = query;
  return (
    <div className="page page-scroll">
      <div className="page-header">
        <PageTitle>{t("today.title")}</PageTitle>
        <Typography.Text type="secondary">{today}</Typography.Text>
      </div>
      {view.isPending && <Skeleton active />}
      {view.isError && <Result status="warning" title={t("today.loadFailed")} subTitle={errorText(t, view.error as unknown as AppError)} />}
      {v && (
        <Space direction="vertical" size="middle" className="full-width">
          {v.overdue.length > 0 && section(t("today.overdue"), v.overdue, "today-overdue", total(v.overdueTotal))}
          {v.paymentsOverdue.length > 0 &&
            section(t("today.paymentsOverdue"), v.paymentsOverdue, "today-payments-overdue", paymentsTotal(v.paymentsOverdueTotal))}
          {section(t("today.today"), v.today, "today-today")}
          {section(t("today.paymentsDue", { days: installmentDaysBefore }), v.paymentsDue, "today-payments-due")}
          {section(t("today.contractsEnding", { days: contractEndDaysBefore }), v.contractsEnding, "today-contracts-ending")}
          {section(t("today.upcoming", { days: aheadDays }), v.upcoming, "today-upcoming")}
          {v.dormant.length > 0 && section(t("today.dormant", { days: dormantDays }), v.dormant, "today-dormant", total(v.dormantTotal))}
          <AtRiskCard onOpenCustomer={onOpenCustomer} />
        </Space>
      )}
    </div>
  );
}
