"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { YamlDiff } from "@/components/yaml/YamlDiff";
import { YamlView } from "@/components/yaml/YamlView";
import { Notice } from "@/components/ui/Notice";
import { ImpactView, impactSummary, impactWorsens } from "@/components/impact/ImpactView";
import { useImpact } from "@/components/impact/useImpact";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { addNewRule, dropOnRule } from "@/lib/canvas";
import { toFlow } from "@/lib/canvas";
import { forDisplay, kingressOwner } from "@/lib/canvas";
import { paletteItems, type PaletteItem } from "@/lib/canvas";
import { pinProblems } from "@/lib/canvas";
import { rebase } from "@/lib/canvas";
import { testerObjects } from "@/lib/canvas";
import { routingTable } from "@/lib/canvas";
import { useSettledValue } from "@/components/ui/useSettledValue";
import { useStableItems } from "@/components/ui/useStableItems";
import { missingGrants } from "@/lib/gateway";
import type { Gateway, HTTPRoute, ReferenceGrant } from "@/lib/gateway";
import { fromHTTPRoutes, graphNodes, setTypedWeight, type RouteGraph } from "@/lib/graph";
import { scaledWords } from "@/lib/gateway";
import { useClusterContext } from "@/lib/query";
import { useLiveKinds } from "@/lib/query";
import { printManifest } from "@/lib/yaml";
import type { KubeObject } from "@/lib/k8s";
import { CanvasActionsContext, type CanvasActions } from "./canvas-context";
import { ConflictView } from "./ConflictView";
import { GrantsNotice } from "./GrantsNotice";
import { FlowCanvas } from "./FlowCanvas";
import { Inspector } from "./Inspector";
import { Palette } from "./Palette";
import { ProblemsView } from "./ProblemsView";
import { RequestTester } from "./RequestTester";
import { RoutingTableView } from "./RoutingTableView";
import { SidePanel } from "./SidePanel";
import { SplitOffer } from "./SplitOffer";
import { SuggestedFrom } from "./SuggestedFrom";
import { ApplyBar } from "./ApplyBar";
import { EditorToolbar } from "./EditorToolbar";
import { useApplyFlow } from "./useApplyFlow";
import { useDraftGraph } from "./useDraftGraph";
import { useRequestTester } from "./useRequestTester";
import { usePermission } from "./usePermission";
import { READ_ONLY_REASON } from "@/lib/query";
import { useValidation } from "./useValidation";

// GatewayClasses and Namespaces are for the request tester: which Gateways serve, which namespaces they admit.
const LIVE = ["HTTPRoute", "Service", "KnativeService", "Gateway", "ReferenceGrant", "GatewayClass", "Namespace"] as const;

const NO_HOSTS: readonly string[] = [];

