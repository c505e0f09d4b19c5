//! What a contract has planned, received and is still owed (and how much of that is overdue), as four
//! figures.
import { Col, Row, Statistic } from "antd";
import { useTranslation } from "react-i18next";
import type { ContractMoney } from "../../api/bindings/ContractMoney";
import { Money } from "../../components/Money";

export function ContractMoneySummary({ money }: { money: ContractMoney }) {
  const { t } = useTranslation();
  const figure = (key: keyof ContractMoney) => (
    <Col span={6}>
      <Statistic
        title={t(`contracts.${key}`)}
        value={money[key]}
        formatter={(v) => <Money fen={Number(v)} testId={`contract-${key}`} className={key === "overdue" && money.overdue > 0 ? "money-overdue" : undefined} />}
      />
    </Col>
  );
  return (
    <Row gutter={16} className="contract-money" data-testid="contract-money">
      {figure("planned")}
      {figure("received")}
      {figure("outstanding")}
      {figure("overdue")}
    </Row>
  );
}
