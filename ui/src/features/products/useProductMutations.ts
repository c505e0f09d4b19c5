//! Commands that change products; the command table says what each refreshes (the product list, the
//! contract form's product picker, the trash).
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Product } from "../../api/bindings/Product";
import type { ProductInput } from "../../api/bindings/ProductInput";
import { useRecordMutation } from "../records/useRecordMutations";

export function useSaveProduct() {
  return useMutation<Product, AppError, { id: number | null; input: ProductInput }>({
    mutationFn: ({ id, input }) => (id === null ? api.createProduct(input) : api.updateProduct(id, input)),
  });
}

export const useTrashProduct = () => useRecordMutation("products", "trash");
export const useRestoreProduct = () => useRecordMutation("products", "restore");
export const useDeleteProduct = () => useRecordMutation("products", "delete");
