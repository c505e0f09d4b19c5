//! Files dragged from the desktop onto the window, while a document list is on screen: whether they are
//! over this list (to show its drop zone) and the paths dropped on it. Outside Tauri (unit tests without
//! a webview) it listens to nothing.
import { useEffect, useRef, useState, type RefObject } from "react";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { dropTargetAt, registerDropTarget } from "./dropTargets";

type Position = { x: number; y: number };

/** The webview reports physical pixels; the page lays out in CSS pixels. */
const cssPoint = ({ x, y }: Position) => {
  const ratio = window.devicePixelRatio || 1;
  return { x: x / ratio, y: y / ratio };
};

export function useFileDrop(zone: RefObject<HTMLElement | null>, onDrop: (paths: string[]) => void): boolean {
  const [over, setOver] = useState(false);
  const dropped = useRef(onDrop);
  dropped.current = onDrop;

  useEffect(() => {
    const target = registerDropTarget(() => zone.current);
    const mine = (p: Position) => {
      const { x, y } = cssPoint(p);
      return dropTargetAt(x, y) === target.id;
    };
    let unlisten: (() => void) | null = null;
    let stopped = false;
    let webview: ReturnType<typeof getCurrentWebview>;
    try {
      webview = getCurrentWebview();
    } catch {
      return target.unregister; // not in a Tauri webview
    }
    webview
      .onDragDropEvent(({ payload }) => {
        if (payload.type === "enter" || payload.type === "over") setOver(mine(payload.position));
        else if (payload.type === "drop") {
          setOver(false);
          if (payload.paths.length > 0 && mine(payload.position)) dropped.current(payload.paths);
        } else setOver(false);
      })
      .then(
        (stop) => {
          if (stopped) void stop();
          else unlisten = stop;
        },
        () => undefined,
      );
    return () => {
      stopped = true;
      target.unregister();
      unlisten?.();
    };
  }, [zone]);

  return over;
}
