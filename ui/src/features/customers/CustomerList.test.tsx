import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { CustomerQuery } from "../../api/bindings/CustomerQuery";
import { renderInChinese } from "../../test/render";
import { sampleCustomer } from "../../test/sampleCustomer";
import { CustomerList } from "./CustomerList";

function row(id: number) {
  return sampleCustomer(id, { province: "福建省", city: "福州市", mobile: "13800000000", level: "a", status: "deal", tags: ["VIP"] });
}

function scrollNearEnd(holder: HTMLElement) {
  Object.defineProperty(holder, "scrollHeight", { configurable: true, value: 4000 });
  Object.defineProperty(holder, "clientHeight", { configurable: true, value: 400 });
  // The virtual list clamps scrollTop to its own (tiny, in jsdom) content height: pin it.
  Object.defineProperty(holder, "scrollTop", { configurable: true, get: () => 3500, set: () => undefined });
  fireEvent.scroll(holder);
}

describe("CustomerList", () => {
  it("shows the total and loads the next page with the returned cursor when scrolled near the end", async () => {
    const lists: CustomerQuery[] = [];
    let counts = 0;
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "count_customers":
          counts += 1;
          return 1234;
        case "list_tags":
          return ["VIP"];
        case "list_customers": {
          const query = (args as { query: CustomerQuery }).query;
          lists.push(query);
          return query.after === null
            ? { rows: [row(1), row(2)], nextCursor: "next-1" }
            : { rows: [row(3)], nextCursor: null };
        }
      }
      throw new Error(cmd);
    });

    const { container } = await renderInChinese(<CustomerList />);
    await waitFor(() => expect(screen.getByTestId("customer-count")).toHaveTextContent("1234"));
    await waitFor(() => expect(screen.getAllByTestId("customer-row-name").length).toBeGreaterThan(0));
    expect(screen.getByTestId("page-title")).toHaveTextContent("客户");

    const holder = container.querySelector<HTMLElement>(".ant-table-tbody-virtual-holder");
    expect(holder).not.toBeNull();
    scrollNearEnd(holder as HTMLElement);

    await waitFor(() => expect(lists).toHaveLength(2));
    expect(lists[1].after).toBe("next-1");
    expect(lists[1].limit).toBe(100);
    expect(counts).toBe(1);
  });
});
