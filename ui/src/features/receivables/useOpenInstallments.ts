//! Keyset pages of the installments still open, oldest due first, of one aging bucket or one customer.
import { useMemo } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AgingBucket } from "../../api/bindings/AgingBucket";
import type { OpenInstallment } from "../../api/bindings/OpenInstallment";
import { queryKeys } from "../../api/queryKeys";

export const OPEN_PAGE_SIZE = 100;

export function useOpenInstallments(bucket: AgingBucket | null, customerId: number | null) {
  const pages = useInfiniteQuery({
    queryKey: queryKeys.openInstallments(bucket, customerId),
    queryFn: ({ pageParam }) => api.listOpenInstallments({ bucket, customerId, after: pageParam, limit: OPEN_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo<OpenInstallment[]>(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  return { ...pages, rows };
}
