// Istio's HTTPMatchRequest as Gateway API matches. Istio ORs the blocks of `match` and ANDs the
// conditions inside one, as HTTPRoute's `matches` do; what has no equivalent is named in a note,
// and a condition left out makes the rule match more than before, which the note says.
import type { HTTPHeaderMatch, HTTPMethod, HTTPRouteMatch, HTTPQueryParamMatch } from "../../gateway/route-types";
import type { SuggestContext } from "./backends";
import type { IstioMatch, StringMatch } from "./istio-types";

const METHODS: readonly HTTPMethod[] = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
/** RFC 7230 token: what HTTPHeaderName allows. */
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An Istio StringMatch on a header or query value: exact stays exact, prefix becomes a regex. */
function valueMatch(m: StringMatch): { type: "Exact" | "RegularExpression"; value: string } | undefined {
  if (m.exact !== undefined) return { type: "Exact", value: m.exact };
  if (m.prefix !== undefined) return { type: "RegularExpression", value: `^${escapeRegex(m.prefix)}.*` };
  if (m.regex !== undefined) return { type: "RegularExpression", value: m.regex };
  return undefined;
}

function pathMatch(uri: StringMatch, what: string, ctx: SuggestContext): HTTPRouteMatch["path"] {
  if (uri.exact !== undefined) return { type: "Exact", value: uri.exact };
  if (uri.prefix !== undefined) {
    if (uri.prefix !== "/" && !uri.prefix.endsWith("/"))
      ctx.notes.push(
        `${what} matches the path prefix ${uri.prefix} as a string (Istio also sends ${uri.prefix}x there); PathPrefix matches whole segments only (${uri.prefix} and ${uri.prefix}/…).`,
      );
    return { type: "PathPrefix", value: uri.prefix };
  }
  if (uri.regex !== undefined) {
    ctx.notes.push(
      `${what} matches the path by a regular expression: Istio's is RE2, matched whole; a Gateway's RegularExpression is implementation-specific.`,
    );
    return { type: "RegularExpression", value: uri.regex };
  }
  return undefined;
}

function headerMatches(headers: NonNullable<IstioMatch["headers"]>, what: string, ctx: SuggestContext): HTTPHeaderMatch[] {
  const out: HTTPHeaderMatch[] = [];
  for (const [name, m] of Object.entries(headers)) {
    const v = m && valueMatch(m);
    if (!v || !HEADER_NAME.test(name)) {
      ctx.notes.push(
        `${what} matches the header ${name}${v ? ", which is not a header name an HTTPRoute takes" : " on presence only"}: left out, so the rule matches without it.`,
      );
      continue;
    }
    if (m.prefix !== undefined) ctx.notes.push(`${what} matches the header ${name} by prefix: the suggestion uses the regular expression ${v.value}.`);
    out.push({ name, ...v });
  }
  return out;
}

function queryMatches(params: NonNullable<IstioMatch["queryParams"]>, what: string, ctx: SuggestContext): HTTPQueryParamMatch[] {
  const out: HTTPQueryParamMatch[] = [];
  for (const [name, m] of Object.entries(params)) {
    const v = m && valueMatch(m);
    if (!v || !HEADER_NAME.test(name)) {
      ctx.notes.push(`${what} matches the query parameter ${name} in a way an HTTPRoute cannot: left out, so the rule matches without it.`);
      continue;
    }
    out.push({ name, ...v });
  }
  return out;
}

/** One Istio match block as one HTTPRoute match. */
export function convertMatch(m: IstioMatch, what: string, ctx: SuggestContext): HTTPRouteMatch {
  const path = m.uri ? pathMatch(m.uri, what, ctx) : undefined;
  if (m.ignoreUriCase) ctx.notes.push(`${what} ignores the case of the path; HTTPRoute path matches are case-sensitive.`);
  const headers = m.headers ? headerMatches(m.headers, what, ctx) : [];
  const queryParams = m.queryParams ? queryMatches(m.queryParams, what, ctx) : [];
  let method: HTTPMethod | undefined;
  if (m.method) {
    method = METHODS.find((x) => x === m.method?.exact);
    if (!method)
      ctx.notes.push(
        `${what} matches the method by ${m.method.exact !== undefined ? `the name ${m.method.exact}` : "a pattern"}: HTTPRoutes match one standard method exactly; left out.`,
      );
  }
  const dropped: string[] = [];
  if (m.authority) dropped.push("the authority (say the host in hostnames instead)");
  if (m.withoutHeaders) dropped.push("headers that must be absent");
  if (m.port) dropped.push(`the port ${m.port}`);
  if (m.scheme) dropped.push("the scheme");
  if (m.sourceLabels || m.sourceNamespace) dropped.push("the client's labels or namespace");
  if (m.gateways) dropped.push("the gateways it applies on");
  if (dropped.length > 0) ctx.notes.push(`${what} also matches on ${dropped.join(", ")}: an HTTPRoute match cannot, so the rule matches more than before.`);
  return {
    ...(path && { path }),
    ...(headers.length > 0 && { headers }),
    ...(queryParams.length > 0 && { queryParams }),
    ...(method && { method }),
  };
}
