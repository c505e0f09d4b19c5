//! Commands that change customers. The command table says which caches each makes stale; what is done
//! here besides is faster than a refetch (the saved customer put in place, the edited row patched where
//! it is so a long list keeps its scroll position).
import { useMutation, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Customer } from "../../api/bindings/Customer";
import type { CustomerInput } from "../../api/bindings/CustomerInput";
import type { CustomerPage } from "../../api/bindings/CustomerPage";
import { queryKeys } from "../../api/queryKeys";
import { useRecordMutation } from "../records/useRecordMutations";

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation<Customer, AppError, CustomerInput>({
    mutationFn: (input) => api.createCustomer(input),
    onSuccess: (customer) => queryClient.setQueryData(queryKeys.customer(customer.id), customer),
  });
}

export function useUpdateCustomer() {
  const queryClient = useQueryClient();
  return useMutation<Customer, AppError, { id: number; input: CustomerInput }>({
    mutationFn: ({ id, input }) => api.updateCustomer(id, input),
    onSuccess: (customer) => {
      queryClient.setQueryData(queryKeys.customer(customer.id), customer);
      queryClient.setQueriesData<InfiniteData<CustomerPage>>({ queryKey: ["customers", "pages"] }, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({ ...p, rows: p.rows.map((r) => (r.id === customer.id ? customer : r)) })),
            }
          : data,
      );
    },
  });
}

/** A customer moved to or out of the trash, or deleted: its own cached copy goes (it is stale or gone). */
function useCustomerRecord(verb: "trash" | "restore" | "delete") {
  const queryClient = useQueryClient();
  return useRecordMutation("customers", verb, (id) => queryClient.removeQueries({ queryKey: queryKeys.customer(id) }));
}

export const useTrashCustomer = () => useCustomerRecord("trash");
export const useRestoreCustomer = () => useCustomerRecord("restore");
export const useDeleteCustomer = () => useCustomerRecord("delete");
