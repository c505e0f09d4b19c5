//! A customer's or a contract's documents as a query, and the changes to one document (rename, trash,
//! restore, delete for good), each refreshing every list of documents.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Document } from "../../api/bindings/Document";
import { queryKeys } from "../../components/queryKeys";

/** A contract's documents when `contractId` is set, else all of the customer's (its contracts' too). */
export function useDocuments(customerId: number, contractId: number | null) {
  return useQuery({
    queryKey: contractId !== null ? queryKeys.contractDocuments(contractId) : queryKeys.customerDocuments(customerId),
    queryFn: () => (contractId !== null ? api.listContractDocuments(contractId) : api.listCustomerDocuments(customerId)),
  });
}

export function useTrashedDocuments() {
  return useQuery({ queryKey: queryKeys.trashedDocuments, queryFn: api.listTrashedDocuments });
}

/** Refreshes every list of documents (a customer's, a contract's, the trash). */
export function useRefreshDocuments() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: queryKeys.documents });
}

function useDocumentChange<T, V>(mutationFn: (v: V) => Promise<T>) {
  const refresh = useRefreshDocuments();
  return useMutation<T, AppError, V>({ mutationFn, onSuccess: refresh });
}

export const useRenameDocument = () =>
  useDocumentChange<Document, { id: number; name: string }>(({ id, name }) => api.renameDocument(id, name));
export const useTrashDocument = () => useDocumentChange<null, number>(api.trashDocument);
export const useRestoreDocument = () => useDocumentChange<null, number>(api.restoreDocument);
export const useDeleteDocument = () => useDocumentChange<null, number>(api.deleteDocument);
