import type { ConditionSummary } from "@/lib/gateway";

/** One condition of one parent: green when True, red when False, amber when Unknown or missing. */
export function ConditionBadge({ type, c, pending }: { type: string; c?: ConditionSummary; pending: boolean }) {
  const text = pending ? "no status yet" : !c ? "not reported" : c.status === "True" ? type : `${c.reason ?? c.status}`;
  const tone = c?.status === "True" ? "bg-emerald-100 text-emerald-800" : c?.status === "False" ? "bg-red-100 text-red-800" : "bg-amber-100 text-amber-800";
  const title = [
    `${type}: ${c?.status ?? (pending ? "no controller has written status" : "missing")}`,
    c?.reason,
    c?.message,
    c?.stale ? "(stale: written for an older generation)" : "",
  ]
    .filter(Boolean)
    .join(" — ");
  return (
    <span
      title={title}
      data-condition={type}
      data-status={pending ? "Pending" : (c?.status ?? "Missing")}
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${tone}`}
    >
      <span className="sr-only">{type}: </span>
      {text}
      {c?.stale && " (stale)"}
    </span>
  );
}
