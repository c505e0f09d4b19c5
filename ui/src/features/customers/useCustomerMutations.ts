//! Commands that change customers, each followed by the cache refresh that keeps every list correct.
import { useMutation, useQueryClient, type InfiniteData, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Customer } from "../../api/bindings/Customer";
import type { CustomerInput } from "../../api/bindings/CustomerInput";
import type { CustomerPage } from "../../api/bindings/CustomerPage";
import { queryKeys } from "../../components/queryKeys";
import { refreshMoney } from "../contracts/moneyRefresh";

/** Drops loaded pages (lists restart at their first page) so no list shows a removed or missing row. */
function resetLists(queryClient: QueryClient) {
  void queryClient.resetQueries({ queryKey: queryKeys.customers });
  void queryClient.invalidateQueries({ queryKey: queryKeys.tags });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation<Customer, AppError, CustomerInput>({
    mutationFn: (input) => api.createCustomer(input),
    onSuccess: (customer) => {
      queryClient.setQueryData(queryKeys.customer(customer.id), customer);
      resetLists(queryClient);
    },
  });
}

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation<Customer, AppError, { id: number; input: CustomerInput }>({
    mutationFn: ({ id, input }) => api.updateCustomer(id, input),
    onSuccess: (customer) => {
      queryClient.setQueryData(queryKeys.customer(customer.id), customer);
      // Patch the row where it is, so the user keeps their scroll position in a long list.
      queryClient.setQueriesData<InfiniteData<CustomerPage>>({ queryKey: ["customers", "pages"] }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, rows: p.rows.map((r) => (r.id === customer.id ? customer : r)) })),
            }
          : data,
      );
      void queryClient.invalidateQueries({ queryKey: ["customers", "count"] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.tags });
    },
  });
}

function useRowCommand(command: (id: number) => Promise<null>) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, number>({
    mutationFn: command,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: queryKeys.customer(id) });
      resetLists(queryClient);
      // A trashed customer's contracts, receivables and documents leave with it, and come back with it.
      refreshMoney(queryClient);
    },
  });
}

export const useTrashCustomer = () => useRowCommand(api.trashCustomer);
export const useRestoreCustomer = () => useRowCommand(api.restoreCustomer);
export const useDeleteCustomer = () => useRowCommand(api.deleteCustomer);
