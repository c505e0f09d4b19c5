//! 今日: what falls due — overdue and today's follow-ups, birthdays and keeping in touch in the coming days,
//! and customers gone quiet — each with done, snooze, and a way to the customer.
import { App, Button, Card, Dropdown, Empty, List, Result, Skeleton, Space, Tag, Typography } from "antd";
import { CheckOutlined, ClockCircleOutlined } from "@ant-design/icons";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Reminder } from "../../api/bindings/Reminder";
import { PageTitle } from "../../components/PageTitle";
import { queryKeys } from "../../components/queryKeys";
import { errorText } from "../../i18n/errorText";
import { useSettings } from "../settings/useSettings";

const KIND_COLORS = { followUp: "blue", birthday: "magenta", keepInTouch: "green", dormant: "default" } as const;

/** The user's day and UTC offset, as the core wants them. */
export function localToday(now = new Date()) {
  return { today: dayjs(now).format("YYYY-MM-DD"), utcOffsetMinutes: -now.getTimezoneOffset() };
}

export function TodayPage({ onOpenCustomer }: { onOpenCustomer: (customerId: number) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { today, utcOffsetMinutes } = localToday();
  const { settings, isPending: settingsPending } = useSettings();
  const { aheadDays, dormantDays } = settings.reminders;
  const view = useQuery({
    queryKey: [...queryKeys.today, today, aheadDays, dormantDays],
    queryFn: () => api.todayView({ today, utcOffsetMinutes, aheadDays, dormantDays }),
    enabled: !settingsPending,
  });
  const act = useMutation<null, AppError, { r: Reminder; snoozeDays: number | null }>({
    mutationFn: ({ r, snoozeDays }) =>
      api.actOnReminder(r.kind, r.entityId, r.due, snoozeDays === null ? null : dayjs(today).add(snoozeDays, "day").format("YYYY-MM-DD")),
    onSuccess: (_, { snoozeDays }) => {
      const until = snoozeDays === null ? null : dayjs(today).add(snoozeDays, "day").format("YYYY-MM-DD");
      void message.success(until ? t("today.snoozedMessage", { date: until }) : t("today.doneMessage"));
      void queryClient.invalidateQueries({ queryKey: queryKeys.today });
    },
    onError: (err) => void message.error(errorText(t, err)),
  });

  const row = (r: Reminder) => {
    const actions =
      r.kind === "dormant" || r.kind === "keepInTouch"
        ? []
        : [
            <Button key="done" size="small" icon={<CheckOutlined />} onClick={() => act.mutate({ r, snoozeDays: null })} data-testid="reminder-done">
              {t("today.done")}
            </Button>,
            <Dropdown
              key="snooze"
              menu={{
                items: [1, 3, 7].map((d) => ({ key: String(d), label: t(`today.snooze${d}`) })),
                onClick: ({ key }) => act.mutate({ r, snoozeDays: Number(key) }),
              }}
            >
              <Button size="small" icon={<ClockCircleOutlined />}>
                {t("today.snooze")}
              </Button>
            </Dropdown>,
          ];
    return (
      <List.Item actions={actions} data-testid="reminder">
        <Space wrap>
          <Tag color={KIND_COLORS[r.kind]}>{t(`today.kinds.${r.kind}`)}</Tag>
          <Typography.Link onClick={() => onOpenCustomer(r.customerId)} data-testid="reminder-name">
            {r.name}
          </Typography.Link>
          {r.detail && <Typography.Text type="secondary">{r.detail}</Typography.Text>}
          <Typography.Text type="secondary">{r.due}</Typography.Text>
        </Space>
      </List.Item>
    );
  };

  const section = (title: string, items: Reminder[], testId: string, extra?: string) => (
    <Card size="small" title={title} extra={extra} data-testid={testId}>
      <List dataSource={items} renderItem={row} locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("today.empty")} /> }} />
    </Card>
  );

  const v = view.data;
  const total = (n: number) => t("today.total", { count: n >= 10_000 ? "10000+" : n } as Record<string, unknown>);
  return (
    <div className="page">
      <div className="page-header">
        <PageTitle>{t("today.title")}</PageTitle>
        <Typography.Text type="secondary">{today}</Typography.Text>
      </div>
      {view.isPending && <Skeleton active />}
      {view.isError && <Result status="warning" title={t("today.loadFailed")} subTitle={errorText(t, view.error as unknown as AppError)} />}
      {v && (
        <Space direction="vertical" size="middle" className="full-width">
          {v.overdue.length > 0 && section(t("today.overdue"), v.overdue, "today-overdue", total(v.overdueTotal))}
          {section(t("today.today"), v.today, "today-today")}
          {section(t("today.upcoming", { days: aheadDays }), v.upcoming, "today-upcoming")}
          {v.dormant.length > 0 && section(t("today.dormant", { days: dormantDays }), v.dormant, "today-dormant", total(v.dormantTotal))}
        </Space>
      )}
    </div>
  );
}
