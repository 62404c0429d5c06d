"use client";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { Notice } from "@/components/ui/Notice";
import { LiveStatus } from "@/components/ui/LiveStatus";
import { createEditorStore, decodeDraft, decodeRequest, draftKey, kingressOwner, paletteItems, selectRoute, type EditorInputs } from "@/lib/canvas";
import type { Gateway, HTTPRoute, ReferenceGrant } from "@/lib/gateway";
import type { KindState } from "@/lib/store";
import { useClusterContext, useLiveKinds, READ_ONLY_REASON } from "@/lib/query";
import { CanvasActionsContext, type CanvasActions } from "./canvas-context";
import { EditorContext, useEditor, useEditorStore } from "./editor-context";
import { EditorApply } from "./EditorApply";
import { EditorCanvas, EditorPalette } from "./EditorCanvas";
import { EditorLive, type TesterSnapshots } from "./EditorLive";
import { EditorTabs } from "./EditorTabs";
import { EditorToolbar } from "./EditorToolbar";
import type { PanelTab } from "./SidePanel";
import { SuggestedFrom } from "./SuggestedFrom";
import { useDraftPersistence } from "./useDraftPersistence";
import { usePermission } from "./usePermission";
import { useRouteCrd } from "./useRouteCrd";

// GatewayClasses and Namespaces are for the request tester: which Gateways serve, which namespaces they admit.
const LIVE = ["HTTPRoute", "Service", "KnativeService", "Gateway", "ReferenceGrant", "GatewayClass", "Namespace"] as const;
const NONE: readonly never[] = [];

/** The path field of a rule just added from the keyboard takes the focus, text selected: typing the path is the next key press. */
function focusRulePath(position: number) {
  // The node is drawn once laid out: look for its field for up to a second.
  let frames = 0;
  const tryFocus = () => {
    const input = document.querySelector<HTMLInputElement>(`input[aria-label="Path of Rule ${position + 1}"]`);
    if (input) {
      input.focus();
      input.select();
    } else if (frames++ < 60) requestAnimationFrame(tryFocus);
  };
  requestAnimationFrame(tryFocus);
}

/**
 * The canvas editor of one route: palette, canvas, side panel and the apply flow, over one
 * editor store (lib/canvas/editor-store). This shell renders on live events and permission
 * answers; a keystroke re-renders only the parts that subscribe to what it changed.
 */
