import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { renderInChinese } from "../../test/render";
import { CustomerForm } from "./CustomerForm";

describe("CustomerForm", () => {
  it("shows a server validation error on the uscc field and sends a clean input", async () => {
    const created: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "list_tags") return [];
      if (cmd === "create_customer") {
        created.push((args as { input: unknown }).input);
        throw { code: "validation", message: "uscc checksum mismatch", field: "uscc", reason: "checksum" };
      }
      throw new Error(`unexpected ${cmd}`);
    });

    await renderInChinese(<CustomerForm open customer={null} onClose={() => undefined} />);
    fireEvent.change(await screen.findByTestId("field-name"), { target: { value: "  福州某某科技有限公司 " } });
    fireEvent.change(screen.getByTestId("field-uscc"), { target: { value: "91350100m000100y44" } });
    fireEvent.click(screen.getByTestId("customer-save"));

    const item = screen.getByTestId("item-uscc");
    await waitFor(() => expect(within(item).getByText("统一社会信用代码校验位不正确")).toBeVisible());
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      name: "福州某某科技有限公司",
      uscc: "91350100M000100Y44",
      kind: "company",
      status: "potential",
      mobile: null,
      province: null,
      tags: [],
    });
  });

  it("asks for a name before calling the server", async () => {
    let called = false;
    mockIPC((cmd) => {
      if (cmd === "create_customer") called = true;
      return [];
    });
    await renderInChinese(<CustomerForm open customer={null} onClose={() => undefined} />);
    fireEvent.click(await screen.findByTestId("customer-save"));
    expect(await screen.findByText("请填写客户名称")).toBeInTheDocument();
    expect(called).toBe(false);
  });
});

describe("CustomerForm reopened for a new customer", () => {
  it("starts blank after editing another customer", async () => {
    mockIPC(() => []);
    const existing = {
      id: 5, name: "旧客户", kind: "individual", uscc: null, industry: null, source: null, province: null, city: null,
      district: null, address: null, phone: null, mobile: "13800000000", email: null, website: null, level: null,
      status: "deal", tags: [], notes: null, invoiceTitle: null, taxNumber: null, bankName: null, bankAccount: null,
      touchEveryDays: null, preference: null, nextFollowUp: null, lastFollowUpAt: null, createdAt: 0, updatedAt: 0, deletedAt: null,
    } as const;
    const view = await renderInChinese(<CustomerForm open customer={{ ...existing, tags: [] }} onClose={() => undefined} />);
    expect(await screen.findByTestId("field-name")).toHaveValue("旧客户");
    view.rerender(<CustomerForm open={false} customer={null} onClose={() => undefined} />);
    view.rerender(<CustomerForm open customer={null} onClose={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId("field-name")).toHaveValue(""));
    expect(screen.getByTestId("field-mobile")).toHaveValue("");
  });
});
