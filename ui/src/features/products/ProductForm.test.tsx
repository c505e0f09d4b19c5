import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ProductInput } from "../../api/bindings/ProductInput";
import { renderInChinese } from "../../test/render";
import { ProductForm } from "./ProductForm";

/** The machine may be busy (a Rust build beside the tests): give antd time to render. */
const SLOW = { timeout: 5000 };

describe("ProductForm", () => {
  it("sends prices in 分 and shows a taken code on the code field", async () => {
    const sent: ProductInput[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "create_product") {
        sent.push((args as { input: ProductInput }).input);
        throw { code: "conflict", message: "code taken", field: null, reason: "code_taken" };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    await renderInChinese(<ProductForm open product={null} onClose={() => undefined} />);
    fireEvent.change(await screen.findByTestId("product-field-name", {}, SLOW), { target: { value: "云服务器" } });
    fireEvent.change(screen.getByTestId("product-field-code"), { target: { value: "YF-01" } });
    fireEvent.change(screen.getByTestId("product-field-listPrice"), { target: { value: "1999.99" } });
    fireEvent.click(screen.getByTestId("product-save"));
    expect(await screen.findByText("已有产品使用这个编码", {}, SLOW)).toBeInTheDocument();
    await waitFor(() => expect(sent).toHaveLength(1), SLOW);
    expect(sent[0]).toEqual({ name: "云服务器", code: "YF-01", unit: null, category: null, listPrice: 199_999, cost: null, active: true, notes: null });
  });

  it("names the product, not the customer, when the name is missing", async () => {
    mockIPC(() => {
      throw new Error("no call expected");
    });
    await renderInChinese(<ProductForm open product={null} onClose={() => undefined} />);
    fireEvent.click(await screen.findByTestId("product-save", {}, SLOW));
    expect(await screen.findByText("请填写产品名称", {}, SLOW)).toBeInTheDocument();
  });
});
