//! A contract's lines as read: product or description, quantity and unit, unit price, discount, amount,
//! and their total.
import { Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { Contract } from "../../api/bindings/Contract";
import type { ContractLine } from "../../api/bindings/ContractLine";
import { Money } from "../../components/Money";

export function ContractLineTable({ contract }: { contract: Contract }) {
  const { t, i18n } = useTranslation();
  const number = (v: number, digits: number) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits }).format(v);
  if (contract.lines.length === 0) {
    return <Typography.Text type="secondary">{t("contracts.noLines")}</Typography.Text>;
  }
  return (
    <Table<ContractLine>
      size="small"
      rowKey="id"
      dataSource={contract.lines}
      pagination={false}
      data-testid="contract-lines-table"
      columns={[
        { key: "description", title: t("contractFields.lineDescription"), ellipsis: true, render: (_, l) => l.description },
        {
          key: "quantity",
          title: t("contractFields.lineQuantity"),
          width: 110,
          align: "right",
          render: (_, l) => `${number(l.quantity, 3)}${l.unit ? ` ${l.unit}` : ""}`,
        },
        { key: "unitPrice", title: t("contractFields.lineUnitPrice"), width: 130, align: "right", render: (_, l) => <Money fen={l.unitPrice} /> },
        {
          key: "discount",
          title: t("contractFields.lineDiscount"),
          width: 90,
          align: "right",
          render: (_, l) => (l.discountPercent > 0 ? `${number(l.discountPercent, 2)}%` : t("common.none")),
        },
        { key: "amount", title: t("contractFields.lineAmount"), width: 140, align: "right", render: (_, l) => <Money fen={l.amount} /> },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={4} align="right">
            {t("contracts.total")}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={1} align="right">
            <Money fen={contract.amount} />
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    />
  );
}
