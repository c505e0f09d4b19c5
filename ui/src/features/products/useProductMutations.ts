//! Commands that change products, each followed by the refresh that keeps the product list, the contract
//! form's product picker and the trash correct.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Product } from "../../api/bindings/Product";
import type { ProductInput } from "../../api/bindings/ProductInput";
import { queryKeys } from "../../components/queryKeys";

function refresh(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.products });
  void queryClient.invalidateQueries({ queryKey: queryKeys.trash("products") });
}

export function useSaveProduct() {
  const queryClient = useQueryClient();
  return useMutation<Product, AppError, { id: number | null; input: ProductInput }>({
    mutationFn: ({ id, input }) => (id === null ? api.createProduct(input) : api.updateProduct(id, input)),
    onSuccess: () => refresh(queryClient),
  });
}

function useProductCommand(command: (id: number) => Promise<null>) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, number>({ mutationFn: command, onSuccess: () => refresh(queryClient) });
}

export const useTrashProduct = () => useProductCommand(api.trashProduct);
export const useRestoreProduct = () => useProductCommand(api.restoreProduct);
export const useDeleteProduct = () => useProductCommand(api.deleteProduct);
