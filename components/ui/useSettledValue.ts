"use client";
import { useEffect, useState } from "react";

/**
 * `value` once it has stopped changing for `ms`: for work too heavy to run on every keystroke
 * or slider step (React cannot interrupt a computation once it runs, even a deferred one), so
 * typing paints at once and the heavy answer follows when the hand pauses.
 */
export function useSettledValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (Object.is(settled, value)) return;
    const t = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(t);
  }, [value, settled, ms]);
  return settled;
}
