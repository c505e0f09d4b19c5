//! Search while typing: the query waits for a pause of 120 ms, and the last results stay on screen until
//! the next ones arrive, so the list never flickers empty between keystrokes.
import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import { queryKeys } from "../../api/queryKeys";

export function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

export function useSearch(text: string) {
  const query = useDebounced(text.trim(), 120);
  return useQuery({
    queryKey: queryKeys.search(query),
    queryFn: () => api.search(query, 50),
    enabled: query.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}
