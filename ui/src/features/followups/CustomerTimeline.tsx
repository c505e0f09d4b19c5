//! The customer's timeline: follow-ups, contracts signed, payments received and every recorded change of
//! the customer and its contacts.
import { App, Button, Empty, Popconfirm, Rate, Space, Tag, Timeline, Typography } from "antd";
import { DeleteOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { TimelineEntry } from "../../api/bindings/TimelineEntry";
import { formatDateTime } from "../../components/formatDate";
import { formatMoney } from "../../components/money";
import { queryKeys } from "../../api/queryKeys";
import { errorText, fieldLabel } from "../../i18n/errorText";
import { useUndoMerge } from "../merge/useMerge";
import { useRecordMutation } from "../records/useRecordMutations";
import { FollowUpForm } from "./FollowUpForm";

function changeText(t: TFunction, e: Extract<TimelineEntry, { type: "change" }>): string {
  const who = e.entity === "contacts" ? t("timeline.contact", { name: e.label ?? "" }) : t("timeline.customer");
  const { field, oldValue, newValue } = e.change;
  if (field === "created") return `${who} · ${t("timeline.created")}`;
  if (field === "mergedInto") return `${who} · ${newValue ? t("merge.mergedInto", { name: newValue }) : t("merge.unmergedFrom", { name: oldValue ?? "" })}`;
  if (field === "deletedAt") return `${who} · ${t(newValue ? "timeline.trashed" : "timeline.restored")}`;
  const label = fieldLabel(t, field, e.entity);
  const show = (v: string | null) => (v === null || v === "" ? t("common.none") : field === "status" ? t(`status.${v}`) : v);
  return `${who} · ${label}：${show(oldValue)} → ${show(newValue)}`;
}

export function CustomerTimeline({ customerId }: { customerId: number }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const entries = useQuery({ queryKey: queryKeys.timeline(customerId), queryFn: () => api.customerTimeline(customerId) });
  const trash = useRecordMutation("followUps", "trash", () => void message.success(t("followUps.trashed")));

  const undo = useUndoMerge();
  const undoMerge = (id: number) =>
    undo.mutate(id, {
      onSuccess: () => void message.success(t("merge.undone")),
      onError: (err) => void message.error(errorText(t, err)),
    });

  const items = (entries.data ?? []).map((e) => {
    if (e.type === "merge") {
      const m = e.merge;
      return {
        key: `m${m.id}`,
        color: "purple",
        children: (
          <div data-testid="timeline-merge">
            <Space wrap>
              <Tag color="purple">{t("merge.tag")}</Tag>
              <Typography.Text type="secondary">{formatDateTime(m.mergedAt, i18n.language)}</Typography.Text>
              <Typography.Text>{t("merge.mergedFrom", { name: m.mergedName })}</Typography.Text>
              {m.undoneAt === null ? (
                <Popconfirm title={t("merge.undoConfirm", { name: m.mergedName })} okText={t("merge.undo")} cancelText={t("common.cancel")} onConfirm={() => undoMerge(m.id)}>
                  <Button size="small" loading={undo.isPending} data-testid="timeline-undo-merge">
                    {t("merge.undo")}
                  </Button>
                </Popconfirm>
              ) : (
                <Tag data-testid="timeline-merge-undone">{t("merge.undoneAt", { at: formatDateTime(m.undoneAt, i18n.language) })}</Tag>
              )}
            </Space>
          </div>
        ),
      };
    }
    if (e.type === "followUp") {
      const f = e.followUp;
      return {
        key: `f${f.id}`,
        color: "blue",
        children: (
          <div data-testid="timeline-follow-up">
            <Space wrap>
              <Tag color="blue">{t(`followUps.kinds.${f.kind}`)}</Tag>
              <Typography.Text type="secondary">{formatDateTime(f.happenedAt, i18n.language)}</Typography.Text>
              {f.contactName && <Typography.Text>{f.contactName}</Typography.Text>}
              <Popconfirm title={t("followUps.trashConfirm")} okText={t("common.ok")} cancelText={t("common.cancel")} onConfirm={() => trash.mutate(f.id)}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t("common.delete")} />
              </Popconfirm>
            </Space>
            <div className="pre-wrap">{f.content}</div>
            {f.outcome && <Typography.Text type="secondary">{t("followUps.outcome")}：{f.outcome}</Typography.Text>}
            {f.satisfaction !== null && (
              <div data-testid="timeline-satisfaction">
                <Typography.Text type="secondary">{t("followUps.satisfaction")}：</Typography.Text>
                <Rate disabled value={f.satisfaction} className="timeline-rate" />
              </div>
            )}
            {f.nextDate && (
              <div>
                <Tag color="orange">{t("timeline.next", { date: f.nextDate })}</Tag>
              </div>
            )}
          </div>
        ),
      };
    }
    if (e.type === "contract") {
      const c = e.contract;
      return {
        key: `k${c.id}`,
        color: "green",
        children: (
          <div data-testid="timeline-contract">
            <Space wrap>
              <Tag color="green">{t("contracts.tag")}</Tag>
              <Typography.Text type="secondary">{formatDateTime(e.at, i18n.language)}</Typography.Text>
              <Typography.Text>
                {t("contracts.timelineSigned", { number: c.number, title: c.title, amount: formatMoney(c.amount, i18n.language) })}
              </Typography.Text>
            </Space>
          </div>
        ),
      };
    }
    if (e.type === "receipt") {
      const r = e.receipt;
      return {
        key: `r${r.id}`,
        color: "gold",
        children: (
          <div data-testid="timeline-receipt">
            <Space wrap>
              <Tag color="gold">{t("plan.receiptTag")}</Tag>
              <Typography.Text type="secondary">{formatDateTime(e.at, i18n.language)}</Typography.Text>
              <Typography.Text>
                {t("plan.timelineReceived", {
                  amount: formatMoney(r.amount, i18n.language),
                  method: t(`paymentMethods.${r.method}`),
                  number: r.contractNumber,
                })}
              </Typography.Text>
            </Space>
          </div>
        ),
      };
    }
    return {
      key: `c${e.entity}${e.entityId}${e.change.changedAt}${e.change.field}`,
      color: "gray",
      children: (
        <Typography.Text type="secondary" data-testid="timeline-change">
          {formatDateTime(e.at, i18n.language)} · {changeText(t, e)}
        </Typography.Text>
      ),
    };
  });

  return (
    <Space direction="vertical" size="large" className="full-width">
      <FollowUpForm customerId={customerId} />
      {entries.isSuccess && items.length === 0 ? (
        <Empty description={t("timeline.empty")} />
      ) : (
        <Timeline items={items} data-testid="timeline" />
      )}
    </Space>
  );
}
