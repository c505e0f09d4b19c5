//! Measures an element's height as it resizes, so a virtual table can fill the space it is given.
import { useLayoutEffect, useRef, useState } from "react";

export function useElementHeight<T extends HTMLElement>(fallback = 480) {
  const ref = useRef<T>(null);
  const [height, setHeight] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const h = el.getBoundingClientRect().height;
      if (h > 0) setHeight(Math.floor(h));
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, height] as const;
}
