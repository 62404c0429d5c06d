import type { ReactNode } from "react";

const TONES = {
  info: "border-slate-200 bg-white text-slate-700",
  warn: "border-amber-300 bg-amber-50 text-amber-900",
  error: "border-red-300 bg-red-50 text-red-900",
} as const;

/** A short message in a box: empty states, loading, and problems in plain words. */
export function Notice({ tone = "info", title, children }: { tone?: keyof typeof TONES; title: string; children?: ReactNode }) {
  return (
    <div role={tone === "info" ? "status" : "alert"} className={`rounded-md border px-4 py-3 text-sm ${TONES[tone]}`}>
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1">{children}</div>}
    </div>
  );
}
