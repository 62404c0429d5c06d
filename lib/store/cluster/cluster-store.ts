import type { KubeConfig } from "@kubernetes/client-node";
import type { KubeObject } from "../../k8s/meta";
import { errorFromNetwork, errorFromStatus } from "../errors";
import { isDNS1123Subdomain } from "../../k8s/names";
import { KINDS, kindOf, resourcePath, type KindKey } from "../../k8s/kinds";
import { nameError } from "../name-check";
import type { Access, ApplyOptions, KindSnapshot, ObjectRef, Result, Store, StoreError, StoreEvent } from "../types";
import { request, type RequestSpec } from "./transport";
import { WatchCache, type WatchCacheTiming } from "./watch-cache";

export const FIELD_MANAGER = "routeboard";

const fail = (error: StoreError): { ok: false; error: StoreError } => ({ ok: false, error });

/** Server-side apply refuses managedFields; status belongs to controllers, not to us. */
function applyBody(obj: KubeObject): string {
  const { managedFields: _m, creationTimestamp: _c, generation: _g, ...metadata } = obj.metadata;
  const { status: _s, ...rest } = obj;
  return JSON.stringify({ ...rest, metadata });
}

/** The store backed by a live cluster, as one kubeconfig context (one user's credentials). */
export class ClusterStore implements Store {
  private readonly caches = new Map<KindKey, WatchCache>();
  private readonly listeners = new Set<{ kinds: ReadonlySet<KindKey>; fn: (e: StoreEvent) => void }>();

  constructor(
    private readonly kc: KubeConfig,
    private readonly timing?: WatchCacheTiming,
  ) {}

  get description(): string {
    return `cluster ${this.kc.getCurrentCluster()?.server ?? "?"} as context ${this.kc.getCurrentContext()}`;
  }

  private cache(kind: KindKey): WatchCache {
    let c = this.caches.get(kind);
    if (!c) {
      c = new WatchCache(this.kc, KINDS[kind], (e) => this.dispatch(e), this.timing);
      this.caches.set(kind, c);
    }
    return c;
  }

  private dispatch(e: StoreEvent): void {
    for (const l of this.listeners) if (l.kinds.has(e.kind)) l.fn(e);
  }

  snapshot(kind: KindKey): KindSnapshot {
    return this.cache(kind).snapshot();
  }

  load(kind: KindKey): Promise<KindSnapshot> {
    return this.cache(kind).loaded();
  }

  subscribe(kinds: readonly KindKey[], fn: (e: StoreEvent) => void): () => void {
    const l = { kinds: new Set(kinds), fn };
    kinds.forEach((k) => this.cache(k));
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }

  private async call(spec: RequestSpec): Promise<Result<KubeObject>> {
    try {
      const res = await request(this.kc, spec);
      if (res.status >= 200 && res.status < 300) return { ok: true, value: res.body as KubeObject };
      return { ok: false, error: errorFromStatus(res.status, res.body) };
    } catch (err) {
      return { ok: false, error: errorFromNetwork(err, this.kc.getCurrentCluster()?.server) };
    }
  }

  async get(ref: ObjectRef): Promise<Result<KubeObject>> {
    const bad = nameError(KINDS[ref.kind], ref.namespace, ref.name);
    if (bad) return fail(bad);
    return this.call({ method: "GET", path: resourcePath(KINDS[ref.kind], ref.namespace, ref.name) });
  }

  async crd(name: string): Promise<Result<KubeObject>> {
    const bad = isDNS1123Subdomain(name);
    if (bad.length > 0) return fail({ type: "Invalid", message: `metadata.name: Invalid value: ${JSON.stringify(name)}: ${bad.join(", ")}`, causes: [] });
    return this.call({ method: "GET", path: `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${encodeURIComponent(name)}` });
  }

  dryRun(obj: KubeObject, opts: ApplyOptions = {}): Promise<Result<KubeObject>> {
    return this.serverSideApply(obj, opts, true);
  }

