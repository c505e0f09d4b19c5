//! Which of the document lists on screen a file dragged over the window goes to: the one under the
//! cursor, else the one on top (a contract's drawer over its customer's). Lists hidden in an inactive
//! tab or a closed drawer take nothing. No React, no Tauri.

type Target = { id: number; element: () => HTMLElement | null };

const targets: Target[] = [];
let nextId = 1;

/** Registers a list's drop zone; returns its id and the function that removes it. */
export function registerDropTarget(element: () => HTMLElement | null): { id: number; unregister: () => void } {
  const target = { id: nextId++, element };
  targets.push(target);
  return {
    id: target.id,
    unregister: () => {
      const i = targets.indexOf(target);
      if (i >= 0) targets.splice(i, 1);
    },
  };
}

const shown = (el: HTMLElement | null): el is HTMLElement => el !== null && el.isConnected && el.getClientRects().length > 0;

/** The id of the list a drop at `x`, `y` (CSS pixels in the window) goes to, or null when none is shown. */
export function dropTargetAt(x: number, y: number): number | null {
  // Drawers and modals are appended to the body as they open: later in the document is on top.
  const visible = targets
    .filter((t) => shown(t.element()))
    .sort((a, b) => (a.element()!.compareDocumentPosition(b.element()!) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const hit = typeof document.elementFromPoint === "function" ? document.elementFromPoint(x, y) : null;
  const under = hit ? visible.filter((t) => t.element()!.contains(hit)) : [];
  const chosen = under.length > 0 ? under[under.length - 1] : visible[visible.length - 1];
  return chosen?.id ?? null;
}
