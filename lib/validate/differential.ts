// The differential test's judge: the API server's answer and validateHTTPRoute's, in one shape,
// and whether they agree. Server-side apply's typed patch errors come as one message with
// structured-merge-diff paths (`.spec.rules[0].matches[0].headers[name="x"].foo`); they are read
// back into JSON paths against the route that was sent.
import { isPlainObject } from "./defaults.ts";
import { smdValueString } from "./go-values.ts";
import { childPath, indexPath } from "./json-path.ts";
import type { ValidationResult } from "./validate-httproute.ts";

export interface Cause {
  path: string;
  message: string;
}

/** Where the request stopped: 422 with causes, apply's typed patch (500), the decoder (400), storage (500). */
export type Stage = "accepted" | "invalid" | "typed-patch" | "bad-request" | "internal";

export interface Verdict {
  stage: Stage;
  causes: Cause[];
  warnings: string[];
}

export interface ServerAnswer {
  status: number;
  body: Record<string, unknown>;
  warnings: string[];
}

const TYPED_PATCH = "failed to create typed patch object (";
const DECODE = /^\S+ in version "[^"]*" cannot be handled as a \S+: /;

export function serverVerdict(a: ServerAnswer, route: unknown): Verdict {
  const message = String(a.body.message ?? "");
  const warnings = a.warnings;
  if (a.status >= 200 && a.status < 300) return { stage: "accepted", causes: [], warnings };
  if (a.status === 422) {
    const causes = ((a.body.details as { causes?: { field?: string; message?: string }[] } | undefined)?.causes ?? []).map((c) => ({
      path: c.field === "<nil>" || c.field === undefined ? "" : c.field,
      message: String(c.message),
    }));
    return { stage: "invalid", causes, warnings };
  }
  if (a.status === 500 && message.startsWith(TYPED_PATCH)) return { stage: "typed-patch", causes: typedPatchCauses(message, route), warnings };
  if (a.status === 500) return { stage: "internal", causes: [{ path: "", message }], warnings };
  if (a.status === 400) return { stage: "bad-request", causes: [{ path: "", message: message.replace(DECODE, "") }], warnings };
  throw new Error(`unexpected answer: HTTP ${a.status}: ${message.slice(0, 300)}`);
}

export function localVerdict(r: ValidationResult): Verdict {
  const warnings = r.warnings.map((w) => w.message);
  const causes = r.errors.map((e) => ({ path: e.path, message: e.message }));
  const reasons = new Set(r.errors.map((e) => e.reason));
  if (causes.length === 0) return { stage: "accepted", causes, warnings };
  if (reasons.has("BadRequest")) return { stage: "bad-request", causes, warnings };
  if (reasons.has("InternalError")) {
    return { stage: causes[0]?.message.startsWith("strconv.") ? "internal" : "typed-patch", causes, warnings };
  }
  return { stage: "invalid", causes, warnings };
}

export type Outcome = "agree" | "verdict" | "stage" | "paths" | "messages" | "warnings";

const sorted = (xs: string[]) => JSON.stringify([...xs].sort());

export function compare(server: Verdict, local: Verdict): Outcome {
  if ((server.stage === "accepted") !== (local.stage === "accepted")) return "verdict";
  if (server.stage !== local.stage) return "stage";
  if (server.stage === "invalid") {
    if (sorted(server.causes.map((c) => c.path)) !== sorted(local.causes.map((c) => c.path))) return "paths";
    if (sorted(server.causes.map(line)) !== sorted(local.causes.map(line))) return "messages";
  }
  if (server.stage === "typed-patch") {
    if (!covers(server.causes, local.causes, (c) => c.path)) return "paths";
    if (!covers(server.causes, local.causes, line)) return "messages";
  }
  // The decoder and the storage layer name no field; only their words can be compared.
  if (
    (server.stage === "bad-request" || server.stage === "internal") &&
    sorted(server.causes.map((c) => c.message)) !== sorted(local.causes.map((c) => c.message))
  )
    return "messages";
  return sorted(server.warnings) === sorted(local.warnings) ? "agree" : "warnings";
}

const line = (c: Cause) => `${c.path}: ${c.message}`;

