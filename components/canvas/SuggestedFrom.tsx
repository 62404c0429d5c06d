"use client";
import type { DraftOrigin } from "@/lib/canvas";

/** Above a suggested draft: what it was made from, and (folded) what it does not carry over. */
export function SuggestedFrom({ origin }: { origin: DraftOrigin }) {
  const n = origin.notes.length;
  return (
    <details className="rounded-md border border-violet-300 bg-violet-50 px-3 py-2 text-xs text-violet-950" data-suggested-from={origin.from}>
      <summary className="cursor-pointer">
        <span className="font-medium">Suggested from {origin.from}.</span>{" "}
        {n === 0
          ? "Everything it does carries over; review the rules before you apply."
          : `${n} thing${n === 1 ? "" : "s"} it does that this HTTPRoute will not: review before you apply.`}
      </summary>
      {n > 0 && (
        <ul className="mt-1 list-inside list-disc space-y-0.5">
          {origin.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
