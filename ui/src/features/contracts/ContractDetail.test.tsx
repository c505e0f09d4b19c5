import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ReceiptInput } from "../../api/bindings/ReceiptInput";
import { renderInChinese } from "../../test/render";
import { sampleContract, sampleInstallment } from "../../test/sampleMoney";
import { ContractDetail } from "./ContractDetail";

/** The machine may be busy (a Rust build beside the tests): give antd time to render. */
const SLOW = { timeout: 5000 };

const money = { planned: 320_000, received: 50_000, outstanding: 270_000, overdue: 0 };

describe("ContractDetail", () => {
  it("shows the contract's money and records a receipt for an installment's outstanding amount", async () => {
    const receipts: { installmentId: number; input: ReceiptInput }[] = [];
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "get_contract":
          return sampleContract(1, { money });
        case "get_payment_plan":
          return {
            installments: [sampleInstallment(11, { amount: 200_000, received: 50_000 }), sampleInstallment(12, { dueOn: "2027-06-30", amount: 120_000 })],
            receipts: [
              { id: 21, installmentId: 11, contractId: 1, contractNumber: "HT-2026-0001", customerId: 7, receivedOn: "2026-03-10", amount: 50_000, method: "bank", note: null, createdAt: 0, updatedAt: 0, deletedAt: null },
            ],
            money,
          };
        case "list_contract_documents":
        case "list_customer_documents":
        case "list_contract_history":
        case "list_customer_contacts":
          return [];
        case "record_receipt":
          receipts.push(args as { installmentId: number; input: ReceiptInput });
          return { id: 22 };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    await renderInChinese(<ContractDetail id={1} onClose={() => undefined} onOpenCustomer={() => undefined} />);
    expect(await screen.findByTestId("contract-number", {}, SLOW)).toHaveTextContent(/^HT-2026-0001$/);
    expect(screen.getByTestId("contract-amount")).toHaveTextContent("¥3,200.00");
    expect(screen.getByTestId("contract-planned")).toHaveTextContent("¥3,200.00");
    expect(screen.getByTestId("contract-received")).toHaveTextContent("¥500.00");
    expect(screen.getByTestId("contract-outstanding")).toHaveTextContent("¥2,700.00");
    expect(screen.getByTestId("contract-overdue")).toHaveTextContent("¥0.00");
    await waitFor(() => expect(screen.getAllByTestId("installment-row")).toHaveLength(2), SLOW);
    expect(screen.getAllByTestId("receipt-row")).toHaveLength(1);
    expect(screen.getAllByTestId("receipt-row")[0]).toHaveTextContent("银行转账");

    fireEvent.click(within(screen.getAllByTestId("installment-row")[0]).getByTestId("installment-receive"));
    const amount = await screen.findByTestId("receipt-field-amount", {}, SLOW);
    await waitFor(() => expect(amount).toHaveValue("1500.00"), SLOW);
    fireEvent.change(amount, { target: { value: "2000" } });
    fireEvent.click(screen.getByTestId("receipt-save"));
    expect(await screen.findByText("回款金额超过了这一期尚未收到的金额", {}, SLOW)).toBeInTheDocument();
    expect(receipts).toHaveLength(0);

    fireEvent.change(amount, { target: { value: "500" } });
    fireEvent.click(screen.getByTestId("receipt-save"));
    await waitFor(() => expect(receipts).toHaveLength(1), SLOW);
    expect(receipts[0]).toMatchObject({ installmentId: 11, input: { amount: 50_000, method: "bank", note: null } });
    expect(receipts[0].input.receivedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }, 40_000);

  it("shows the server's reason when a receipt is refused", async () => {
    mockIPC((cmd) => {
      switch (cmd) {
        case "get_contract":
          return sampleContract(1, { money });
        case "get_payment_plan":
          return { installments: [sampleInstallment(11)], receipts: [], money };
        case "record_receipt":
          throw { code: "validation", message: "amount: exceeds_due", field: "amount", reason: "exceeds_due" };
        case "get_settings":
          throw new Error("not needed");
      }
      return [];
    });
    await renderInChinese(<ContractDetail id={1} onClose={() => undefined} />);
    fireEvent.click(await screen.findByTestId("installment-receive", {}, SLOW));
    fireEvent.click(await screen.findByTestId("receipt-save", {}, SLOW));
    expect(await screen.findByText("回款金额超过了这一期尚未收到的金额", {}, SLOW)).toBeInTheDocument();
  }, 40_000);
});
