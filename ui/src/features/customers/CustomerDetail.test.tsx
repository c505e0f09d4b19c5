import { describe, expect, it, vi } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { renderInChinese } from "../../test/render";
import { sampleCustomer } from "../../test/sampleCustomer";
import { CustomerDetail } from "./CustomerDetail";

describe("the customer drawer", () => {
  it("moves the customer to the trash after the question and closes", async () => {
    const calls: Array<[string, unknown]> = [];
    let trashed = false;
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      if (cmd === "get_customer") return sampleCustomer(7, { deletedAt: trashed ? 1 : null });
      if (cmd === "trash_record") {
        trashed = true;
        return null;
      }
      if (cmd === "customer_timeline" || cmd === "list_customer_contacts" || cmd === "list_customer_contracts" || cmd === "list_customer_documents") return [];
      return null;
    });
    const onClose = vi.fn();
    await renderInChinese(<CustomerDetail id={7} onClose={onClose} onEdit={() => {}} onOpen={() => {}} />);
    fireEvent.click(await screen.findByTestId("customer-trash"));
    fireEvent.click(await screen.findByText("确 定"));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(calls).toContainEqual(["trash_record", { kind: "customers", id: 7 }]);
  });
});
