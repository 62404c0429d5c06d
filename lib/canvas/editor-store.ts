// The model of one open route editor, outside React: the draft graph with its history, the
// cluster's version, the selection and the live inputs the derived views need. Components
// subscribe to it with selectors (editor-select.ts), so a keystroke in one rule re-renders the
// node and the panels that show it, not the whole editor.
import { createStore, type StoreApi } from "zustand/vanilla";
import type { Gateway, HTTPRoute, ReferenceGrant } from "../gateway/types.generated";
import { scaledWords } from "../gateway/weights";
import { fromHTTPRoutes, setTypedWeight, type RouteGraph } from "../graph";
import type { CustomResourceDefinition } from "../validate";
import type { DraftOrigin } from "./draft";
import { addNewRule, dropOnRule } from "./edits";
import { record, redo, startHistory, undo, type History } from "./history";
import type { PaletteItem } from "./palette";

/** What the editor reads from the cluster (live), set by the page as it changes. */
export interface EditorInputs {
  readonly readOnly: boolean;
  readonly gateways: readonly Gateway[];
  /** Every HTTPRoute the user can list: those sharing a hostname with the draft rank with it. */
  readonly routes: readonly HTTPRoute[];
  /** The ReferenceGrants, once listed (undefined while loading or when they cannot be listed). */
  readonly grants?: readonly ReferenceGrant[];
  /** The cluster's HTTPRoute CRD, which validates the draft as the API server would. */
  readonly crd?: CustomResourceDefinition;
  /** Why the CRD could not be read (the server's dry-run still judges). */
  readonly crdProblem?: string;
}

export interface EditorState {
  readonly history: History<RouteGraph>;
  /** The route as the cluster holds it; undefined for a route not created yet. */
  readonly base?: HTTPRoute;
  /** What a discarded draft goes back to: the base, or the new route with no rules. */
  readonly start: HTTPRoute;
  /** The draft once typing has paused: the input of the work too heavy for each keystroke. */
  readonly settled: RouteGraph;
  /** The node selected on the canvas (React Flow's selection). */
  readonly selected?: string;
  /** The rule the keyboard works on (added, or left with Enter): the palette adds to it. */
  readonly targetRule?: string;
  /** What the last backend dropped on a rule needs the user to know. */
  readonly warnings: readonly string[];
  /** Whether the apply also creates the ReferenceGrants the route lacks. */
  readonly createGrants: boolean;
  /** When the draft was restored from the browser, its time. */
  readonly restoredAt?: string;
  /** Where a suggested draft came from (a hand-written VirtualService), until applied or discarded. */
  readonly origin?: DraftOrigin;
  readonly inputs: EditorInputs;
}

export interface EditorInit {
  /** The route as loaded; for a new route, the route the form made. */
  readonly loaded: HTTPRoute;
  readonly isNew: boolean;
  /** A draft kept in the browser, restored in place of the loaded route. */
  readonly restored?: { readonly route: HTTPRoute; readonly savedAt: string; readonly origin?: DraftOrigin };
  readonly inputs: EditorInputs;
  /** How long typing must pause before `settled` follows the draft. */
  readonly settleMs?: number;
}

export interface EditorStore {
  readonly api: StoreApi<EditorState>;
  /** An edit of the draft, recorded for undo; an element that vanished meanwhile changes nothing. */
  edit(change: (g: RouteGraph) => RouteGraph): void;
  undo(): void;
  redo(): void;
  select(id: string | undefined): void;
  /** The rule the palette adds to next (from the keyboard). */
  target(ruleId: string | undefined): void;
  dropItem(ruleId: string, item: PaletteItem): void;
  /** A weight typed on a backend node; a fraction scales the rule's weights. What was done, or why not. */
  typeWeight(backendId: string, typed: number): { tone: "error" | "info"; text: string } | undefined;
  /** Adds a rule to the route and makes it the keyboard's target; its position (0-based). */
  addRule(): number | undefined;
  setCreateGrants(create: boolean): void;
  /** The apply stored `fresh`: it is the base now, and no draft is left. */
  applied(fresh: HTTPRoute): void;
  /** Rebased onto `theirs` (the cluster's newer version): the draft is `route` over it. */
  rebased(theirs: HTTPRoute, route: HTTPRoute): void;
  /** Back to the start, forgetting the restored draft and its origin. */
  discard(): void;
  setInputs(inputs: EditorInputs): void;
  /** Stops the settle timer (the editor closed). */
  dispose(): void;
}

