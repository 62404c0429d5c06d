// Request cases against matchRequest, judged as the suite's roundtripper checks judge them
// (conformance/utils/http/http.go CompareRoundTrip, WaitForConsistentFailureResponse;
// utils/tls MakeTLSRequestAndExpectFailureResponse): the status code must be one of those
// expected; a 200 must come from the backend named (the pod name starts with it, so the
// workload's name) in the namespace named, which must see the path, Host and headers
// expected; a redirect's Location must have the scheme, host, port and path expected;
// "failure" means an HTTP answer other than 200, or for the TLS helper a connection that
// fails. Response headers and mirrors are not compared.
import { BACKEND_CERTIFICATE_ASSUMED, type MatchInput, type MatchResult, type MatchedBackend } from "../../match";
import type { Cases, RequestCase } from "./cases";
import { AFTER_CHANGE } from "./status";
import { exact, mismatch, skip, type Outcome } from "./tally";

/** Why a request through a valid BackendTLSPolicy is not compared. */
const CERTIFICATE_AT_RUN_TIME =
  "the backend's serving certificate is made at run time (suite.go Setup): whether it passes the BackendTLSPolicy is not in the objects";

/** The Gateway's address, standing in for the Host header when a case sets none (TEST-NET-1). */
export const GATEWAY_ADDRESS = "192.0.2.1";

/** The suite's echo backend waits as long as ?delay= says before answering (conformance/echo-basic/echo-basic.go:310). */
function echoDelay(path: string): string | undefined {
  const q = path.indexOf("?");
  return q < 0 ? undefined : (new URLSearchParams(path.slice(q + 1)).get("delay") ?? undefined);
}

/** The certificate a TLS helper presents, by the CA ConfigMap that issued it (from Setup), or "none". */
function clientCertificate(c: RequestCase, cases: Cases): NonNullable<MatchInput["clientCertificate"]> {
  const s = c.clientCertificate;
  if (!s) return "none";
  const issuer = cases.setup.secrets.find((x) => x.namespace === s.namespace && x.name === s.name)?.issuer;
  return issuer ? { issuer: { namespace: issuer.namespace ?? "default", name: issuer.name } } : {};
}

export function matchInput(c: RequestCase, cases: Cases): MatchInput {
  const tls = c.via.startsWith("MakeTLS") || c.via.startsWith("WaitForConsistentTLS");
  const sni = c.tlsServerName ?? c.request.sni;
  const delay = echoDelay(c.request.path ?? "/");
  return {
    ...(delay !== undefined && { backendLatency: delay }),
    host: c.request.host ?? GATEWAY_ADDRESS,
    path: c.request.path ?? "/",
    method: c.request.method ?? "GET",
    ...(c.request.headers && { headers: c.request.headers }),
    ...(c.gateway && { gateway: { namespace: c.gateway.namespace ?? "default", name: c.gateway.name } }),
    ...(c.port !== undefined && c.port !== "" && { port: Number(c.port) }),
    scheme: tls ? "https" : "http",
    ...(tls && sni !== undefined && { sni }),
    ...(tls && { clientCertificate: clientCertificate(c, cases) }),
  };
}

const picked = (r: MatchResult): MatchedBackend[] => r.backends.filter((b) => b.valid && b.share > 0);

function describe(r: MatchResult): string {
  const to = picked(r)
    .map((b) => `${b.namespace}/${b.name} ${Math.round(b.share * 100)} %`)
    .join(", ");
  return `${r.status || "no HTTP answer"}${to ? ` from ${to}` : ""} (${r.reason})`;
}

/** The names a pod of this backend has: its workloads' (pod names start with them), else the Service's. */
const podPrefixes = (b: MatchedBackend): readonly string[] => (b.workloads && b.workloads.length > 0 ? b.workloads : [b.name]);

function backendOk(c: RequestCase, r: MatchResult): boolean {
  const to = picked(r);
  if (to.length === 0 || r.errorShare > 0) return false;
  return to.every(
    (b) => (c.namespace === undefined || b.namespace === c.namespace) && (c.backend === undefined || podPrefixes(b).some((p) => p.startsWith(c.backend ?? ""))),
  );
}

