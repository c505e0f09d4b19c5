//! One reminder on Today: what kind, whose, the contract and the amount still owed where there are, the
//! day, and done / snooze for the kinds that can be acted on.
import { Button, Dropdown, List, Space, Tag, Typography } from "antd";
import { CheckOutlined, ClockCircleOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import type { Reminder } from "../../api/bindings/Reminder";
import type { ReminderKind } from "../../api/bindings/ReminderKind";
import { formatMoney } from "../../components/money";

const KIND_COLORS: Record<ReminderKind, string> = {
  followUp: "blue",
  birthday: "magenta",
  keepInTouch: "green",
  dormant: "default",
  installmentDue: "gold",
  contractEnding: "purple",
};

const SNOOZE_DAYS = [1, 3, 7];

/** Snoozing moves a reminder past its due day, so a reminder due later offers only the longer snoozes. */
export function snoozeChoices(today: string, due: string): number[] {
  return SNOOZE_DAYS.filter((d) => dayjs(today).add(d, "day").format("YYYY-MM-DD") > due);
}

type Props = {
  reminder: Reminder;
  today: string;
  onAct: (r: Reminder, snoozeDays: number | null) => void;
  onOpenCustomer: (customerId: number) => void;
};

export function ReminderItem({ reminder: r, today, onAct, onOpenCustomer }: Props) {
  const { t, i18n } = useTranslation();
  const snoozes = snoozeChoices(today, r.due);
  const actions =
    r.kind === "dormant" || r.kind === "keepInTouch"
      ? []
      : [
          <Button key="done" size="small" icon={<CheckOutlined />} onClick={() => onAct(r, null)} data-testid="reminder-done">
            {t("today.done")}
          </Button>,
          ...(snoozes.length === 0
            ? []
            : [
                <Dropdown
                  key="snooze"
                  menu={{
                    items: snoozes.map((d) => ({ key: String(d), label: t(`today.snooze${d}`) })),
                    onClick: ({ key }) => onAct(r, Number(key)),
                  }}
                >
                  <Button size="small" icon={<ClockCircleOutlined />} data-testid="reminder-snooze">
                    {t("today.snooze")}
                  </Button>
                </Dropdown>,
              ]),
        ];
  const due =
    r.kind === "installmentDue"
      ? t("today.dueOn", { date: r.due })
      : r.kind === "contractEnding"
        ? t("today.endsOn", { date: r.due })
        : r.due;
  return (
    <List.Item actions={actions} data-testid="reminder">
      <Space wrap>
        <Tag color={KIND_COLORS[r.kind]}>{t(`today.kinds.${r.kind}`)}</Tag>
        <Typography.Link onClick={() => onOpenCustomer(r.customerId)} data-testid="reminder-name">
          {r.name}
        </Typography.Link>
        {r.detail && (
          <Typography.Text type="secondary" className={r.kind === "installmentDue" || r.kind === "contractEnding" ? "mono" : undefined}>
            {r.detail}
          </Typography.Text>
        )}
        {r.amount !== null && (
          <Typography.Text strong data-testid="reminder-amount">
            {formatMoney(r.amount, i18n.language)}
          </Typography.Text>
        )}
        <Typography.Text type="secondary">{due}</Typography.Text>
      </Space>
    </List.Item>
  );
}
