// What matchRequest takes and returns. Plain data: JSON-serialisable.
import type { BackendPrediction, Certainty, ListenerSource, ObjectRef, PredictionWarning } from "../predict/types";
import type { ForwardedRequest, HeaderChanges, Redirect } from "./filters";

export interface MatchInput {
  /** The Host header (a port in it is ignored for hostname matching). */
  readonly host: string;
  /** The request path; a query string after "?" is read as query parameters. */
  readonly path: string;
  /** Default GET. */
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  /** Default: the Gateway whose listeners take the host (the first one, alphabetically, if several). */
  readonly gateway?: ObjectRef;
  /** A listener by name (of the Gateway, or of `listenerSet`); default: the most specific one for the host. */
  readonly listener?: string;
  readonly listenerSet?: ObjectRef;
  /**
   * The port the request is sent to. Default: the Host header's port when a listener has it, else
   * the named listener's, else the Gateway's first listener's (as the conformance suite addresses it).
   */
  readonly port?: number;
  /** Default: https on an HTTPS listener, else http. Used for redirects. */
  readonly scheme?: "http" | "https";
  /** The TLS server name, for HTTPS: a Host of another listener than the SNI's is misdirected (421). */
  readonly sni?: string;
  /**
   * The client certificate presented in the TLS handshake of an HTTPS listener: "none", or one
   * issued by the CA a ConfigMap holds (as frontend validation's caCertificateRefs name CAs; no
   * issuer: a CA none of them holds). Default: not known, taken as valid.
   */
  readonly clientCertificate?: "none" | { readonly issuer?: ObjectRef };
  /** How long the backend takes to answer (a Gateway API Duration, "1s"): longer than the rule's timeouts is a 504. Default: in time. */
  readonly backendLatency?: string;
}

/** A backendRef of the rule that serves (see BackendPrediction), with its share of the traffic. */
export interface MatchedBackend extends Omit<BackendPrediction, "rule" | "index"> {
  /** weight / sum of the rule's weights; an invalid backend's share gets 500s. */
  readonly share: number;
  /** The request this backend sees, when the backendRef has filters of its own. */
  readonly forwarded?: ForwardedRequest;
}

export interface MatchResult {
  /**
   * 200: forwarded (the backend answers); 3xx: redirect; 204: a CORS preflight the Gateway
   * answers itself (some answer 200); 404: no listener hostname or no rule
   * matches; 421: misdirected; 500: no valid backend; 504: the backend is slower than the
   * rule's timeouts (MatchInput.backendLatency). 0: no HTTP answer at all (no Gateway or
   * listener serves the port, or the listener is not programmed).
   */
  readonly status: number;
  readonly outcome: "forwarded" | "redirect" | "preflight" | "not-found" | "misdirected" | "error" | "timeout" | "unreachable";
  readonly gateway?: ObjectRef;
  readonly listener?: { readonly name: string; readonly source: ListenerSource; readonly port: number; readonly protocol: string; readonly hostname?: string };
  readonly route?: ObjectRef;
  /** Index of the rule in the route's spec.rules. */
  readonly rule?: number;
  readonly ruleName?: string;
  /** Index of the match in the rule's matches. */
  readonly match?: number;
  /** The route hostname that took the Host ("any" when the route sets none). */
  readonly hostname?: string;
  readonly backends: readonly MatchedBackend[];
  /** Share of requests answered with 500 (invalid backends, or no backend at all). */
  readonly errorShare: number;
  readonly redirect?: Redirect;
  /** The request as the backends see it, after the rule's URLRewrite and RequestHeaderModifier. */
  readonly forwarded?: ForwardedRequest;
  /** The rule's filter types, in order. */
  readonly filters: readonly string[];
  readonly responseHeaders?: HeaderChanges;
  readonly mirrors: readonly MatchedBackend[];
  /** The rule's timeouts (a backend slower than them gets the client a 504). */
  readonly timeouts?: { readonly request?: string; readonly backendRequest?: string };
  readonly reason: string;
  readonly certainty: Certainty;
  readonly warnings: readonly PredictionWarning[];
}