/** The canvas editor of one route: palette, canvas, side panel and the apply flow. */
export function EditorView({ loaded, isNew }: { loaded: HTTPRoute; isNew: boolean }) {
  const context = useClusterContext();
  const [base, setBase] = useState<HTTPRoute | undefined>(isNew ? undefined : loaded);
  const baseRV = base?.metadata.resourceVersion ?? "";
  const start = useMemo(() => base ?? { ...loaded, spec: { ...loaded.spec, rules: [] } }, [base, loaded]);
  const draft = useDraftGraph(context, start, baseRV, true);
  const owner = kingressOwner(loaded);
  const permission = usePermission(loaded);
  const readOnly = owner !== undefined || permission.forbidden !== undefined;
  const { snapshots, connection } = useLiveKinds(LIVE);
  const [routesSnap, servicesSnap, ksvcSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap] = snapshots;
  const gateways = useMemo(() => (gatewaysSnap?.items ?? []) as unknown as Gateway[], [gatewaysSnap]);
  const items = useMemo(() => paletteItems(servicesSnap?.items ?? [], ksvcSnap?.items ?? []), [servicesSnap, ksvcSnap]);
  const [selected, setSelected] = useState<string>();
  const [warnings, setWarnings] = useState<string[]>([]);
  const [splitting, setSplitting] = useState(false);
  const { graph, route } = draft;
  const ns = route.metadata.namespace ?? "";
  const routeId = graph.entries[0]?.ids.route ?? "";

  const validation = useValidation(graph, route);
  // Precedence is decided across every route on the same hostnames, so the table includes them.
  const hostnames = useStableItems(route.spec.hostnames ?? NO_HOSTS);
  const others = useMemo(() => {
    const hosts = new Set(hostnames);
    const rs = ((routesSnap?.items ?? []) as unknown as HTTPRoute[]).filter(
      (r) => !(r.metadata.namespace === ns && r.metadata.name === route.metadata.name) && (r.spec.hostnames ?? []).some((h) => hosts.has(h)),
    );
    return fromHTTPRoutes(rs).entries;
  }, [hostnames, routesSnap, ns, route.metadata.name]);
  // Ranking every rule on a busy host takes tens of ms: it follows the draft once typing pauses,
  // so a keystroke paints at once. The draft graph itself, not one rebuilt from its route: its
  // rule ids follow rules through reorders, so the table's verdicts land on the nodes drawn.
  const settledGraph = useSettledValue(graph, 250);
  const table = useMemo(() => routingTable({ entries: [...settledGraph.entries, ...others] }), [settledGraph, others]);
  // The draft, not the stored route, answers the tested request: an edit shows its effect before it is applied.
  const testerInput = useMemo(
    () => testerObjects([routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap], route),
    [routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap, route],
  );
  const tester = useRequestTester(testerInput, graph, route.spec.hostnames?.[0]);
  const shownBase = useMemo(() => (base ? printManifest(forDisplay(base)) : ""), [base]);
  const shownDraft = useMemo(() => printManifest(forDisplay(route)), [route]);
  const dirty = shownBase !== shownDraft;
  const flow = useMemo(() => toFlow(graph, { gateways, shadowed: table.shadowed, shadowedBy: table.shadowedBy, readOnly }), [graph, gateways, table, readOnly]);
  const pinned = useMemo(() => {
    const problems = [...validation.errors, ...validation.limits.map((l) => ({ elementId: l.elementId, message: l.message }))];
    return pinProblems(
      problems,
      flow.nodes.map((n) => n.id),
    );
  }, [validation, flow.nodes]);

  const onApplied = useCallback(
    (fresh: HTTPRoute) => {
      // The canvas now shows what the API server stored (with its defaults), so no draft is left.
      setBase(fresh);
      draft.reset(fresh);
    },
    [draft],
  );
  // Grants the route's cross-namespace Services still lack (none known when they cannot be listed).
  const neededGrants = useMemo(
    () => (grantsSnap?.state === "ready" ? missingGrants(route, grantsSnap.items as unknown as ReferenceGrant[]) : []),
    [route, grantsSnap],
  );
  const [createGrants, setCreateGrants] = useState(true);
  const grants = useMemo(() => (createGrants ? neededGrants : []), [createGrants, neededGrants]);
  const applyFlow = useApplyFlow(route, baseRV, onApplied, grants);
  // Before: the live objects with the route as the editor loaded it (what the diff compares with).
  const impactInput = useMemo(() => {
    if (!dirty || testerInput.loading) return undefined;
    const before = testerObjects([routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap], base).objects;
    const beforeObjects = base
      ? before
      : before.filter((o) => !(o.kind === "HTTPRoute" && o.metadata.namespace === ns && o.metadata.name === route.metadata.name));
    // The ReferenceGrants the apply creates with the route are part of the change.
    const after = [
      ...testerInput.objects,
      ...grants.map((g) => ({ ...(g as unknown as KubeObject), apiVersion: "gateway.networking.k8s.io/v1beta1", kind: "ReferenceGrant" })),
    ];
    return { before: beforeObjects, after, edited: [{ namespace: ns, name: route.metadata.name ?? "" }], options: testerInput.options };
  }, [dirty, testerInput, routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap, base, ns, route.metadata.name, grants]);
  const { impact, pending: impactPending } = useImpact(impactInput);

  const dropItem = useCallback(
    (ruleId: string, item: PaletteItem) => {
      draft.edit((g: RouteGraph) => {
        const r = dropOnRule(g, ruleId, item);
        if (r.warnings.length) setWarnings(r.warnings);
        return r.graph;
      });
    },
    [draft],
  );
  // A rule added from the keyboard (toolbar or palette): it is selected and its path field takes
  // the focus, text selected, so typing the path is the next key press.
  const pendingFocus = useRef(false);
  // The rule the keyboard is working on (added, or left with Enter): the palette adds to it. Kept
  // apart from the canvas's selection, which React Flow owns; a click on a node replaces it.
  const [targetRule, setTargetRule] = useState<string>();
  const onSelect = useCallback((id: string | undefined) => {
    setSelected(id);
    setTargetRule(undefined);
  }, []);
  const newRule = useCallback(() => {
    pendingFocus.current = true;
    draft.edit((g) => addNewRule(g, routeId));
  }, [draft, routeId]);
  const ruleIds = graph.entries[0]?.ids.rules;
  useEffect(() => {
    if (!pendingFocus.current || !ruleIds?.length) return;
    pendingFocus.current = false;
    const id = ruleIds[ruleIds.length - 1]?.id;
    if (!id) return;
    setTargetRule(id);
    // The node is drawn once laid out: look for its field for up to a second.
    let frames = 0;
    const tryFocus = () => {
      const input = document.querySelector<HTMLInputElement>(`input[aria-label="Path of Rule ${ruleIds.length}"]`);
      if (input) {
        input.focus();
        input.select();
      } else if (frames++ < 60) requestAnimationFrame(tryFocus);
    };
    requestAnimationFrame(tryFocus);
  }, [ruleIds]);
  const chooseBackendFor = useCallback((ruleId: string) => {
    setTargetRule(ruleId);
    document.getElementById("palette-search")?.focus();
  }, []);

  const actions: CanvasActions = useMemo(
    () => ({
      readOnly,
      edit: draft.edit,
      dropItem,
      problemsOf: (id: string) => (pinned.get(id) ?? []).map((p) => p.message),
      typeWeight: (id: string, typed: number) => {
        const r = setTypedWeight(graph, id, typed);
        if ("reason" in r) return { tone: "error" as const, text: r.reason };
        draft.edit((g) => {
          const now = setTypedWeight(g, id, typed);
          return "graph" in now ? now.graph : g;
        });
        return r.scaledBy ? { tone: "info" as const, text: scaledWords(r.scaledBy, typed) } : undefined;
      },
      chooseBackendFor,
    }),
    [readOnly, draft, dropItem, pinned, graph, chooseBackendFor],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z" || readOnly) return;
      if ((e.target as HTMLElement | null)?.tagName === "INPUT") return; // the field's own undo
      e.preventDefault();
      if (e.shiftKey) draft.redo();
      else draft.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [draft, readOnly]);

  const errorsCount = validation.errors.length + validation.limits.length;
  const blocked = readOnly
    ? "Read-only."
    : errorsCount > 0
      ? `${errorsCount} problem${errorsCount > 1 ? "s" : ""} to fix before applying (see Problems).`
      : !dirty && grants.length === 0
        ? "No changes to apply."
        : undefined;
  // Ctrl+Enter anywhere in the editor: dry-run, then (once it passed) apply — no hunt for the buttons.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key !== "Enter" || readOnly || blocked) return;
      e.preventDefault();
      if (applyFlow.state.step === "dry-run-ok") void applyFlow.apply();
      else if (applyFlow.state.step !== "dry-running" && applyFlow.state.step !== "applying") void applyFlow.dryRun();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [applyFlow, blocked, readOnly]);
  const selectedRule = graphNodes(graph).find((n) => n.id === (targetRule ?? selected) && n.kind === "rule")?.id;
  const conflict = applyFlow.state.step === "conflict" ? applyFlow.state : undefined;
  const theirs = conflict?.theirs as unknown as HTTPRoute | undefined;

  return (
    <CanvasActionsContext.Provider value={actions}>
      {/* One screen high: notices take room from the canvas, never push the apply bar out of sight. */}
      <section
        aria-labelledby="editor-title"
        className="flex flex-col gap-2"
        style={{ height: "calc(100vh - 8rem)", minHeight: 560 }}
        data-editor={readOnly ? "read-only" : "editable"}
        data-permission={permission.checking ? "checking" : permission.forbidden ? "forbidden" : "ok"}
      >
        <div className="flex flex-wrap items-center gap-3">
          <h1 id="editor-title" className="text-xl font-semibold">
            {isNew && !base ? "New HTTPRoute" : "HTTPRoute"}{" "}
            <span className="font-mono">
              {ns}/{route.metadata.name}
            </span>
          </h1>
          <LiveStatus connection={connection} state={routesSnap?.state} />
          {(route.spec.hostnames ?? []).map((h) => (
            <Link key={h} className="text-xs text-sky-800 underline" href={`/hosts/${encodeURIComponent(h)}`}>
              all routes on {h}
            </Link>
          ))}
        </div>
        {owner && (
          <Notice tone="warn" title="Read-only: this route is generated by Knative">
            net-gateway-api made it from the KIngress {owner.kingress} and overwrites any edit. Change the Knative Service
            {owner.service ? ` ${ns}/${owner.service}` : ""} instead (its traffic, tags or domain).
          </Notice>
        )}
        {permission.forbidden === READ_ONLY_REASON ? (
          <Notice tone="warn" title="Read-only">
            {READ_ONLY_REASON}
          </Notice>
        ) : (
          permission.forbidden && (
            <Notice
              tone="warn"
              title={`Read-only: ${context?.startsWith("user:") ? `you (${context.slice(5)})` : `your context (${context ?? "default"})`} may not change HTTPRoutes in ${ns}`}
            >
              The API server says your credentials may not change it: {permission.forbidden}
            </Notice>
          )
        )}
        {draft.restoredAt && !readOnly && base && (
          <p role="status" className="text-xs text-slate-700" data-restored>
            Restored your unsaved changes from this browser (saved {draft.restoredAt.replace("T", " ").slice(0, 19)} UTC).{" "}
            <button type="button" className="underline" onClick={draft.discard}>
              Discard them
            </button>
          </p>
        )}
        {draft.origin && !base && <SuggestedFrom origin={draft.origin} />}
        {warnings.length > 0 && (
          <Notice tone="warn" title="About the backend you added">
            {warnings.map((w) => (
              <p key={w}>{w}</p>
            ))}
          </Notice>
        )}
        {!readOnly && <EditorToolbar draft={draft} routeId={routeId} onNewRule={newRule} />}
        <div className="flex min-h-[320px] flex-1 gap-2">
          {!readOnly && (
            <Palette
              items={items}
              namespace={ns}
              loading={!servicesSnap}
              readOnly={readOnly}
              {...(selectedRule && { selectedRule })}
              onAdd={(item) => selectedRule && dropItem(selectedRule, item)}
              onNewRule={newRule}
            />
          )}
          <div
            role="group"
            aria-label={readOnly ? `Canvas of HTTPRoute ${ns}/${route.metadata.name}` : "Canvas: drop a Service on a rule, or a new rule on an empty spot"}
            className="min-w-0 flex-1 rounded-md border border-slate-200 bg-white"
            data-canvas
          >
            <FlowCanvas
              nodes={flow.nodes}
              edges={flow.edges}
              routeId={routeId}
              {...(selected && { selected })}
              onSelect={onSelect}
              highlighted={tester.tested}
              label={`Canvas of HTTPRoute ${ns}/${route.metadata.name}`}
            />
          </div>
          <SidePanel
            initial={tester.asked ? "routing" : "yaml"}
            tabs={[
              { id: "yaml", label: "YAML", body: <YamlView text={shownDraft} label="YAML the canvas compiles to" /> },
              {
                id: "diff",
                label: impactWorsens(impact) ? "Diff ⚠" : impactSummary(impact) ? "Diff •" : "Diff",
                body: (
                  <>
                    {/* The impact first: a few lines that matter more than where they sit in the YAML. */}
                    {dirty && (
                      <div className="mb-2 border-b border-slate-200 pb-2">
                        <ImpactView {...(impact && { impact })} pending={impactPending || testerInput.loading} what="this edit" />
                      </div>
                    )}
                    <YamlDiff
                      before={shownBase}
                      after={shownDraft}
                      label="Diff against the cluster"
                      empty={base ? "Same as in the cluster." : "Nothing in the cluster yet."}
                    />
                  </>
                ),
              },
              {
                id: "problems",
                label: `Problems${errorsCount ? ` (${errorsCount})` : ""}`,
                body: splitting ? (
                  <SplitOffer
                    route={route}
                    resourceVersion={baseRV}
                    onDone={(first) => {
                      setSplitting(false);
                      onApplied(first);
                    }}
                  />
                ) : (
                  <ProblemsView
                    errors={validation.errors}
                    limits={validation.limits}
                    {...(validation.problem && { problem: validation.problem })}
                    readOnly={readOnly}
                    onSplit={() => setSplitting(true)}
                  />
                ),
              },
              {
                id: "routing",
                label: "Routing",
                body: (
                  <>
                    <RequestTester tester={tester} draft={dirty} self={`${ns}/${route.metadata.name}`} />
                    <h2 className="mb-1 mt-3 border-t border-slate-200 pt-2 text-sm font-semibold">Effective routing</h2>
                    <RoutingTableView
                      table={table}
                      ownRules={new Set(graph.entries[0]?.ids.rules.map((r) => r.id))}
                      {...(tester.testedRule !== undefined && { tested: tester.testedRule })}
                    />
                  </>
                ),
              },
              {
                id: "selection",
                label: "Selected",
                body: <Inspector key={selected} graph={graph} {...(selected && { selected })} readOnly={readOnly} edit={draft.edit} />,
              },
            ]}
          />
        </div>
        {conflict && base && (
          // Over the canvas, so the decision is in sight on a 1280×800 window.
          <div className="fixed inset-x-0 bottom-16 z-50 mx-auto max-h-[65vh] max-w-4xl overflow-auto shadow-2xl">
            <ConflictView
              error={conflict.error}
              base={base}
              ours={route}
              {...(theirs && { theirs })}
              onRebase={() => {
                if (!theirs) return;
                const r = rebase(base, route, theirs);
                setBase(theirs);
                draft.reset(r.route);
                applyFlow.backToEditing();
              }}
              onOverwrite={() =>
                void applyFlow.apply({
                  ...(conflict.error.confirm && { confirm: conflict.error.confirm }),
                  ...(theirs?.metadata.resourceVersion && { resourceVersion: theirs.metadata.resourceVersion }),
                })
              }
              onCancel={applyFlow.backToEditing}
            />
          </div>
        )}
        <GrantsNotice grants={neededGrants} create={createGrants} onCreate={setCreateGrants} readOnly={readOnly} />
        {!readOnly && (
          <ApplyBar
            state={applyFlow.state}
            {...(blocked && { blocked })}
            dirty={dirty}
            {...(dirty && impactSummary(impact) && { impact: impactSummary(impact), impactWorsens: impactWorsens(impact) })}
            onDryRun={() => void applyFlow.dryRun()}
            onApply={() => void applyFlow.apply()}
            onRetry={() => void applyFlow.retry()}
          />
        )}
      </section>
    </CanvasActionsContext.Provider>
  );
}
