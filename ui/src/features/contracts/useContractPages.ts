//! Keyset-paginated contract rows for the virtual list, and the total count fetched once per filter.
import { useMemo } from "react";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { ContractQuery } from "../../api/bindings/ContractQuery";
import type { ContractRow } from "../../api/bindings/ContractRow";
import { queryKeys } from "../../api/queryKeys";

export const CONTRACT_PAGE_SIZE = 100;

/** A query without its paging fields: what the screen chooses. */
export type ContractFilter = Omit<ContractQuery, "after" | "limit">;

export const DEFAULT_CONTRACT_FILTER: ContractFilter = {
  status: null,
  customerId: null,
  trashed: false,
  sort: "updatedAt",
  direction: "desc",
};

export function useContractPages(filter: ContractFilter) {
  const pages = useInfiniteQuery({
    queryKey: queryKeys.contractPages(filter),
    queryFn: ({ pageParam }) => api.listContracts({ ...filter, after: pageParam, limit: CONTRACT_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo<ContractRow[]>(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  return { ...pages, rows };
}

export function useContractCount(filter: ContractFilter) {
  return useQuery({
    queryKey: queryKeys.contractCount(filter),
    queryFn: () => api.countContracts({ ...filter, after: null, limit: CONTRACT_PAGE_SIZE }),
  });
}
