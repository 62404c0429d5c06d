import { isDNS1035Label, isQualifiedName } from "../k8s/names";
import type { TrafficTarget } from "./types";

/** One problem in a traffic list, worded as Knative's webhook words it. */
export interface TrafficError {
  /** Index of the target in the list; absent for list-wide problems (the sum). */
  index?: number;
  /** Field of the target ("percent", "tag", ...); "" for the list itself. */
  field: string;
  /** Full path as the webhook reports it, e.g. "spec.traffic[1].tag". */
  path: string;
  message: string;
  /** Longer explanation the webhook prints under the message (name rules). */
  details?: string;
}

export interface ValidateTrafficOptions {
  /** Inside a Knative Service (configurationName is implied, and not allowed). */
  inService: boolean;
  /** Which part of the object the list is in; the webhook checks spec and status differently. */
  within?: "spec" | "status";
}

/**
 * Every rule of Knative's webhook for a traffic list (knative/serving pkg/apis/serving/v1
 * route_validation.go). The CRD schema enforces none of them, so nothing else catches them before
 * the webhook. An empty list in a Knative Service is valid: defaulting turns it into 100% latest.
 */
export function validateTraffic(traffic: readonly TrafficTarget[] | undefined, opts: ValidateTrafficOptions): TrafficError[] {
  const within = opts.within ?? "spec";
  const base = `${within}.traffic`;
  const list = traffic ?? [];
  if (list.length === 0 && opts.inService && within === "spec") return [];
  const errors: TrafficError[] = [];
  const tags = new Map<string, number>();
  let sum = 0;
  list.forEach((tt, i) => {
    const at = (field: string, message: string, details?: string): void => {
      errors.push({ index: i, field, path: `${base}[${i}]${field ? "." + field : ""}`, message, ...(details ? { details } : {}) });
    };
    validateTarget(tt, opts.inService, within, at);
    if (typeof tt.percent === "number") sum += tt.percent;
    const tag = tt.tag ?? "";
    if (tag === "") return;
    const msgs = isDNS1035Label(tag);
    if (msgs.length > 0) at("tag", `invalid value: not a DNS 1035 label: [${msgs.join(" ")}]`);
    const first = tags.get(tag);
    if (first !== undefined) at("tag", `Multiple definitions for ${JSON.stringify(tag)} (also at ${base}[${first}].tag)`);
    else tags.set(tag, i);
  });
  if (sum !== 100) errors.push({ field: "", path: base, message: `Traffic targets sum to ${sum}, want 100` });
  return errors;
}

type Report = (field: string, message: string, details?: string) => void;

function validateTarget(tt: TrafficTarget, inService: boolean, within: "spec" | "status", at: Report): void {
  const rev = tt.revisionName ?? "";
  const cfg = tt.configurationName ?? "";
  // The senses of "pin to a revision" and "follow the latest" must agree.
  if (within === "spec" && tt.latestRevision !== undefined && (rev !== "") === tt.latestRevision) {
    at("latestRevision", `may not set revisionName ${JSON.stringify(rev)} when latestRevision is ${tt.latestRevision}`);
  }
  if (inService && cfg !== "") at("configurationName", "must not set the field(s)");
  else if (rev !== "" && cfg !== "") at("revisionName", "expected exactly one, got both", "revisionName, configurationName");
  else if (rev !== "") nameCheck(rev, "revisionName", at);
  else if (within === "status") at("revisionName", "missing field(s)");
  else if (cfg !== "") nameCheck(cfg, "configurationName", at);
  else if (!inService) at("revisionName", "expected exactly one, got neither", "revisionName, configurationName");

  if (tt.percent !== undefined) {
    // The CRD types percent as an integer; the API server refuses fractions before the webhook runs.
    if (!Number.isInteger(tt.percent)) at("percent", `invalid value: ${tt.percent}: must be a whole number`);
    if (tt.percent < 0 || tt.percent > 100) at("percent", `expected 0 <= ${tt.percent} <= 100`);
  }

  const url = tt.url ?? "";
  const tag = tt.tag ?? "";
  if (url !== "") {
    if (within === "spec") at("url", "must not set the field(s)");
    if (tag === "") at("url", "must not set the field(s)");
  } else if (tag !== "" && within === "status") {
    at("url", "missing field(s)");
  }
}

function nameCheck(value: string, field: string, at: Report): void {
  const msgs = isQualifiedName(value);
  if (msgs.length > 0) at(field, `invalid key name ${JSON.stringify(value)}`, msgs.join(", "));
}
