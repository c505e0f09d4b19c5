import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import { renderInChinese } from "../../test/render";
import { ContactForm } from "./ContactForm";

describe("ContactForm", () => {
  it("shows a contact's own wording for a server error on its field and sends a clean input", async () => {
    const sent: unknown[] = [];
    mockIPC((cmd, args) => {
      if (cmd === "create_contact") {
        sent.push(args);
        throw { code: "validation", message: "birthday: format", field: "birthday", reason: "format" };
      }
      throw new Error(`unexpected ${cmd}`);
    });
    await renderInChinese(<ContactForm open customerId={7} contact={null} onClose={() => undefined} />);
    fireEvent.change(await screen.findByTestId("contact-field-name"), { target: { value: "张三" } });
    fireEvent.change(screen.getByTestId("contact-field-birthday"), { target: { value: "2月30日" } });
    fireEvent.click(screen.getByTestId("contact-save"));
    expect(await screen.findByText("生日格式不正确，例如 1990-05-12 或 05-12")).toBeInTheDocument();
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ customerId: 7, input: { name: "张三", birthday: "2月30日", mobile: null, isPrimary: false } });
  });

  it("names the contact, not the customer, when the name is missing", async () => {
    mockIPC(() => {
      throw { code: "validation", message: "name: required", field: "name", reason: "required" };
    });
    await renderInChinese(<ContactForm open customerId={7} contact={null} onClose={() => undefined} />);
    fireEvent.click(await screen.findByTestId("contact-save"));
    expect(await screen.findByText("请填写联系人姓名")).toBeInTheDocument();
  });
});
