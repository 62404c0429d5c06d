// Server-side: one ClusterStore per kubeconfig context, created on first use and kept for the
// life of the process (on globalThis, so Next's dev reloads do not leak watches).
import type { KubeConfig } from "@kubernetes/client-node";
import { ClusterStore } from "./cluster/cluster-store";
import { contextsOf, forContext, loadKubeConfig, type ContextInfo } from "./cluster/kubeconfig";
import type { Store } from "./types";

interface Registry {
  kc: KubeConfig | undefined;
  stores: Map<string, ClusterStore>;
}

const g = globalThis as typeof globalThis & { __routeboardRegistry?: Registry };

function registry(): Registry {
  g.__routeboardRegistry ??= { kc: loadKubeConfig(), stores: new Map() };
  return g.__routeboardRegistry;
}

export interface Session {
  /** The context in use: the one the user chose, else the kubeconfig's current one. */
  context: string | undefined;
  contexts: ContextInfo[];
  store: Store | undefined;
  /** Why there is no store, in plain words. */
  problem?: string;
}

export function session(chosen: string | undefined): Session {
  const { kc, stores } = registry();
  if (!kc) {
    return {
      context: undefined,
      contexts: [],
      store: undefined,
      problem: "No kubeconfig found: set KUBECONFIG or create ~/.kube/config, then restart Routeboard.",
    };
  }
  const contexts = contextsOf(kc);
  const context = contexts.some((c) => c.name === chosen) ? chosen : kc.getCurrentContext() || contexts[0]?.name;
  if (!context) return { context, contexts, store: undefined, problem: "The kubeconfig has no context." };
  let store = stores.get(context);
  if (!store) {
    store = new ClusterStore(forContext(kc, context));
    stores.set(context, store);
  }
  return { context, contexts, store };
}
