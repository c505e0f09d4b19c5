//! Commands that change contacts; the command table says what each refreshes (the customer page, the
//! contact list, the trash, the search).
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { Contact } from "../../api/bindings/Contact";
import type { ContactInput } from "../../api/bindings/ContactInput";
import { useRecordMutation } from "../records/useRecordMutations";

export function useSaveContact() {
  return useMutation<Contact, AppError, { customerId: number; id: number | null; input: ContactInput }>({
    mutationFn: ({ customerId, id, input }) => (id === null ? api.createContact(customerId, input) : api.updateContact(id, input)),
  });
}

export const useTrashContact = () => useRecordMutation("contacts", "trash");
export const useRestoreContact = () => useRecordMutation("contacts", "restore");
export const useDeleteContact = () => useRecordMutation("contacts", "delete");
