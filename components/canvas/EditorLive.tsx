"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { useImpact } from "@/components/impact/useImpact";
import { selectDirty, selectGrants, selectRoute, testerObjects, type TesterObjects } from "@/lib/canvas";
import type { Impact } from "@/lib/gateway";
import type { KubeObject } from "@/lib/k8s";
import type { KindSnapshot } from "@/lib/store";
import { useEditor } from "./editor-context";
import { useRequestTester, type RequestTester } from "./useRequestTester";

const TesterContext = createContext<RequestTester | undefined>(undefined);
interface ImpactValue {
  readonly impact?: Impact;
  /** The impact does not follow the draft yet (typing, or the objects are loading). */
  readonly pending: boolean;
}
const ImpactContext = createContext<ImpactValue>({ pending: false });

/** The request tester of the open editor; its answer follows the draft. */
export function useEditorTester(): RequestTester {
  const tester = useContext(TesterContext);
  if (!tester) throw new Error("useEditorTester outside EditorLive");
  return tester;
}
/** The predicted impact of the draft on the other routes (once typing pauses). */
export const useEditorImpact = () => useContext(ImpactContext);

/** The live snapshots the tester and the impact read, in testerObjects' order. */
export type TesterSnapshots = readonly [
  routes?: KindSnapshot,
  services?: KindSnapshot,
  gateways?: KindSnapshot,
  grants?: KindSnapshot,
  classes?: KindSnapshot,
  namespaces?: KindSnapshot,
];

/**
 * The draft against the live cluster: the request tester and the impact prediction. Their
 * consumers (the canvas's outline, the Routing and Diff tabs, the apply bar) re-render with
 * them; the children passed in do not.
 */
export function EditorLive({ snapshots, children }: { snapshots: TesterSnapshots; children: ReactNode }) {
  const route = useEditor(selectRoute);
  const graph = useEditor((s) => s.history.present);
  const base = useEditor((s) => s.base);
  const dirty = useEditor(selectDirty);
  const grants = useEditor(selectGrants);
  const [routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap] = snapshots;
  // The draft, not the stored route, answers the tested request: an edit shows its effect before it is applied.
  const testerInput: TesterObjects = useMemo(
    () => testerObjects([routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap], route),
    [routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap, route],
  );
  const tester = useRequestTester(testerInput, graph, route.spec.hostnames?.[0]);
  // Before: the live objects with the route as the editor loaded it (what the diff compares with).
  const ns = route.metadata.namespace ?? "";
  const name = route.metadata.name ?? "";
  const impactInput = useMemo(() => {
    if (!dirty || testerInput.loading) return undefined;
    const before = testerObjects([routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap], base).objects;
    const beforeObjects = base ? before : before.filter((o) => !(o.kind === "HTTPRoute" && o.metadata.namespace === ns && o.metadata.name === name));
    // The ReferenceGrants the apply creates with the route are part of the change.
    const after = [
      ...testerInput.objects,
      ...grants.map((g) => ({ ...(g as unknown as KubeObject), apiVersion: "gateway.networking.k8s.io/v1beta1", kind: "ReferenceGrant" })),
    ];
    return { before: beforeObjects, after, edited: [{ namespace: ns, name }], options: testerInput.options };
  }, [dirty, testerInput, routesSnap, servicesSnap, gatewaysSnap, grantsSnap, classesSnap, nsSnap, base, ns, name, grants]);
  const { impact, pending } = useImpact(impactInput);
  const loading = testerInput.loading;
  const impactValue = useMemo(() => ({ ...(impact && { impact }), pending: pending || loading }), [impact, pending, loading]);
  return (
    <TesterContext.Provider value={tester}>
      <ImpactContext.Provider value={impactValue}>{children}</ImpactContext.Provider>
    </TesterContext.Provider>
  );
}
