//! Keyset-paginated products by name, narrowed by a text and to the active ones.
import { useMemo } from "react";
import { useInfiniteQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { Product } from "../../api/bindings/Product";
import type { ProductQuery } from "../../api/bindings/ProductQuery";
import { queryKeys } from "../../api/queryKeys";

export const PRODUCT_PAGE_SIZE = 100;

export type ProductFilter = Omit<ProductQuery, "after" | "limit">;

export function useProductPages(filter: ProductFilter) {
  const pages = useInfiniteQuery({
    queryKey: queryKeys.productPages(filter),
    queryFn: ({ pageParam }) => api.listProducts({ ...filter, after: pageParam, limit: PRODUCT_PAGE_SIZE }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = useMemo<Product[]>(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  return { ...pages, rows };
}
