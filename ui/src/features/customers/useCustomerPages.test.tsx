import { describe, expect, it } from "vitest";
import { act, renderHook, waitFor } from "@testing-library/react";
import { mockIPC } from "@tauri-apps/api/mocks";
import type { CustomerQuery } from "../../api/bindings/CustomerQuery";
import { Providers } from "../../test/render";
import { sampleCustomer } from "../../test/sampleCustomer";
import { DEFAULT_FILTER, isNearEnd, PAGE_SIZE, useCustomerCount, useCustomerPages } from "./useCustomerPages";

const customer = (id: number) => sampleCustomer(id);

describe("the customer list pages", () => {
  it("requests the next page with the cursor the previous page returned", async () => {
    const queries: CustomerQuery[] = [];
    mockIPC((cmd, args) => {
      if (cmd !== "list_customers") throw new Error(cmd);
      const query = (args as { query: CustomerQuery }).query;
      queries.push(query);
      return query.after === null
        ? { rows: [customer(1), customer(2)], nextCursor: "cursor-after-2" }
        : { rows: [customer(3)], nextCursor: null };
    });

    const { result } = renderHook(() => useCustomerPages({ ...DEFAULT_FILTER, status: "deal" }), { wrapper: Providers });
    await waitFor(() => expect(result.current.rows).toHaveLength(2));
    expect(result.current.hasNextPage).toBe(true);

    await act(() => result.current.fetchNextPage());
    await waitFor(() => expect(result.current.rows.map((r) => r.id)).toEqual([1, 2, 3]));
    expect(result.current.hasNextPage).toBe(false);

    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatchObject({ after: null, limit: PAGE_SIZE, status: "deal", sort: "updatedAt", direction: "desc" });
    expect(queries[1]).toMatchObject({ after: "cursor-after-2", limit: PAGE_SIZE, status: "deal" });
  });

  it("asks for the total count once, not once per page", async () => {
    const commands: string[] = [];
    mockIPC((cmd) => {
      commands.push(cmd);
      return cmd === "count_customers" ? 1_000_000 : { rows: [customer(1)], nextCursor: "c" };
    });
    const { result } = renderHook(
      () => ({ pages: useCustomerPages(DEFAULT_FILTER), count: useCustomerCount(DEFAULT_FILTER) }),
      { wrapper: Providers },
    );
    await waitFor(() => expect(result.current.count.data).toBe(1_000_000));
    await waitFor(() => expect(result.current.pages.rows).toHaveLength(1));
    await act(() => result.current.pages.fetchNextPage());
    await act(() => result.current.pages.fetchNextPage());
    expect(commands.filter((c) => c === "count_customers")).toHaveLength(1);
    expect(commands.filter((c) => c === "list_customers")).toHaveLength(3);
  });

  it("treats a scroll position within the margin of the end as near the end", () => {
    expect(isNearEnd({ scrollTop: 900, clientHeight: 400, scrollHeight: 2000 }, 800)).toBe(true);
    expect(isNearEnd({ scrollTop: 100, clientHeight: 400, scrollHeight: 2000 }, 800)).toBe(false);
  });
});