/**
 * What the backend must see (CompareRoundTrip): the path with its query (the request's unless
 * ExpectedRequest says otherwise), the Host when given, the headers given and none of the absent ones.
 */
function forwardedWrong(c: RequestCase, r: MatchResult): string | undefined {
  const want = c.expectedRequest;
  // A backendRef's own filters apply after the rule's: that backend sees its own request.
  const seen = picked(r)[0]?.forwarded ?? r.forwarded;
  const path = want?.path ?? c.request.path ?? "/";
  const q = (c.request.path ?? "").split("?")[1];
  const got = seen ? `${seen.path}${q ? `?${q}` : ""}` : undefined;
  if (got !== path) return `the backend sees path ${path} (predicted ${got ?? "nothing"})`;
  if (want?.host && seen?.host !== want.host) return `the backend sees Host ${want.host} (predicted ${seen?.host ?? "none"})`;
  const headers = seen?.headers ?? {};
  for (const [k, v] of Object.entries(want?.headers ?? {}))
    if (headers[k.toLowerCase()] !== v) return `the backend sees ${k}: ${v} (predicted ${headers[k.toLowerCase()] ?? "no such header"})`;
  const present = (want?.absentHeaders ?? []).find((h) => headers[h.toLowerCase()] !== undefined);
  return present ? `the backend does not see ${present} (predicted ${present}: ${headers[present.toLowerCase()] ?? ""})` : undefined;
}

/** The Location of a redirect (CompareRoundTrip with setRedirectRequestDefaults): scheme, host, port and path. */
function redirectWrong(c: RequestCase, scheme: string, r: MatchResult): string | undefined {
  const want = c.redirectRequest;
  const got = r.redirect;
  if (!want) return undefined;
  if (!got) return "a Location";
  const port = got.port === undefined ? "" : String(got.port);
  const wantScheme = want.scheme || scheme;
  const wantPath = want.path || (c.request.path ?? "/").split("?")[0];
  const portOk = want.port ? want.port === port : port === "" || port === (got.scheme === "https" ? "443" : got.scheme === "http" ? "80" : port);
  const ok = (!want.host || want.host === got.hostname) && wantScheme === got.scheme && wantPath === got.path && portOk;
  return ok ? undefined : `Location ${wantScheme}://${want.host || "(any host)"}${want.port ? `:${want.port}` : ""}${wantPath} (predicted ${got.location})`;
}

export function requestCase(c: RequestCase, cases: Cases, match: (req: MatchInput) => MatchResult): Outcome {
  if (c.afterChange) return skip(AFTER_CHANGE);
  const input = matchInput(c, cases);
  const r = match(input);
  if (r.warnings.some((w) => w.code === BACKEND_CERTIFICATE_ASSUMED)) return skip(CERTIFICATE_AT_RUN_TIME);
  if (c.expect === "failure") {
    if (c.via.startsWith("MakeTLS")) return r.status === 0 ? exact : mismatch("the TLS connection fails", describe(r));
    return r.status !== 0 && r.status !== 200 ? exact : mismatch("an HTTP answer other than 200", describe(r));
  }
  const codes = typeof c.response.statusCode === "number" ? [c.response.statusCode] : c.response.statusCode;
  const want = `${codes.join(" or ")}${c.backend ? ` from ${c.namespace ?? ""}/${c.backend}` : c.namespace ? ` from a backend in ${c.namespace}` : ""}`;
  if (!codes.includes(r.status)) return mismatch(want, describe(r));
  if ((r.status === 200 || r.status === 204) && r.outcome === "forwarded") {
    if (!backendOk(c, r)) return mismatch(want, describe(r));
    const wrong = forwardedWrong(c, r);
    if (wrong) return mismatch(wrong, describe(r));
  }
  if (r.outcome === "redirect") {
    const wrong = redirectWrong(c, input.scheme ?? "http", r);
    if (wrong) return mismatch(wrong, describe(r));
  }
  return exact;
}
