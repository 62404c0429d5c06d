// Hand-written Istio VirtualServices on the host canvas: read-only nodes beside the HTTPRoutes,
// each route summarised in a line, linked from the hostname they share.
import type { HandWritten, VirtualServiceResource } from "../migration";
import type { CanvasEdge, CanvasNode } from "./flow";

type IstioHTTP = NonNullable<NonNullable<VirtualServiceResource["spec"]>["http"]>[number];
type StringMatch = { exact?: string; prefix?: string; regex?: string };

const str = (m: StringMatch | undefined) =>
  m?.exact !== undefined ? `= ${m.exact}` : m?.prefix !== undefined ? `${m.prefix}…` : m?.regex !== undefined ? `~ ${m.regex}` : "any";

/** One HTTP route in a line: what it matches, where it sends, what else it does. */
export function summariseRoute(r: IstioHTTP): string {
  const matches = (r.match ?? []).map((m) =>
    [m.uri ? str(m.uri) : "", ...Object.entries(m.headers ?? {}).map(([k, v]) => `${k} ${str(v)}`), m.method ? `${str(m.method).replace(/^= /, "")}` : ""]
      .filter(Boolean)
      .join(" "),
  );
  const when = matches.length > 0 ? matches.join(" | ") : "every request";
  const to = r.redirect
    ? `redirect ${r.redirect.uri ?? r.redirect.prefixRewrite ?? ""}`.trim()
    : r.directResponse
      ? `answer ${r.directResponse.status}`
      : r.delegate
        ? `delegate to ${r.delegate.name ?? ""}`
        : (r.route ?? [])
            .map(
              (d) => `${d.destination.host.split(".")[0] ?? d.destination.host}${d.weight !== undefined && (r.route?.length ?? 0) > 1 ? ` ${d.weight}%` : ""}`,
            )
            .join(", ");
  const extras = [
    r.timeout && `timeout ${r.timeout}`,
    (r.retries?.attempts ?? 0) > 0 && `${r.retries?.attempts} retries`,
    r.fault && "fault",
    (r.mirror || r.mirrors?.length) && "mirror",
    r.rewrite && "rewrite",
    r.corsPolicy && "CORS",
  ].filter(Boolean);
  return `${when} → ${to || "nowhere"}${extras.length > 0 ? ` (${extras.join(", ")})` : ""}`;
}

export const virtualServiceNodeId = (key: string) => `virtualservice:${key}`;

/** The nodes of hand-written VirtualServices, each linked from `hostnameNodeId` when there is one. */
export function virtualServiceNodes(list: readonly HandWritten[], hostnameNodeId: string | undefined): { nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const nodes: CanvasNode[] = list.map((h) => ({
    id: virtualServiceNodeId(h.key),
    type: "virtualService",
    position: { x: 0, y: 0 },
    data: { key: h.key, hosts: h.hosts, routes: (h.virtualService.spec?.http ?? []).map(summariseRoute), suggestion: h.suggestion },
    draggable: false,
  }));
  const edges: CanvasEdge[] = hostnameNodeId
    ? nodes.map((n) => ({
        id: `${hostnameNodeId}->${n.id}`,
        source: hostnameNodeId,
        target: n.id,
        sourceHandle: "right",
        targetHandle: "left",
        label: "Istio",
      }))
    : [];
  return { nodes, edges };
}
