//! On a customer's page: the customers it may duplicate, one click from merging with it.
import { useState } from "react";
import { Button, Dropdown } from "antd";
import { MergeCellsOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../api/client";
import type { Customer } from "../../api/bindings/Customer";
import { toFormValues, toInput } from "../customers/customerInput";
import { MergeDialog } from "./MergeDialog";

export function MergeButton({ customer, onMerged }: { customer: Customer; onMerged: (survivorId: number) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const hints = useQuery({
    queryKey: ["duplicates", "of", customer.id, customer.updatedAt],
    queryFn: () => api.checkCustomerDuplicates(toInput(toFormValues(customer)), customer.id),
    enabled: open,
  });
  const items =
    hints.data && hints.data.length > 0
      ? hints.data.map((h) => ({
          key: String(h.id),
          label: (
            <span data-testid="merge-candidate">
              {h.name}（{h.reasons.map((r) => t(`duplicates.reasons.${r}`)).join("、")}）
            </span>
          ),
          onClick: () => setPair([customer.id, h.id]),
        }))
      : [{ key: "none", disabled: true, label: hints.isFetching ? t("common.loading") : t("merge.noCandidates") }];
  return (
    <>
      <Dropdown menu={{ items }} trigger={["click"]} open={open} onOpenChange={setOpen}>
        <Button icon={<MergeCellsOutlined />} data-testid="customer-merge">
          {t("merge.action")}
        </Button>
      </Dropdown>
      <MergeDialog pair={pair} onClose={() => setPair(null)} onMerged={(o) => onMerged(o.survivor.id)} />
    </>
  );
}
