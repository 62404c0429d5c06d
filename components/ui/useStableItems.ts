"use client";
import { useState } from "react";

const sameItems = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The previous array while the new one holds the same items (by identity): a live change to
 * objects a page does not show leaves what it derives from them untouched. Snapshots share
 * unchanged objects (lib/live), so "the same items" is a cheap check.
 */
export function useStableItems<T>(items: readonly T[]): readonly T[] {
  const [kept, setKept] = useState(items);
  const same = kept === items || sameItems(kept, items);
  // State from the previous render, updated during render: React re-renders at once, before paint.
  if (!same) setKept(items);
  return same ? kept : items;
}
