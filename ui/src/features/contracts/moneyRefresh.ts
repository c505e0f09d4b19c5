//! The refresh after anything that moves money (a contract, an installment, a receipt, a customer trashed,
//! restored or merged): the contract and its plan, every contract list, the receivables, the documents,
//! the timeline, Today and the trash.
import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "../../components/queryKeys";

export function refreshMoney(queryClient: QueryClient) {
  for (const queryKey of [
    queryKeys.contracts,
    ["contract"],
    queryKeys.receivables,
    queryKeys.documents,
    ["timeline"],
    queryKeys.today,
    ["trash"],
  ]) {
    void queryClient.invalidateQueries({ queryKey });
  }
}
