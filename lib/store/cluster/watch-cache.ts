import type { KubeConfig } from "@kubernetes/client-node";
import type { KubeObject } from "../../k8s/meta";
import { errorFromNetwork, errorFromStatus } from "../errors";
import { resourcePath, type KindInfo } from "../../k8s/kinds";
import type { KindSnapshot, KindState, StoreEvent } from "../types";
import { request, watch, type WatchLine } from "./transport";

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(t), resolve()), { once: true });
  });

/** A watch ERROR event: a relist is due. */
class Gone extends Error {}

interface ListBody {
  metadata?: { resourceVersion?: string; continue?: string };
  items?: KubeObject[];
}

export interface WatchCacheTiming {
  /** Pause before retrying an unreachable API server (doubles up to the max). */
  retryMinMs: number;
  retryMaxMs: number;
  /** Pause before looking again for a CRD that is not installed, or a kind we may not list. */
  recheckMs: number;
}

const DEFAULT_TIMING: WatchCacheTiming = { retryMinMs: 250, retryMaxMs: 2000, recheckMs: 15_000 };

/**
 * One list+watch of one kind across all namespaces. The watch resumes from the last
 * resourceVersion after a dropped connection (bookmarks keep it fresh) and relists on 410 Gone.
 */
export class WatchCache {
  private items = new Map<string, KubeObject>();
  private rv: string | undefined;
  private state: KindState = "loading";
  private message: string | undefined;
  private readonly abort = new AbortController();
  private firstListDone: Promise<void>;
  private resolveFirstList!: () => void;

  constructor(
    private readonly kc: KubeConfig,
    private readonly kind: KindInfo,
    private readonly emit: (e: StoreEvent) => void,
    private readonly timing: WatchCacheTiming = DEFAULT_TIMING,
  ) {
    this.firstListDone = new Promise((r) => (this.resolveFirstList = r));
    void this.loop();
  }

  snapshot(): KindSnapshot {
    return { kind: this.kind.key, state: this.state, message: this.message, items: [...this.items.values()] };
  }

  /** Resolves once the first list has answered, one way or another. */
  async loaded(): Promise<KindSnapshot> {
    await this.firstListDone;
    return this.snapshot();
  }

  stop(): void {
    this.abort.abort();
  }

  private setState(state: KindState, message?: string): void {
    if (state === this.state && message === this.message) return;
    this.state = state;
    this.message = message;
    this.emit({ type: "state", kind: this.kind.key, state, message });
  }

  private async loop(): Promise<void> {
    const signal = this.abort.signal;
    let retry = this.timing.retryMinMs;
    while (!signal.aborted) {
      try {
        if (this.rv === undefined && !(await this.list())) {
          this.resolveFirstList();
          await sleep(this.timing.recheckMs, signal);
          continue;
        }
        this.resolveFirstList();
        const res = await watch(
          this.kc,
          resourcePath(this.kind),
          { resourceVersion: this.rv, allowWatchBookmarks: "true", timeoutSeconds: "240" },
          signal,
          (e) => this.onEvent(e),
          () => {
            retry = this.timing.retryMinMs;
            this.setState("ready");
          },
        );
        if (res.status === 410) this.rv = undefined;
        else if (res.status !== 200) {
          this.rv = undefined;
          this.setState("unreachable", errorFromStatus(res.status, res.body).message);
          await sleep(retry, signal);
        }
        // A stream the server closed in the normal way resumes from this.rv on the next turn.
      } catch (err) {
        if (signal.aborted) break;
        if (err instanceof Gone) {
          this.rv = undefined;
          continue;
        }
        this.resolveFirstList();
        this.setState("unreachable", errorFromNetwork(err, this.kc.getCurrentCluster()?.server).message);
        await sleep(retry, signal);
        retry = Math.min(retry * 2, this.timing.retryMaxMs);
      }
    }
  }

  /** Lists every page; returns false when the kind cannot be watched (not installed, forbidden). */
  private async list(): Promise<boolean> {
    const fresh = new Map<string, KubeObject>();
    let cont: string | undefined;
    let rv: string | undefined;
    do {
      const res = await request(this.kc, {
        method: "GET",
        path: resourcePath(this.kind),
        query: { limit: "500", continue: cont },
        signal: this.abort.signal,
      });
      if (res.status !== 200) {
        const err = errorFromStatus(res.status, res.body);
        if (res.status === 404 && this.kind.crd) {
          this.replace(new Map());
          this.setState("not-installed", `${this.kind.kind} (${this.kind.group}) is not installed in this cluster`);
        } else if (err.type === "Forbidden") {
          this.replace(new Map());
          this.setState("forbidden", err.message);
        } else {
          this.setState("unreachable", err.message);
        }
        return false;
      }
      const body = res.body as ListBody;
      const apiVersion = this.kind.group ? `${this.kind.group}/${this.kind.version}` : this.kind.version;
      // List items come without apiVersion and kind; give them back so objects stand alone.
      for (const item of body.items ?? []) fresh.set(keyOf(item), { ...item, apiVersion, kind: this.kind.kind });
      cont = body.metadata?.continue || undefined;
      rv = body.metadata?.resourceVersion;
    } while (cont);
    this.replace(fresh);
    this.rv = rv;
    this.setState("ready");
    return true;
  }

  /** Swaps in a relisted set, emitting the differences so subscribers stay exact. */
  private replace(fresh: Map<string, KubeObject>): void {
    for (const [k, old] of this.items) {
      if (!fresh.has(k)) this.emit({ type: "change", kind: this.kind.key, change: "DELETED", object: old });
    }
    for (const [k, obj] of fresh) {
      const old = this.items.get(k);
      if (!old) this.emit({ type: "change", kind: this.kind.key, change: "ADDED", object: obj });
      else if (old.metadata.resourceVersion !== obj.metadata.resourceVersion)
        this.emit({ type: "change", kind: this.kind.key, change: "MODIFIED", object: obj });
    }
    this.items = fresh;
  }

  private onEvent(e: WatchLine): void {
    if (e.type === "ERROR") {
      // 410 Gone is the usual one (our resourceVersion is too old); any other error is also
      // best answered by a fresh list.
      throw new Gone();
    }
    const obj = e.object as KubeObject;
    if (obj.metadata?.resourceVersion) this.rv = obj.metadata.resourceVersion;
    if (e.type === "BOOKMARK") return;
    const change = e.type as "ADDED" | "MODIFIED" | "DELETED";
    if (change === "DELETED") this.items.delete(keyOf(obj));
    else this.items.set(keyOf(obj), obj);
    this.emit({ type: "change", kind: this.kind.key, change, object: obj });
  }
}
