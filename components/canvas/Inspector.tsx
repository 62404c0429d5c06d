"use client";
import { WeightSliders } from "@/components/traffic/WeightSliders";
import { moveBackendTo, PATH_TYPES, setRulePath } from "@/lib/canvas";
import type { HTTPMethod, HTTPPathMatchType } from "@/lib/gateway";
import { editMatch, graphNodes, renameHostname, setWeight, type BackendNode, type GraphNode, type RouteGraph, type RuleNode } from "@/lib/graph";

const METHODS: HTTPMethod[] = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];

const pairs = (list: readonly { name: string; value: string }[] | null | undefined) => (list ?? []).map((x) => `${x.name}=${x.value}`).join(", ");
const parsePairs = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const i = s.indexOf("=");
      return i < 0 ? { name: s, value: "" } : { name: s.slice(0, i).trim(), value: s.slice(i + 1).trim() };
    });

const field = "w-full rounded border border-slate-300 px-1 py-0.5 font-mono";

/** Details of the selected element, editable: match fields of a rule, its weights, a backend's rule. */
export function Inspector({
  graph,
  selected,
  readOnly,
  edit,
}: {
  graph: RouteGraph;
  selected?: string;
  readOnly: boolean;
  edit: (f: (g: RouteGraph) => RouteGraph) => void;
}) {
  const nodes = graphNodes(graph);
  const node: GraphNode | undefined = nodes.find((n) => n.id === selected);
  if (!node) return <p className="text-xs text-slate-600">Select a rule, backend or hostname on the canvas (click it, or Tab to it and press Enter).</p>;
  if (node.kind === "hostname") {
    return (
      <label className="block text-xs">
        Hostname
        <input className={field} value={node.value} disabled={readOnly} onChange={(e) => edit((g) => renameHostname(g, node.id, e.target.value))} />
      </label>
    );
  }
  if (node.kind === "backend") {
    const rules = nodes.filter((n): n is RuleNode => n.kind === "rule");
    return (
      <div className="space-y-2 text-xs">
        <p className="font-semibold">
          {node.namespace}/{node.name}
          {node.port ? `:${node.port}` : ""}
        </p>
        <label className="block">
          Weight
          <input
            type="number"
            className={field}
            value={node.weight}
            disabled={readOnly}
            min={0}
            max={1_000_000}
            onChange={(e) => edit((g) => setWeight(g, node.id, Math.round(Number(e.target.value))))}
          />
        </label>
        <label className="block">
          Move to rule
          <select className={field} value={node.ruleId} disabled={readOnly} onChange={(e) => edit((g) => moveBackendTo(g, node.id, e.target.value))}>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                Rule {r.index + 1}: {r.matches[0]?.match.path?.value ?? "/"}
              </option>
            ))}
          </select>
        </label>
      </div>
    );
  }
  if (node.kind !== "rule") return <p className="text-xs text-slate-600">{node.kind === "parent" ? `Parent ${node.namespace}/${node.name}` : ""}</p>;
  const match = node.matches[0];
  const backends = nodes.filter((n): n is BackendNode => n.kind === "backend" && n.ruleId === node.id);
  return (
    <div className="space-y-2 text-xs" data-inspector-rule={node.id}>
      <p className="font-semibold">
        Rule {node.index + 1}
        {node.name ? ` (${node.name})` : ""}
      </p>
      <div className="flex gap-1">
        <label className="block">
          Path type
          <select
            className={field}
            value={match?.match.path?.type ?? "PathPrefix"}
            disabled={readOnly}
            onChange={(e) => edit((g) => setRulePath(g, node.id, { type: e.target.value as HTTPPathMatchType }))}
          >
            {PATH_TYPES.map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </label>
        <label className="block min-w-0 flex-1">
          Path
          <input
            className={field}
            value={match?.match.path?.value ?? "/"}
            disabled={readOnly}
            onChange={(e) => edit((g) => setRulePath(g, node.id, { value: e.target.value }))}
          />
        </label>
      </div>
      {match && (
        <>
          <label className="block">
            Method
            <select
              className={field}
              value={match.match.method ?? ""}
              disabled={readOnly}
              onChange={(e) => edit((g) => editMatch(g, match.id, { method: (e.target.value || null) as HTTPMethod | null }))}
            >
              <option value="">any</option>
              {METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
          <label className="block">
            Headers (name=value, comma-separated)
            <input
              className={field}
              defaultValue={pairs(match.match.headers)}
              disabled={readOnly}
              onBlur={(e) => edit((g) => editMatch(g, match.id, { headers: parsePairs(e.target.value) }))}
            />
          </label>
          <label className="block">
            Query parameters (name=value, comma-separated)
            <input
              className={field}
              defaultValue={pairs(match.match.queryParams)}
              disabled={readOnly}
              onBlur={(e) => edit((g) => editMatch(g, match.id, { queryParams: parsePairs(e.target.value) }))}
            />
          </label>
        </>
      )}
      <h3 className="font-semibold">Backend weights</h3>
      {backends.length === 0 ? (
        <p className="text-slate-600">No backends: drop a Service on the rule.</p>
      ) : (
        <WeightSliders
          backends={backends.map((b) => ({ id: b.id, label: `${b.name}${b.port ? `:${b.port}` : ""}`, weight: b.weight }))}
          disabled={readOnly}
          onChange={(weights) => edit((g) => Object.entries(weights).reduce((acc, [id, w]) => setWeight(acc, id, w), g))}
        />
      )}
    </div>
  );
}
