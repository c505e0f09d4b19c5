//! A customer's or a contract's documents as a query, and the changes to one document (rename, trash); the
//! command table says what each refreshes.
import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Document } from "../../api/bindings/Document";
import { queryKeys } from "../../api/queryKeys";
import { useRecordMutation } from "../records/useRecordMutations";

/** A contract's documents when `contractId` is set, else all of the customer's (its contracts' too). */
export function useDocuments(customerId: number, contractId: number | null) {
  return useQuery({
    queryKey: contractId !== null ? queryKeys.contractDocuments(contractId) : queryKeys.customerDocuments(customerId),
    queryFn: () => (contractId !== null ? api.listContractDocuments(contractId) : api.listCustomerDocuments(customerId)),
  });
}

function useDocumentChange<T, V>(mutationFn: (v: V) => Promise<T>) {
  return useMutation<T, AppError, V>({ mutationFn });
}

export const useRenameDocument = () =>
  useDocumentChange<Document, { id: number; name: string }>(({ id, name }) => api.renameDocument(id, name));
export const useTrashDocument = () => useRecordMutation("documents", "trash");
