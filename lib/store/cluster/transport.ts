import { HttpMethod, RequestContext, type KubeConfig } from "@kubernetes/client-node";
import { fetch, type Response } from "undici";

// Every request to the API server goes through here, carrying the chosen context's own
// credentials (client-node applies tokens, client certificates, exec plugins and the CA).

export interface HttpResult {
  status: number;
  body: unknown;
}

export interface RequestSpec {
  method: "GET" | "POST" | "PATCH" | "DELETE";
  path: string;
  query?: Record<string, string | undefined>;
  body?: string;
  contentType?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

async function open(kc: KubeConfig, spec: RequestSpec, accept = "application/json"): Promise<Response> {
  const cluster = kc.getCurrentCluster();
  if (!cluster) throw new Error("the kubeconfig context names no cluster");
  const url = new URL(cluster.server.replace(/\/$/, "") + spec.path);
  for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
  const ctx = new RequestContext(url.toString(), HttpMethod[spec.method]);
  await kc.applySecurityAuthentication(ctx);
  const headers: Record<string, string> = { ...ctx.getHeaders(), Accept: accept };
  if (spec.contentType) headers["Content-Type"] = spec.contentType;
  const signals = [spec.signal, spec.timeoutMs ? AbortSignal.timeout(spec.timeoutMs) : undefined].filter((s): s is AbortSignal => s !== undefined);
  return fetch(url, {
    method: spec.method,
    headers,
    body: spec.body,
    dispatcher: ctx.getDispatcher(),
    signal: signals.length ? AbortSignal.any(signals) : undefined,
  });
}

/** The response's JSON body parsed, or its raw text when it is not JSON (for the message). */
async function result(res: Response): Promise<HttpResult> {
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: res.status, body: text };
  }
}

/** One request and its answer. */
export async function request(kc: KubeConfig, spec: RequestSpec): Promise<HttpResult> {
  return result(await open(kc, { timeoutMs: 30_000, ...spec }));
}

export interface WatchLine {
  type: string;
  object: unknown;
}

/**
 * A watch stream: calls onEvent per line until the server closes it, then resolves with the
 * HTTP status (200 for a stream that ran). Rejects on network errors.
 */
export async function watch(
  kc: KubeConfig,
  path: string,
  query: Record<string, string | undefined>,
  signal: AbortSignal,
  onEvent: (e: WatchLine) => void,
  onOpen?: () => void,
): Promise<HttpResult> {
  const res = await open(kc, { method: "GET", path, query: { ...query, watch: "true" }, signal });
  if (res.status !== 200 || !res.body) return result(res);
  onOpen?.();
  const decoder = new TextDecoder();
  let buf = "";
  for await (const chunk of res.body) {
    buf += decoder.decode(chunk as Uint8Array, { stream: true });
    let nl: number;
    while ((nl = buf.indexOf("\n")) >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line) onEvent(JSON.parse(line) as WatchLine);
    }
  }
  return { status: 200, body: null };
}
