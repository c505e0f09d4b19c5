//! Merging two customers: which one survives, and for each field that differs, whose value it keeps.
//! Everything of the other customer moves to the survivor; the merge can be undone from its timeline.
import { useEffect, useMemo, useState } from "react";
import { Alert, App, Modal, Radio, Skeleton, Table, Typography, type ButtonProps } from "antd";
import { useQuery } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Customer } from "../../api/bindings/Customer";
import type { MergeOutcome } from "../../api/bindings/MergeOutcome";
import { formatDateTime } from "../../components/formatDate";
import { queryKeys } from "../../api/queryKeys";
import { errorText } from "../../i18n/errorText";
import { COMBINABLE, differing, initialPicks, mergedInput, shown, type MergeField, type Pick, type Picks } from "./mergeFields";
import { useMergeCustomers, useUndoMerge } from "./useMerge";

// antd's ButtonProps has no data-* index signature; the attribute still reaches the button.
const CONFIRM_BUTTON = { "data-testid": "merge-confirm" } as unknown as ButtonProps;

type Props = {
  /** The two customers; the first is proposed as the survivor. */
  pair: [number, number] | null;
  onClose: () => void;
  onMerged?: (outcome: MergeOutcome) => void;
};

function display(t: TFunction, c: Customer, field: MergeField): string {
  const v = shown(c, field);
  if (v === "") return t("common.none");
  if (field === "status") return t(`status.${v}`);
  if (field === "level") return t(`level.${v}`);
  if (field === "kind") return t(`kind.${v}`);
  if (field === "touchEveryDays") return `${v} ${t("units.days")}`;
  if (field === "preference") return "★".repeat(Number(v));
  return v;
}

export function MergeDialog({ pair, onClose, onMerged }: Props) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const merge = useMergeCustomers();
  const undo = useUndoMerge();
  const [survivorId, setSurvivorId] = useState<number | null>(null);
  const [picks, setPicks] = useState<Picks | null>(null);
  const first = useQuery({ queryKey: queryKeys.customer(pair?.[0] ?? -1), queryFn: () => api.getCustomer(pair![0]), enabled: !!pair });
  const second = useQuery({ queryKey: queryKeys.customer(pair?.[1] ?? -1), queryFn: () => api.getCustomer(pair![1]), enabled: !!pair });

  useEffect(() => setSurvivorId(pair?.[0] ?? null), [pair]);
  const [survivor, other] = useMemo(() => {
    if (!first.data || !second.data) return [null, null];
    return survivorId === second.data.id ? [second.data, first.data] : [first.data, second.data];
  }, [first.data, second.data, survivorId]);
  useEffect(() => setPicks(survivor && other ? initialPicks(survivor, other) : null), [survivor, other]);

  const fields = survivor && other ? differing(survivor, other) : [];
  const pick = (field: MergeField, value: Pick) => setPicks((p) => (p ? { ...p, [field]: value } : p));

  const submit = () => {
    if (!survivor || !other || !picks) return;
    const input = { survivorId: survivor.id, mergedId: other.id, fields: mergedInput(survivor, other, picks) };
    merge.mutate(input, {
      onSuccess: (outcome) => {
        const key = `merged-${outcome.merge.id}`;
        void message.success({
          key,
          duration: 8,
          content: (
            <span data-testid="merged-message">
              {t("merge.done", { name: other.name, survivor: outcome.survivor.name })}{" "}
              <Typography.Link
                data-testid="merged-undo"
                onClick={() =>
                  undo.mutate(outcome.merge.id, {
                    onSuccess: () => void message.success({ key, content: t("merge.undone") }),
                    onError: (err) => void message.error({ key, content: errorText(t, err) }),
                  })
                }
              >
                {t("merge.undo")}
              </Typography.Link>
            </span>
          ),
        });
        onMerged?.(outcome);
        onClose();
      },
      onError: (err) => void message.error(errorText(t, err)),
    });
  };

  const option = (c: Customer) => (
    <Radio value={c.id} key={c.id}>
      <span data-testid="merge-survivor">{c.name}</span>{" "}
      <Typography.Text type="secondary">· {t("merge.createdAt", { at: formatDateTime(c.createdAt, i18n.language) })}</Typography.Text>
    </Radio>
  );

  return (
    <Modal
      open={!!pair}
      onCancel={onClose}
      onOk={submit}
      width={860}
      title={t("merge.title")}
      okText={t("merge.confirm")}
      cancelText={t("common.cancel")}
      okButtonProps={{ ...CONFIRM_BUTTON, disabled: !picks }}
      confirmLoading={merge.isPending}
      destroyOnHidden
    >
      {(!survivor || !other || !picks) && <Skeleton active />}
      {survivor && other && picks && (
        <div data-testid="merge-dialog">
          <Typography.Paragraph strong>{t("merge.keep")}</Typography.Paragraph>
          <Radio.Group value={survivor.id} onChange={(e) => setSurvivorId(e.target.value as number)} className="merge-survivor">
            {[first.data!, second.data!].map(option)}
          </Radio.Group>
          <Alert className="merge-explain" type="info" showIcon message={t("merge.explain", { name: other.name, survivor: survivor.name })} />
          {fields.length === 0 ? (
            <Typography.Paragraph type="secondary">{t("merge.same")}</Typography.Paragraph>
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey={(f) => f}
              dataSource={fields}
              columns={[
                { key: "field", title: t("merge.field"), width: 140, render: (_, f) => t(`fields.${f}`) },
                ...([
                  ["survivor", survivor],
                  ["other", other],
                ] as const).map(([side, c]) => ({
                  key: side,
                  title: c.name,
                  render: (_: unknown, f: MergeField) => (
                    <Radio checked={picks[f] === side} onChange={() => pick(f, side)}>
                      <span data-testid={`merge-pick-${f}-${side}`}>{display(t, c, f)}</span>
                    </Radio>
                  ),
                })),
                {
                  key: "both",
                  title: t("merge.both"),
                  width: 90,
                  render: (_, f) =>
                    COMBINABLE.has(f) ? (
                      <Radio checked={picks[f] === "both"} onChange={() => pick(f, "both")}>
                        <span data-testid={`merge-pick-${f}-both`}>{t("merge.bothShort")}</span>
                      </Radio>
                    ) : null,
                },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
