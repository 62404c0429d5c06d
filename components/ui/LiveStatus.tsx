import type { KindState } from "@/lib/store";
import type { Connection } from "@/lib/query";

/** A dot and a word: is what the page shows live? */
export function LiveStatus({ connection, state }: { connection: Connection; state?: KindState }) {
  const [tone, word] =
    connection === "lost"
      ? ["bg-red-500", "offline"]
      : state === "unreachable"
        ? ["bg-red-500", "cluster unreachable"]
        : connection === "open" && state === "ready"
          ? ["bg-emerald-500", "live"]
          : ["bg-amber-400", "connecting"];
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-600" data-live={word}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${tone}`} />
      {word}
    </span>
  );
}
