"use client";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { useLayoutEffect, useRef, useState } from "react";

/** What the server and the first client render draw before anything is measured: one screen. */
const FIRST_SCREEN = { width: 1280, height: 1000 };

/**
 * A long table drawn a screen at a time as the page scrolls (TanStack Virtual on the window), so
 * 10,000 rows cost the DOM what 40 do. The page keeps its own scroll bar, and a row that takes
 * the keyboard focus is scrolled in, which draws the next ones: Tab goes on through the list.
 * `padTop` and `padBottom` are the heights of what is not drawn, for spacer rows.
 */
export function useWindowRows<E extends HTMLElement>(count: number, estimate: number, keyOf: (i: number) => string) {
  const ref = useRef<E>(null);
  const [margin, setMargin] = useState(0);
  // The table's distance from the top of the page; rows are placed relative to it. Measured
  // again when the page's layout changes (a notice appearing above the table moves it).
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (el) setMargin(Math.round(el.getBoundingClientRect().top + window.scrollY));
    };
    measure();
    const watch = new ResizeObserver(measure);
    watch.observe(document.body);
    return () => watch.disconnect();
  }, []);
  const v = useWindowVirtualizer({
    count,
    estimateSize: () => estimate,
    overscan: 12,
    scrollMargin: margin,
    initialRect: FIRST_SCREEN,
    getItemKey: keyOf,
  });
  const items = v.getVirtualItems();
  const first = items[0];
  const last = items[items.length - 1];
  const padTop = first ? first.start - margin : 0;
  const padBottom = last ? v.getTotalSize() - (last.end - margin) : 0;
  return { ref, items, padTop: Math.max(0, padTop), padBottom: Math.max(0, padBottom), measure: v.measureElement };
}
