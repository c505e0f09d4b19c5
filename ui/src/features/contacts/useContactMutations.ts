//! Commands that change contacts, each followed by the refresh that keeps the customer page, the contact
//! list, the trash and the search correct.
import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Contact } from "../../api/bindings/Contact";
import type { ContactInput } from "../../api/bindings/ContactInput";
import { queryKeys } from "../../components/queryKeys";

function refresh(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: queryKeys.contacts });
  void queryClient.invalidateQueries({ queryKey: ["search"] });
}

export function useSaveContact() {
  const queryClient = useQueryClient();
  return useMutation<Contact, AppError, { customerId: number; id: number | null; input: ContactInput }>({
    mutationFn: ({ customerId, id, input }) => (id === null ? api.createContact(customerId, input) : api.updateContact(id, input)),
    onSuccess: () => refresh(queryClient),
  });
}

function useContactCommand(command: (id: number) => Promise<null>) {
  const queryClient = useQueryClient();
  return useMutation<null, AppError, number>({ mutationFn: command, onSuccess: () => refresh(queryClient) });
}

export const useTrashContact = () => useContactCommand(api.trashContact);
export const useRestoreContact = () => useContactCommand(api.restoreContact);
export const useDeleteContact = () => useContactCommand(api.deleteContact);
