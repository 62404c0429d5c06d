// HTTPRouteRule timeouts against a backend's latency (HTTPRouteTimeouts docs): the Gateway
// answers 504 when the backend takes longer than `request` (the whole request) or
// `backendRequest` (one request to the backend); a zero duration disables the timeout.
import type { HTTPRouteTimeouts } from "../route-types";

const UNITS: Readonly<Record<string, number>> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };

/** A Gateway API Duration (GEP-2257: "1h2m3s4ms" style, ms last) in milliseconds; undefined when it is not one. */
export function durationMs(d: string): number | undefined {
  if (!/^([0-9]{1,5}(h|m|s|ms)){1,4}$/.test(d)) return undefined;
  let ms = 0;
  for (const [, n, unit] of d.matchAll(/([0-9]+)(ms|h|m|s)/g)) ms += Number(n) * (UNITS[unit ?? ""] ?? 0);
  return ms;
}

/** The timeout a backend taking `latency` exceeds, as "request 500ms", or undefined when it answers in time. */
export function exceededTimeout(timeouts: HTTPRouteTimeouts | undefined, latency: string): string | undefined {
  const took = durationMs(latency);
  if (took === undefined || !timeouts) return undefined;
  for (const which of ["request", "backendRequest"] as const) {
    const limit = timeouts[which];
    const ms = limit === undefined ? undefined : durationMs(limit);
    if (limit !== undefined && ms !== undefined && ms > 0 && took > ms) return `${which} ${limit}`;
  }
  return undefined;
}
