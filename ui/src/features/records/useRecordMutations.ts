//! Moving any kind of record to the trash, back, or away for good. What each makes stale comes from the
//! command table (`api/commands.ts`), so no screen lists what to refresh by hand.
import { useMutation } from "@tanstack/react-query";
import { api } from "../../api/client";
import type { AppError } from "../../api/bindings/AppError";
import type { RecordKind } from "../../api/bindings/RecordKind";

type Verb = "trash" | "restore" | "delete";

const COMMAND: Record<Verb, (kind: RecordKind, id: number) => Promise<null>> = {
  trash: api.trashRecord,
  restore: api.restoreRecord,
  delete: api.deleteRecord,
};

/** `verb` on a record of `kind`, by its id; `onDone` runs after it succeeded (and its caches went stale). */
export function useRecordMutation(kind: RecordKind, verb: Verb, onDone?: (id: number) => void) {
  return useMutation<null, AppError, number>({
    mutationFn: (id) => COMMAND[verb](kind, id),
    onSuccess: (_, id) => onDone?.(id),
  });
}
