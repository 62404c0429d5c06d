// Server-side: the store for each request. Either one ClusterStore per kubeconfig context, or
// one WorkspaceStore (see store-choice.ts for which), created on first use and kept for the
// life of the process (on globalThis, so Next's dev reloads do not leak watches).
import type { KubeConfig } from "@kubernetes/client-node";
import { ClusterStore } from "./cluster/cluster-store";
import { contextsOf, forContext, loadKubeConfig, withBearer, type ContextInfo } from "./cluster/kubeconfig";
import { chooseStore, type StoreChoice } from "./store-choice";
import type { Store } from "./types";
import type { FileProblem } from "./workspace/index-file";
import { REQUEST_WAIT_MS, WorkspaceStore } from "./workspace/workspace-store";

interface UserStore {
  store: ClusterStore;
  kc: KubeConfig;
  bearer: string;
  lastUsed: number;
}

interface Registry {
  kc: KubeConfig | undefined;
  stores: Map<string, ClusterStore>;
  /** Logged-in users' stores (token and OIDC login), each with its own watches and rights. */
  users: Map<string, UserStore>;
  choice?: Promise<StoreChoice>;
  workspace?: WorkspaceStore;
}

const g = globalThis as typeof globalThis & { __routeboardRegistry?: Registry };

function registry(): Registry {
  g.__routeboardRegistry ??= { kc: loadKubeConfig(), stores: new Map(), users: new Map() };
  return g.__routeboardRegistry;
}

/** What the banner says about the store in use. */
export type StoreBanner =
  | { mode: "cluster"; context: string; server: string }
  | { mode: "workspace" | "dump"; path: string; reason?: string; problems: FileProblem[] }
  | { mode: "none" };

export interface Session {
  /** The context in use: the one the user chose, else the kubeconfig's current one. */
  context: string | undefined;
  contexts: ContextInfo[];
  store: Store | undefined;
  banner: StoreBanner;
  /** Why there is no store, in plain words. */
  problem?: string;
}

/** The cluster session for a context (the kubeconfig's current one unless `chosen` names another). */
export function session(chosen: string | undefined): Session {
  const { kc, stores } = registry();
  if (!kc) {
    return {
      context: undefined,
      contexts: [],
      store: undefined,
      banner: { mode: "none" },
      problem: "No kubeconfig found: set KUBECONFIG or create ~/.kube/config, then restart Routeboard.",
    };
  }
  const contexts = contextsOf(kc);
  const context = contexts.some((c) => c.name === chosen) ? chosen : kc.getCurrentContext() || contexts[0]?.name;
  if (!context) return { context, contexts, store: undefined, banner: { mode: "none" }, problem: "The kubeconfig has no context." };
  let store = stores.get(context);
  if (!store) {
    store = new ClusterStore(forContext(kc, context));
    stores.set(context, store);
  }
  const server = contexts.find((c) => c.name === context)?.server ?? "?";
  return { context, contexts, store, banner: { mode: "cluster", context, server } };
}

/** A user's store is closed after this long unused (its watches stop). */
const USER_IDLE_MS = 30 * 60_000;

/**
 * The session of a logged-in user: the cluster of the kubeconfig (or the pod's service account)
 * with the user's own bearer token. Stores are kept per identity (`key`: who the API server says
 * the user is), never shared between users; a refreshed token replaces the old one in place.
 */
export function userSession(key: string, bearer: string, now = Date.now()): Session {
  const reg = registry();
  for (const [k, u] of reg.users) {
    if (now - u.lastUsed > USER_IDLE_MS) {
      u.store.close();
      reg.users.delete(k);
    }
  }
  if (!reg.kc)
    return {
      context: undefined,
      contexts: [],
      store: undefined,
      banner: { mode: "none" },
      problem: "Routeboard has no cluster to connect to: run it in a cluster, or set KUBECONFIG.",
    };
  let u = reg.users.get(key);
  if (!u) {
    const kc = withBearer(reg.kc, bearer);
    u = { store: new ClusterStore(kc), kc, bearer, lastUsed: now };
    reg.users.set(key, u);
  } else if (u.bearer !== bearer) {
    const cluster = u.kc.getCurrentCluster();
    if (cluster) u.kc.loadFromClusterAndUser(cluster, { name: "routeboard-user", token: bearer });
    u.bearer = bearer;
  }
  u.lastUsed = now;
  const server = reg.kc.getCurrentCluster()?.server ?? "?";
  return { context: undefined, contexts: [], store: u.store, banner: { mode: "cluster", context: "", server } };
}

/** The base cluster's kubeconfig (for checking a token before anyone is logged in). */
export function baseKubeConfig(): KubeConfig | undefined {
  return registry().kc;
}

/**
 * At server start: decide the store, and for a workspace start reading its files, so the first
 * page finds them read instead of waiting for the parse workers to start.
 */
export async function warmUp(): Promise<void> {
  const reg = registry();
  reg.choice ??= chooseStore(reg.kc);
  const choice = await reg.choice;
  if (choice.mode !== "cluster") reg.workspace ??= new WorkspaceStore(choice.root);
}

/** The session for a request: a workspace or the cluster, as decided once (at start, or at the first request). */
export async function resolveSession(chosen: string | undefined): Promise<Session> {
  const reg = registry();
  reg.choice ??= chooseStore(reg.kc);
  const choice = await reg.choice;
  if (choice.mode === "cluster") return session(chosen);
  reg.workspace ??= new WorkspaceStore(choice.root);
  const ws = reg.workspace;
  // Cheap (a stat per file when nothing changed) and makes every page, banner included, show the
  // disk as it is now rather than as of the watcher's last debounce; bounded, so a file still
  // being parsed shows as such instead of holding up the page.
  await ws.refresh({ waitMs: REQUEST_WAIT_MS });
  return {
    context: undefined,
    contexts: [],
    store: ws,
    banner: { mode: ws.dumpMode ? "dump" : "workspace", path: ws.root, reason: choice.reason, problems: ws.problems() },
  };
}
