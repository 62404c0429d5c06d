"use client";
import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { targetForKey, valueAtFraction, type ShareUnit } from "@/lib/traffic";

/**
 * One slider track (role="slider", WAI-ARIA pattern). A custom element rather than
 * <input type="range"> because the value must map exactly to the pointer's position on the
 * track (native thumbs are offset by their width) and Page Up/Down must follow our steps.
 */
export function ShareSlider(props: {
  label: string;
  value: number;
  total: number;
  unit: ShareUnit;
  valueText: string;
  disabled?: boolean;
  onMove: (target: number) => void;
}) {
  const { label, value, total, unit, valueText, disabled, onMove } = props;
  const track = useRef<HTMLDivElement>(null);
  const fraction = total > 0 ? value / total : 0;

  const fromPointer = (e: PointerEvent<HTMLDivElement>) => {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0) return;
    onMove(valueAtFraction((e.clientX - box.left) / box.width, total));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (disabled) return;
    const t = targetForKey(e.key, value, total, unit);
    if (t === undefined) return;
    e.preventDefault();
    onMove(t);
  };

  return (
    <div
      ref={track}
      role="slider"
      tabIndex={disabled ? -1 : 0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={value}
      aria-valuetext={valueText}
      aria-disabled={disabled || undefined}
      onKeyDown={onKeyDown}
      onPointerDown={(e) => {
        if (disabled) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        e.currentTarget.focus();
        fromPointer(e);
      }}
      onPointerMove={(e) => {
        if (!disabled && e.currentTarget.hasPointerCapture(e.pointerId)) fromPointer(e);
      }}
      className={`relative h-6 w-full touch-none select-none rounded outline-none focus-visible:ring-2 focus-visible:ring-sky-500 ${disabled ? "opacity-50" : "cursor-pointer"}`}
    >
      <div className="absolute inset-x-0 top-1/2 h-2 -translate-y-1/2 rounded-full bg-slate-200" />
      <div className="absolute left-0 top-1/2 h-2 -translate-y-1/2 rounded-full bg-sky-500" style={{ width: `${fraction * 100}%` }} />
      <div
        className="absolute top-1/2 h-4 w-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-sky-600 bg-white shadow"
        style={{ left: `${fraction * 100}%` }}
      />
    </div>
  );
}
