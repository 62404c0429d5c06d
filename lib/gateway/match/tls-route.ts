// matchRequest on TLS listeners: a connection goes by its SNI, first to the most specific
// listener hostname, then to the TLSRoute attached there whose hostname (narrowed to the
// listener's) matches it most specifically (TLSRoute hostnames docs), oldest route first on a
// tie; its backends get it by weight. With mode Passthrough the backend terminates TLS and
// answers the request inside; with Terminate the Gateway forwards the decrypted stream.
import { effectiveHostnames } from "../listeners";
import { resolveBackend } from "../predict/backends";
import { olderFirst } from "../predict/inputs";
import type { OtherRoute } from "../predict/inputs";
import type { ListenerModel } from "../predict/listeners";
import type { StatusModel } from "../predict/predict";
import { backendOf, describeListenerRef, mostSpecific, result, type Base } from "./common";
import { hostScore, normalizeHost } from "./rank";
import type { MatchInput, MatchResult } from "./types";

interface Candidate {
  readonly route: OtherRoute;
  readonly score: readonly [number, number];
  readonly hostname: string;
}

const meta = (r: OtherRoute) => ({ metadata: r.creationTimestamp === undefined ? {} : { creationTimestamp: r.creationTimestamp } });

function better(a: Candidate, b: Candidate): number {
  return (
    b.score[0] - a.score[0] ||
    b.score[1] - a.score[1] ||
    olderFirst(meta(a.route), meta(b.route)) ||
    (`${a.route.namespace}/${a.route.name}` < `${b.route.namespace}/${b.route.name}` ? -1 : 1)
  );
}

/** The TLSRoute on the listener that takes the SNI. */
function pick(model: StatusModel, l: ListenerModel, sni: string): Candidate | undefined {
  const found: Candidate[] = [];
  for (const route of model.otherAttached.get(l) ?? []) {
    if (route.kind !== "TLSRoute") continue;
    const hs = hostScore(effectiveHostnames(route.hostnames ?? [], l.listener.hostname), sni);
    if (hs) found.push({ route, score: hs.score, hostname: hs.hostname });
  }
  return found.sort(better)[0];
}

export function routeTls(model: StatusModel, listeners: readonly ListenerModel[], req: MatchInput, base: Base): MatchResult {
  const port = listeners[0]?.listener.port ?? 0;
  if (req.sni === undefined)
    return result(base, 0, "unreachable", `port ${port} has TLS listeners only: a connection needs a TLS server name (SNI)`, "required");
  const sni = normalizeHost(req.sni);
  const listener = mostSpecific(listeners, sni);
  if (!listener) return result(base, 0, "unreachable", `no TLS listener on port ${port} takes SNI ${sni}: the connection is rejected`, "required");
  base.listener = describeListenerRef(listener);
  if (listener.programmed.status === "False")
    return result(
      base,
      0,
      "unreachable",
      `listener ${listener.listener.name} is not programmed (${listener.programmed.reason}): ${listener.programmed.message}`,
      listener.programmed.certainty,
    );
  const hit = pick(model, listener, sni);
  if (!hit) return result(base, 0, "unreachable", `no TLSRoute on listener ${listener.listener.name} takes SNI ${sni}: the connection is rejected`, "required");
  const r = hit.route;
  const found = { route: { namespace: r.namespace, name: r.name }, rule: 0, hostname: hit.hostname };
  const resolved = r.rules.flat().map((ref) => resolveBackend(ref, r.namespace, model.inputs, "TLSRoute"));
  const total = resolved.reduce((n, b) => n + b.weight, 0);
  const backends = resolved.map((b) => backendOf(b, total === 0 ? 0 : b.weight / total));
  const valid = backends.filter((b) => b.valid && b.share > 0);
  const what = `TLSRoute ${r.namespace}/${r.name} (hostname ${hit.hostname}) on listener ${listener.listener.name}`;
  if (valid.length === 0) return result(base, 0, "unreachable", `${what} has no valid backend: the connection is closed`, "required", { ...found, backends });
  const errorShare = Math.max(0, 1 - valid.reduce((n, b) => n + b.share, 0));
  const mode = listener.listener.tls?.mode ?? "Terminate";
  const how = mode === "Passthrough" ? "passes the connection through to" : "terminates TLS and forwards the stream to";
  // The Gateway does not read the HTTP inside the stream: the backend sees the request as sent.
  const q = req.path.indexOf("?");
  const forwarded = {
    host: req.host,
    path: q < 0 ? req.path : req.path.slice(0, q),
    headers: Object.fromEntries(Object.entries(req.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  return result(
    base,
    200,
    "forwarded",
    `${what} ${how} ${valid.map((b) => `${b.namespace}/${b.name}${b.port ? `:${b.port}` : ""} ${Math.round(b.share * 1000) / 10} %`).join(", ")}`,
    "required",
    { ...found, backends, errorShare, forwarded },
  );
}