  apply(obj: KubeObject, opts: ApplyOptions = {}): Promise<Result<KubeObject>> {
    return this.serverSideApply(obj, opts, false);
  }

  private async serverSideApply(obj: KubeObject, opts: ApplyOptions, dryRun: boolean): Promise<Result<KubeObject>> {
    const kind = kindOf(obj.apiVersion, obj.kind);
    const name = obj.metadata?.name;
    if (!kind || !name) {
      return {
        ok: false,
        error: {
          type: "Invalid",
          message: !kind ? `Routeboard does not manage ${obj.kind} (${obj.apiVersion})` : "metadata.name is required",
          causes: [],
        },
      };
    }
    const namespace = obj.metadata.namespace ?? (kind.namespaced ? "default" : undefined);
    const bad = nameError(kind, namespace, name);
    if (bad) return fail(bad);
    const r = await this.call({
      method: "PATCH",
      path: resourcePath(kind, namespace, name),
      query: { fieldManager: FIELD_MANAGER, force: opts.force ? "true" : undefined, dryRun: dryRun ? "All" : undefined },
      body: applyBody(obj),
      contentType: "application/apply-patch+yaml",
    });
    // The API server reports field-manager conflicts before it checks resourceVersion, so an
    // object that someone else changed *and* owns comes back as a plain field conflict. Whether
    // the caller's copy is stale is what the UI needs to know first: ask.
    const rv = obj.metadata.resourceVersion;
    if (!r.ok && r.error.type === "Conflict" && !r.error.stale && rv) {
      const now = await this.call({ method: "GET", path: resourcePath(kind, namespace, name) });
      if (now.ok && now.value.metadata.resourceVersion !== rv) return { ok: false, error: { ...r.error, stale: true } };
    }
    return r;
  }

  /**
   * The API server's own answer (SelfSubjectAccessReview) to "may I patch this object", and, for
   * one that does not exist yet, "may I create it": server-side apply needs both then.
   */
  async mayWrite(ref: ObjectRef): Promise<Result<Access>> {
    const kind = KINDS[ref.kind];
    const bad = nameError(kind, ref.namespace, ref.name);
    if (bad) return fail(bad);
    const review = async (verb: "patch" | "create"): Promise<Result<Access>> => {
      const attrs = {
        verb,
        group: kind.group,
        version: kind.version,
        resource: kind.plural,
        ...(kind.namespaced && { namespace: ref.namespace ?? "default" }),
        ...(verb === "patch" && { name: ref.name }),
      };
      const r = await this.call({
        method: "POST",
        path: "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
        body: JSON.stringify({ apiVersion: "authorization.k8s.io/v1", kind: "SelfSubjectAccessReview", spec: { resourceAttributes: attrs } }),
        contentType: "application/json",
      });
      if (!r.ok) return r;
      const status = (r.value as { status?: { allowed?: boolean; reason?: string } }).status;
      if (status?.allowed) return { ok: true, value: { allowed: true } };
      const where = kind.namespaced ? ` in namespace ${ref.namespace ?? "default"}` : "";
      return {
        ok: true,
        value: {
          allowed: false,
          reason: `${verb} ${kind.plural}.${kind.group || "core"}${where} is forbidden for these credentials${status?.reason ? ` (${status.reason})` : ""}`,
        },
      };
    };
    const patch = await review("patch");
    if (!patch.ok || !patch.value.allowed) return patch;
    const exists = await this.get(ref);
    return !exists.ok && exists.error.type === "NotFound" ? review("create") : patch;
  }

  async delete(ref: ObjectRef): Promise<Result<null>> {
    const bad = nameError(KINDS[ref.kind], ref.namespace, ref.name);
    if (bad) return fail(bad);
    const r = await this.call({ method: "DELETE", path: resourcePath(KINDS[ref.kind], ref.namespace, ref.name) });
    return r.ok ? { ok: true, value: null } : r;
  }

  close(): void {
    this.caches.forEach((c) => c.stop());
    this.caches.clear();
    this.listeners.clear();
  }
}
