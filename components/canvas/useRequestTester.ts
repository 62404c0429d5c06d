"use client";
import { useSearchParams } from "next/navigation";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { describeResult, testedNodes, type ResultView } from "@/lib/canvas";
import { concreteHost, decodeRequest, encodeRequest, parseRequest, type ParsedRequest, type TesterObjects, type TypedRequest } from "@/lib/canvas";
import { matcher } from "@/lib/gateway";
import type { HTTPRoute } from "@/lib/gateway";
import type { RouteGraph } from "@/lib/graph";

const PARAM = "req";

export interface RequestTester {
  readonly typed: TypedRequest;
  setTyped(t: TypedRequest): void;
  /** Asks the typed request (and keeps it in the URL). */
  run(): void;
  clear(): void;
  /** The request last asked, as typed then. */
  readonly asked?: TypedRequest;
  /** The request asked, read; undefined before the first run. */
  readonly parsed?: ParsedRequest;
  readonly view?: ResultView;
  /** Canvas nodes the request goes through. */
  readonly tested: ReadonlySet<string>;
  /** The rule id that serves it, when it is on this canvas. */
  readonly testedRule?: string;
  readonly objects: TesterObjects;
}

/** Keeps the request in ?req= without a navigation: a server round-trip would re-render the page for nothing. */
function writeParam(value: string | undefined): void {
  const params = new URLSearchParams(window.location.search);
  if (value === undefined) params.delete(PARAM);
  else params.set(PARAM, value);
  const query = params.toString();
  window.history.replaceState(null, "", `${window.location.pathname}${query ? `?${query}` : ""}${window.location.hash}`);
}

const NONE: ReadonlySet<string> = new Set();

/**
 * The request tester of a canvas: what is typed, the request last asked, and matchRequest's
 * answer over `objects`, recomputed as they change (live objects, or the editor's draft), so
 * an edit shows its effect on the answer before it is applied.
 */
export function useRequestTester(objects: TesterObjects, graph: RouteGraph, defaultHost?: string): RequestTester {
  const params = useSearchParams();
  const [asked, setAsked] = useState<TypedRequest | undefined>(() => decodeRequest(params.get(PARAM)));
  const [typed, setTyped] = useState<TypedRequest>(
    () => asked ?? { method: "GET", url: defaultHost ? `http://${concreteHost(defaultHost)}/` : "", headers: "" },
  );
  // Typing in the canvas re-derives the objects on every keystroke; the answer may lag a frame
  // behind. Deferred only while a request is asked: a deferred value renders the whole editor a
  // second time per keystroke, for nothing when there is no answer to update.
  const deferred = useDeferredValue(asked ? objects : undefined);
  const current = asked ? (deferred ?? objects) : objects;
  const parsed = useMemo(
    () => (asked ? parseRequest(asked, { ...(defaultHost !== undefined && { defaultHost }), listenerPorts: current.listenerPorts }) : undefined),
    [asked, defaultHost, current.listenerPorts],
  );
  const active = parsed?.ok === true && !current.loading;
  // The model is built once per set of objects; each request is then a look-up.
  const match = useMemo(() => (active ? matcher(current.objects, current.options) : undefined), [active, current]);
  const { view, tested, testedRule } = useMemo((): { view?: ResultView; tested: ReadonlySet<string>; testedRule?: string } => {
    if (!match || !parsed?.ok) return { tested: NONE };
    const result = match(parsed.input);
    const routes = current.objects.filter((o) => o.kind === "HTTPRoute") as unknown as HTTPRoute[];
    const nodes = testedNodes(result, graph);
    const entry =
      result.route && graph.entries.find((e) => e.route.metadata?.namespace === result.route?.namespace && e.route.metadata?.name === result.route?.name);
    const ruleId = result.rule !== undefined ? entry?.ids.rules[result.rule]?.id : undefined;
    return { view: describeResult(result, parsed.shown, routes, parsed.input.scheme), tested: nodes, ...(ruleId !== undefined && { testedRule: ruleId }) };
  }, [match, parsed, current.objects, graph]);

  const run = useCallback(() => {
    setAsked(typed);
    writeParam(encodeRequest(typed));
  }, [typed]);
  const clear = useCallback(() => {
    setAsked(undefined);
    writeParam(undefined);
  }, []);
  return {
    typed,
    setTyped,
    run,
    clear,
    ...(asked && { asked }),
    ...(parsed && { parsed }),
    ...(view && { view }),
    tested,
    ...(testedRule !== undefined && { testedRule }),
    objects: current,
  };
}
