import { describe, expect, it } from "vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { ContractQuery } from "../../api/bindings/ContractQuery";
import { renderInChinese } from "../../test/render";
import { sampleContract, sampleRow } from "../../test/sampleMoney";
import { ContractList } from "./ContractList";

/** The machine may be busy (a Rust build beside the tests): give antd time to render. */
const SLOW = { timeout: 5000 };

describe("ContractList", () => {
  it("lists contracts with their money, counts them, and opens one in the drawer", async () => {
    const lists: ContractQuery[] = [];
    const contract = sampleContract(1, { money: { planned: 320_000, received: 50_000, outstanding: 270_000, overdue: 0 } });
    mockIPC((cmd, args) => {
      switch (cmd) {
        case "count_contracts":
          return 1;
        case "list_contracts":
          lists.push((args as { query: ContractQuery }).query);
          return { rows: [sampleRow(contract)], nextCursor: null };
        case "get_contract":
          return contract;
        case "get_payment_plan":
          return { installments: [], receipts: [], money: contract.money };
      }
      return [];
    });
    await renderInChinese(<ContractList onOpenCustomer={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId("contract-count")).toHaveTextContent("共 1 份合同"), SLOW);
    const row = await screen.findByTestId("contract-row", {}, SLOW);
    expect(row).toHaveTextContent("HT-2026-0001");
    expect(row).toHaveTextContent("¥2,700.00");
    expect(row).toHaveTextContent("已签订");
    expect(lists[0]).toMatchObject({ status: null, trashed: false, sort: "updatedAt", direction: "desc", after: null, limit: 100 });

    fireEvent.click(row);
    expect(await screen.findByTestId("contract-number", {}, SLOW)).toHaveTextContent("HT-2026-0001");
  }, 40_000);
});