export function EditorView({ loaded, isNew }: { loaded: HTTPRoute; isNew: boolean }) {
  const context = useClusterContext();
  const key = draftKey(context, loaded.metadata.namespace ?? "", loaded.metadata.name ?? "");
  const owner = kingressOwner(loaded);
  const permission = usePermission(loaded);
  const readOnly = owner !== undefined || permission.forbidden !== undefined;
  const { snapshots, connection } = useLiveKinds(LIVE);
  const [routesSnap, servicesSnap, ksvcSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap] = snapshots;
  const crd = useRouteCrd();
  const inputs: EditorInputs = useMemo(
    () => ({
      readOnly,
      gateways: (gatewaysSnap?.items ?? NONE) as unknown as Gateway[],
      routes: (routesSnap?.items ?? NONE) as unknown as HTTPRoute[],
      ...(grantsSnap?.state === "ready" && { grants: grantsSnap.items as unknown as ReferenceGrant[] }),
      ...(crd.crd && { crd: crd.crd }),
      ...(crd.problem !== undefined && { crdProblem: crd.problem }),
    }),
    [readOnly, gatewaysSnap, routesSnap, grantsSnap, crd.crd, crd.problem],
  );
  const [store] = useState(() => {
    const saved = typeof window === "undefined" ? undefined : decodeDraft(window.localStorage.getItem(key));
    const restored = saved && { route: saved.route, savedAt: saved.savedAt, ...(saved.origin && { origin: saved.origin }) };
    return createEditorStore({ loaded, isNew, ...(restored && { restored }), inputs });
  });
  useLayoutEffect(() => store.setInputs(inputs), [store, inputs]);
  useEffect(() => store.dispose, [store]);
  useDraftPersistence(store, key);

  const newRule = useCallback(() => {
    const position = store.addRule();
    if (position !== undefined) focusRulePath(position);
  }, [store]);
  const actions: CanvasActions = useMemo(
    () => ({
      readOnly,
      edit: store.edit,
      dropItem: store.dropItem,
      typeWeight: store.typeWeight,
      chooseBackendFor: (ruleId: string) => {
        store.target(ruleId);
        document.getElementById("palette-search")?.focus();
      },
    }),
    [store, readOnly],
  );
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== "z" || readOnly) return;
      if ((e.target as HTMLElement | null)?.tagName === "INPUT") return; // the field's own undo
      e.preventDefault();
      if (e.shiftKey) store.redo();
      else store.undo();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [store, readOnly]);

  const items = useMemo(() => paletteItems(servicesSnap?.items ?? [], ksvcSnap?.items ?? []), [servicesSnap, ksvcSnap]);
  const testerSnaps: TesterSnapshots = useMemo(
    () => [routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap],
    [routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap],
  );
  const params = useSearchParams();
  const [initialTab] = useState((): PanelTab => (decodeRequest(params.get("req")) ? "routing" : "yaml"));
  const ns = loaded.metadata.namespace ?? "";
  const name = loaded.metadata.name ?? "";

  return (
    <EditorContext.Provider value={store}>
      <CanvasActionsContext.Provider value={actions}>
        {/* One screen high: notices take room from the canvas, never push the apply bar out of sight. */}
        <section
          aria-labelledby="editor-title"
          className="flex flex-col gap-2"
          style={{ height: "calc(100vh - 8rem)", minHeight: 560 }}
          data-editor={readOnly ? "read-only" : "editable"}
          data-permission={permission.checking ? "checking" : permission.forbidden ? "forbidden" : "ok"}
        >
          <EditorHeading isNew={isNew} connection={connection} {...(routesSnap && { routesState: routesSnap.state })} />
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
          <DraftNotices readOnly={readOnly} />
          {!readOnly && <EditorToolbar onNewRule={newRule} />}
          <EditorLive snapshots={testerSnaps}>
            <div className="flex min-h-[320px] flex-1 gap-2">
              {!readOnly && <EditorPalette items={items} namespace={ns} loading={!servicesSnap} onNewRule={newRule} />}
              <div
                role="group"
                aria-label={readOnly ? `Canvas of HTTPRoute ${ns}/${name}` : "Canvas: drop a Service on a rule, or a new rule on an empty spot"}
                className="min-w-0 flex-1 rounded-md border border-slate-200 bg-white"
                data-canvas
              >
                <EditorCanvas label={`Canvas of HTTPRoute ${ns}/${name}`} />
              </div>
              <EditorTabs readOnly={readOnly} initial={initialTab} />
            </div>
            <EditorApply readOnly={readOnly} />
          </EditorLive>
        </section>
      </CanvasActionsContext.Provider>
    </EditorContext.Provider>
  );
}

function EditorHeading({
  isNew,
  connection,
  routesState,
}: {
  isNew: boolean;
  connection: Parameters<typeof LiveStatus>[0]["connection"];
  routesState?: KindState;
}) {
  const ns = useEditor((s) => s.start.metadata.namespace ?? "");
  const name = useEditor((s) => s.start.metadata.name ?? "");
  const created = useEditor((s) => s.base !== undefined);
  // Compared item by item, so a keystroke elsewhere in the draft leaves the heading alone.
  const hosts = useEditor(useShallow((s) => selectRoute(s).spec.hostnames ?? NONE));
  return (
    <div className="flex flex-wrap items-center gap-3">
      <h1 id="editor-title" className="text-xl font-semibold">
        {isNew && !created ? "New HTTPRoute" : "HTTPRoute"}{" "}
        <span className="font-mono">
          {ns}/{name}
        </span>
      </h1>
      <LiveStatus connection={connection} state={routesState} />
      {hosts.map((h) => (
        <Link key={h} className="text-xs text-sky-800 underline" href={`/hosts/${encodeURIComponent(h)}`}>
          all routes on {h}
        </Link>
      ))}
    </div>
  );
}

/** A draft restored from this browser, or suggested from a VirtualService; what the last dropped backend needs. */
function DraftNotices({ readOnly }: { readOnly: boolean }) {
  const store = useEditorStore();
  const restoredAt = useEditor((s) => s.restoredAt);
  const origin = useEditor((s) => s.origin);
  const created = useEditor((s) => s.base !== undefined);
  const warnings = useEditor((s) => s.warnings);
  return (
    <>
      {restoredAt && !readOnly && created && (
        <p role="status" className="text-xs text-slate-700" data-restored>
          Restored your unsaved changes from this browser (saved {restoredAt.replace("T", " ").slice(0, 19)} UTC).{" "}
          <button type="button" className="underline" onClick={store.discard}>
            Discard them
          </button>
        </p>
      )}
      {origin && !created && <SuggestedFrom origin={origin} />}
      {warnings.length > 0 && (
        <Notice tone="warn" title="About the backend you added">
          {warnings.map((w) => (
            <p key={w}>{w}</p>
          ))}
        </Notice>
      )}
    </>
  );
}