const emptied = (r: HTTPRoute): HTTPRoute => ({ ...r, spec: { ...r.spec, rules: [] } });

export function createEditorStore(init: EditorInit): EditorStore {
  const start = init.isNew ? emptied(init.loaded) : init.loaded;
  const present = fromHTTPRoutes([init.restored?.route ?? start]);
  const api = createStore<EditorState>()(() => ({
    history: startHistory(present),
    ...(!init.isNew && { base: init.loaded }),
    start,
    settled: present,
    warnings: [],
    createGrants: true,
    ...(init.restored && { restoredAt: init.restored.savedAt }),
    ...(init.restored?.origin && { origin: init.restored.origin }),
    inputs: init.inputs,
  }));
  const settleMs = init.settleMs ?? 250;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settleLater = () => {
    clearTimeout(timer);
    timer = setTimeout(() => api.setState((s) => (s.settled === s.history.present ? s : { settled: s.history.present })), settleMs);
  };
  // Typing, undo and redo settle once the hand pauses; a reset (apply, rebase, discard) at once.
  const step = (next: (h: History<RouteGraph>) => History<RouteGraph>) => {
    const s = api.getState();
    const h = next(s.history);
    if (h === s.history) return;
    api.setState({ history: h });
    settleLater();
  };
  const resetTo = (route: HTTPRoute, extra: Partial<EditorState>) => {
    clearTimeout(timer);
    const g = fromHTTPRoutes([route]);
    // What was restored is now applied, rebased or discarded: no longer "your unsaved changes".
    api.setState((s) => ({ ...extra, history: record(s.history, g), settled: g, restoredAt: undefined }));
  };
  const ruleIds = () => api.getState().history.present.entries[0]?.ids.rules ?? [];

  return {
    api,
    edit: (change) =>
      step((h) => {
        try {
          return record(h, change(h.present));
        } catch {
          return h; // an element that vanished meanwhile (a live update): nothing to do
        }
      }),
    undo: () => step(undo),
    redo: () => step(redo),
    select: (id) => api.setState({ selected: id, targetRule: undefined }),
    target: (ruleId) => api.setState({ targetRule: ruleId }),
    dropItem(ruleId, item) {
      const r = dropOnRule(api.getState().history.present, ruleId, item);
      if (r.warnings.length) api.setState({ warnings: r.warnings });
      step((h) => record(h, r.graph));
    },
    typeWeight(backendId, typed) {
      const r = setTypedWeight(api.getState().history.present, backendId, typed);
      if ("reason" in r) return { tone: "error", text: r.reason };
      step((h) => record(h, r.graph));
      return r.scaledBy ? { tone: "info", text: scaledWords(r.scaledBy, typed) } : undefined;
    },
    addRule() {
      const routeId = api.getState().history.present.entries[0]?.ids.route;
      if (routeId === undefined) return undefined;
      step((h) => record(h, addNewRule(h.present, routeId)));
      const rules = ruleIds();
      api.setState({ targetRule: rules.at(-1)?.id });
      return rules.length - 1;
    },
    setCreateGrants: (create) => api.setState({ createGrants: create }),
    applied: (fresh) => resetTo(fresh, { base: fresh, start: fresh }),
    rebased: (theirs, route) => resetTo(route, { base: theirs, start: theirs }),
    discard() {
      clearTimeout(timer);
      const g = fromHTTPRoutes([api.getState().start]);
      api.setState({ history: startHistory(g), settled: g, restoredAt: undefined, origin: undefined });
    },
    setInputs: (inputs) => api.setState((s) => (s.inputs === inputs ? s : { inputs })),
    dispose: () => clearTimeout(timer),
  };
}

/** The selected node if it is a rule, else the keyboard's target rule: where the palette adds. */
export function ruleToAddTo(s: EditorState): string | undefined {
  const id = s.targetRule ?? s.selected;
  // The graph's rule ids, not its drawn nodes: this runs on every change of the store.
  return id === undefined ? undefined : s.history.present.entries.some((e) => e.ids.rules.some((r) => r.id === id)) ? id : undefined;
}
