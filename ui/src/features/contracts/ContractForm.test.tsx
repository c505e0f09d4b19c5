import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ContractInput } from "../../api/bindings/ContractInput";
import { renderInChinese } from "../../test/render";
import { sampleContract, sampleProduct } from "../../test/sampleMoney";
import { ContractForm } from "./ContractForm";

/** The machine may be busy (a Rust build beside the tests): give antd time to render. */
const SLOW = { timeout: 5000 };

const products = [sampleProduct(1, { name: "云服务器", code: "YF-01", listPrice: 150_000 }), sampleProduct(2, { name: "安装调试", listPrice: 50_000 })];

function mockServer(onCreate: (input: ContractInput) => unknown) {
  mockIPC((cmd, args) => {
    switch (cmd) {
      case "get_settings":
        return { language: null, reminders: { aheadDays: 7, dormantDays: 90, notify: true, installmentDaysBefore: 7, contractEndDaysBefore: 30 }, closeToTray: false, contractNumberRule: "HT-{YYYY}-{0000}" };
      case "list_customer_contacts":
        return [];
      case "list_products": {
        const text = (args as { query: { text: string | null } }).query.text;
        return { rows: products.filter((p) => !text || p.name.includes(text)), nextCursor: null };
      }
      case "create_contract":
        return onCreate((args as { input: ContractInput }).input);
    }
    throw new Error(`unexpected ${cmd}`);
  });
}

/** Opens the antd select with this test id and clicks the option with this text. */
async function choose(testId: string, text: string) {
  const select = screen.getByTestId(testId).closest(".ant-select") as HTMLElement;
  fireEvent.mouseDown(select.querySelector(".ant-select-selector") as HTMLElement);
  const listId = (select.querySelector("input") as HTMLInputElement).getAttribute("aria-controls") as string;
  const option = await waitFor(() => {
    const popup = document.getElementById(listId)?.closest(".ant-select-dropdown");
    const found = [...(popup?.querySelectorAll<HTMLElement>(".ant-select-item-option") ?? [])].find((o) => o.textContent?.includes(text));
    if (!found) throw new Error(`no option ${text}`);
    return found;
  }, SLOW);
  fireEvent.click(option);
}

describe("ContractForm", () => {
  it("prices lines from the products live and sends 分 for a customer it was opened from", async () => {
    const sent: ContractInput[] = [];
    mockServer((input) => {
      sent.push(input);
      return sampleContract(1, { amount: 320_000 });
    });
    await renderInChinese(<ContractForm open contract={null} customer={{ id: 7, name: "北京华远科技有限公司" }} onClose={() => undefined} />);
    fireEvent.change(await screen.findByTestId("contract-field-title", {}, SLOW), { target: { value: "年度云服务合同" } });
    expect(screen.getByTestId("contract-field-number")).toHaveAttribute("placeholder", expect.stringMatching(/HT-\d{4}-0001/));

    fireEvent.click(screen.getByTestId("contract-line-add"));
    await choose("contract-line-product-0", "云服务器");
    await waitFor(() => expect(screen.getByTestId("contract-line-price-0")).toHaveValue("1500.00"), SLOW);
    fireEvent.change(screen.getByTestId("contract-line-quantity-0"), { target: { value: "2" } });
    fireEvent.change(screen.getByTestId("contract-line-discount-0"), { target: { value: "10" } });
    await waitFor(() => expect(screen.getByTestId("contract-line-amount-0")).toHaveTextContent("¥2,700.00"), SLOW);

    fireEvent.click(screen.getByTestId("contract-line-add"));
    await choose("contract-line-product-1", "安装调试");
    await waitFor(() => expect(screen.getByTestId("contract-total")).toHaveTextContent("¥3,200.00"), SLOW);

    fireEvent.click(screen.getByTestId("contract-save"));
    await waitFor(() => expect(sent).toHaveLength(1), SLOW);
    expect(sent[0]).toMatchObject({
      number: null,
      title: "年度云服务合同",
      customerId: 7,
      status: "draft",
      amount: null,
      lines: [
        { productId: 1, description: "云服务器", quantity: 2, unitPrice: 150_000, discountPercent: 10 },
        { productId: 2, description: "安装调试", quantity: 1, unitPrice: 50_000, discountPercent: 0 },
      ],
    });
  }, 40_000);

  it("shows a taken number on the number field and a server line error under the lines", async () => {
    let calls = 0;
    mockServer(() => {
      calls += 1;
      throw calls === 1
        ? { code: "conflict", message: "number taken", field: null, reason: "number_taken" }
        : { code: "validation", message: "lineProduct: not_found", field: "lineProduct", reason: "not_found" };
    });
    await renderInChinese(<ContractForm open contract={null} customer={{ id: 7, name: "北京华远科技有限公司" }} onClose={() => undefined} />);
    fireEvent.change(await screen.findByTestId("contract-field-title", {}, SLOW), { target: { value: "合同" } });
    fireEvent.change(screen.getByTestId("contract-field-number"), { target: { value: "HT-2026-0001" } });
    fireEvent.change(screen.getByTestId("contract-field-amount"), { target: { value: "3450" } });
    fireEvent.click(screen.getByTestId("contract-save"));
    expect(await screen.findByText("已有合同使用这个编号", {}, SLOW)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId("contract-save"));
    expect(await screen.findByTestId("contract-lines-error", {}, SLOW)).toHaveTextContent("所选产品已不存在");
  });

  it("refuses a zero quantity before calling the server", async () => {
    let called = false;
    mockServer(() => {
      called = true;
      return sampleContract(1);
    });
    await renderInChinese(<ContractForm open contract={null} customer={{ id: 7, name: "北京华远科技有限公司" }} onClose={() => undefined} />);
    fireEvent.change(await screen.findByTestId("contract-field-title", {}, SLOW), { target: { value: "合同" } });
    fireEvent.click(screen.getByTestId("contract-line-add"));
    fireEvent.change(screen.getByTestId("contract-line-description-0"), { target: { value: "服务" } });
    fireEvent.change(screen.getByTestId("contract-line-quantity-0"), { target: { value: "" } });
    fireEvent.click(screen.getByTestId("contract-save"));
    const line = screen.getAllByTestId("contract-line")[0];
    expect(await within(line).findByText("数量必须大于 0（最多三位小数）", {}, SLOW)).toBeInTheDocument();
    expect(called).toBe(false);
  });
});
