"use client";
import type { Effect, Impact, ImpactChange } from "@/lib/gateway";

const BADGE: Record<Effect, { text: string; tone: string }> = {
  introduced: { text: "new issue", tone: "bg-red-100 text-red-900" },
  changed: { text: "other issue", tone: "bg-amber-100 text-amber-900" },
  fixed: { text: "fixed", tone: "bg-emerald-100 text-emerald-900" },
  added: { text: "new", tone: "bg-slate-100 text-slate-700" },
  note: { text: "note", tone: "bg-slate-100 text-slate-700" },
};

/** "1 new issue, 2 fixed", or undefined when the change neither breaks nor fixes anything. */
export function impactSummary(impact: Impact | undefined): string | undefined {
  if (!impact) return undefined;
  const n = (e: Effect) => impact.changes.filter((c) => c.effect === e).length;
  const parts = [
    n("introduced") && `${n("introduced")} new issue${n("introduced") > 1 ? "s" : ""}`,
    n("changed") && `${n("changed")} issue${n("changed") > 1 ? "s" : ""} with another cause`,
    n("fixed") && `${n("fixed")} fixed`,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : undefined;
}

/** The change introduces an issue, or turns one into another. */
export const impactWorsens = (impact: Impact | undefined): boolean => impact?.changes.some((c) => c.effect === "introduced" || c.effect === "changed") ?? false;

function Row({ c }: { c: ImpactChange }) {
  const badge = BADGE[c.effect];
  return (
    <li className="border-t border-slate-100 py-1" data-impact-effect={c.effect} data-impact-self={c.self ? "true" : "false"}>
      <p>
        <span className={`mr-1 rounded px-1 text-[10px] font-semibold uppercase ${badge.tone}`}>{badge.text}</span>
        <span className="font-medium">{c.object}</span>
        {!c.self && c.object.startsWith("HTTPRoute") && <span className="text-slate-500"> (another route)</span>}
        <span className="text-slate-600"> · {c.subject}</span>
      </p>
      {(c.before !== undefined || c.after !== undefined) && (
        <p className="font-mono text-[11px] text-slate-700">
          {c.before ?? "—"} → {c.after ?? "—"}
        </p>
      )}
      {c.message && <p className="text-[11px] text-slate-600">{c.message}</p>}
    </li>
  );
}

/**
 * What the change will do to the status a conformant implementation writes, for the edited
 * routes and the others on their listeners: issues introduced and fixed. Predicted, and said so.
 */
export function ImpactView({ impact, pending, what = "this change" }: { impact?: Impact; pending: boolean; what?: string }) {
  if (!impact) {
    return (
      <p className="text-xs text-slate-600" role="status">
        {pending ? "Predicting the status after the change…" : `No change: ${what} leaves every status as it is.`}
      </p>
    );
  }
  return (
    <section aria-labelledby="impact-title" className="text-xs" data-impact={impact.changes.length} aria-busy={pending}>
      <h2 id="impact-title" className="text-sm font-semibold">
        Impact on status <span className="font-normal text-slate-500">(predicted)</span>
      </h2>
      <p className="text-[11px] text-slate-500">
        What a conformant Gateway implementation will report after {what}, by the Gateway API spec: {impact.routesCompared} route
        {impact.routesCompared === 1 ? "" : "s"} on {impact.listenersCompared} listener{impact.listenersCompared === 1 ? "" : "s"} compared.
      </p>
      {impact.changes.length === 0 ? (
        <p role="status" className="mt-1 text-slate-700" data-impact-none>
          No condition changes: every route and listener compared keeps its status.
        </p>
      ) : (
        <ul className="mt-1" aria-label="Conditions this change will change">
          {impact.changes.map((c, i) => (
            <Row key={i} c={c} />
          ))}
        </ul>
      )}
    </section>
  );
}