/**
 * The typed patch stops iterating a map at its first undeclared field, in Go's random map order:
 * the server names a subset of what is wrong. Every cause it names must be found here, and every
 * other one found here must lie in a map where the server stopped at an undeclared field.
 */
function covers(server: Cause[], local: Cause[], key: (c: Cause) => string): boolean {
  const mine = new Set(local.map(key));
  if (!server.every((c) => mine.has(key(c)))) return false;
  const named = new Set(server.map(key));
  const stops = server.filter((c) => c.message === "field not declared in schema").map((c) => parentOf(c.path));
  return local.every((c) => named.has(key(c)) || stops.some((p) => p === "" || c.path.startsWith(`${p}.`) || c.path.startsWith(`${p}[`)));
}

const parentOf = (path: string) => (/[.[]/.test(path) ? path.replace(/(\.[^.[\]]*|\[[^\]]*\])$/, "") : "");

// Elements with equal keys (duplicates) print the same path: the n-th time a path and message
// repeat, they belong to the n-th element that matches.
function typedPatchCauses(message: string, route: unknown): Cause[] {
  const rest = message.slice(message.indexOf("): ") + 3);
  const lines = rest.startsWith("errors:\n")
    ? rest
        .slice(8)
        .split("\n")
        .map((l) => l.replace(/^ {2}/, ""))
    : [rest];
  const repeats = new Map<string, number>();
  return lines.map((l) => {
    const nth = repeats.get(l) ?? 0;
    repeats.set(l, nth + 1);
    const [segments, end] = smdSegments(l);
    return { path: jsonPath(segments, route, nth), message: l.slice(end).replace(/^: /, "") };
  });
}

type Segment = { field: string } | { index: number } | { key: [string, string][] } | { value: string };

/** fieldpath.Path's printed form, read up to the ": " that ends it. */
function smdSegments(l: string): [Segment[], number] {
  const segs: Segment[] = [];
  let i = 0;
  while (l[i] === "." || l[i] === "[") {
    if (l[i] === ".") {
      const m = /^\.([^.[:]*)/.exec(l.slice(i));
      segs.push({ field: m?.[1] ?? "" });
      i += m?.[0].length ?? 1;
      continue;
    }
    let j = i + 1;
    let quoted = false;
    for (; j < l.length && (quoted || l[j] !== "]"); j++) {
      if (l[j] === "\\") j++;
      else if (l[j] === '"') quoted = !quoted;
    }
    const inner = l.slice(i + 1, j);
    if (/^[0-9]+$/.test(inner)) segs.push({ index: Number(inner) });
    else if (inner.startsWith("=")) segs.push({ value: inner.slice(1) });
    else segs.push({ key: splitKeys(inner) });
    i = j + 1;
  }
  return [segs, i];
}

function splitKeys(inner: string): [string, string][] {
  const parts: string[] = [];
  let start = 0;
  let quoted = false;
  for (let j = 0; j < inner.length; j++) {
    if (inner[j] === "\\") j++;
    else if (inner[j] === '"') quoted = !quoted;
    else if (inner[j] === "," && !quoted) {
      parts.push(inner.slice(start, j));
      start = j + 1;
    }
  }
  parts.push(inner.slice(start));
  return parts.map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]);
}

// A keyed element is the first one whose key fields print the same (a missing one as its default "").
function jsonPath(segments: Segment[], route: unknown, nth: number): string {
  let cur: unknown = route;
  let path = "";
  for (const s of segments) {
    if ("field" in s) {
      path = childPath(path, s.field);
      cur = isPlainObject(cur) ? cur[s.field] : undefined;
      continue;
    }
    const list = Array.isArray(cur) ? cur : [];
    const matches = (x: unknown) =>
      "value" in s ? smdValueString(x) === s.value : "key" in s && isPlainObject(x) && s.key.every(([k, v]) => (k in x ? smdValueString(x[k]) : '""') === v);
    const found = list.flatMap((x, j) => (matches(x) ? [j] : []));
    const i = "index" in s ? s.index : (found[Math.min(nth, found.length - 1)] ?? -1);
    path = indexPath(path, i);
    cur = list[i];
  }
  return path;
}
