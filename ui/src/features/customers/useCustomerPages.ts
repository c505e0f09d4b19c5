//! Keyset-paginated customer rows for a virtual table, and the total count fetched once per filter.
import { useMemo } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Customer } from "../../api/bindings/Customer";
import type { CustomerQuery } from "../../api/bindings/CustomerQuery";
import { queryKeys } from "../../api/queryKeys";

export const PAGE_SIZE = 100;

/** A query without its paging fields: what the screens choose. */
export type CustomerFilter = Omit<CustomerQuery, "after" | "limit">;

export const DEFAULT_FILTER: CustomerFilter = {
  status: null,
  level: null,
  tag: null,
  province: null,
  city: null,
  district: null,
  trashed: false,
  sort: "updatedAt",
  direction: "desc",
};

export function useCustomerPages(filter: CustomerFilter) {
  const query: CustomerQuery = { ...filter, after: null, limit: PAGE_SIZE };
  const pages = useInfiniteQuery({
    queryKey: queryKeys.customerPages(query),
    queryFn: ({ pageParam }) => api.listCustomers({ ...query, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo<Customer[]>(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  return { ...pages, rows };
}

export function useCustomerCount(filter: CustomerFilter) {
  const query: CustomerQuery = { ...filter, after: null, limit: PAGE_SIZE };
  return useQuery({ queryKey: queryKeys.customerCount(query), queryFn: () => api.countCustomers(query) });
}

/** True when a scrolled element is within `margin` pixels of its end. */
export function isNearEnd(el: { scrollTop: number; scrollHeight: number; clientHeight: number }, margin: number) {
  return el.scrollHeight - el.scrollTop - el.clientHeight <= margin;
}
