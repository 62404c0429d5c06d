// How each health looks and reads, in one place so the graph, the lists and the badges agree.
import type { Health, NodeKind } from "@/lib/chain";
import { KINDS } from "@/lib/k8s";

export const HEALTH_WORD: Record<Health, string> = { ok: "healthy", pending: "waiting", warning: "warning", error: "failing" };

export const HEALTH_TONE: Record<Health, string> = {
  ok: "border-emerald-400 bg-emerald-50 text-emerald-900",
  pending: "border-slate-300 bg-slate-50 text-slate-700",
  warning: "border-amber-400 bg-amber-50 text-amber-900",
  error: "border-red-400 bg-red-50 text-red-900",
};

export const HEALTH_DOT: Record<Health, string> = { ok: "bg-emerald-500", pending: "bg-slate-400", warning: "bg-amber-500", error: "bg-red-600" };

export const EDGE_COLOR: Record<Health, string> = { ok: "#10b981", pending: "#94a3b8", warning: "#f59e0b", error: "#dc2626" };

/** What pages call each node: the kind's own label (lib/k8s), and the role a Service plays for Istio. */
export const KIND_LABEL: Record<NodeKind, string> = {
  ...(Object.fromEntries(Object.values(KINDS).map((k) => [k.key, k.label])) as Record<Exclude<NodeKind, "GatewayService">, string>),
  GatewayService: "Gateway Service",
};
