import type { Health } from "@/lib/chain";
import { HEALTH_DOT, HEALTH_WORD } from "./health";

/** A dot and a word for a health, with the raw value for tests. */
export function HealthBadge({ health }: { health: Health }) {
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium" data-health={health}>
      <span aria-hidden className={`h-2.5 w-2.5 rounded-full ${HEALTH_DOT[health]}`} />
      {HEALTH_WORD[health]}
    </span>
  );
}
