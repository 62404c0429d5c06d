// Validation in place of the API server's dry-run, for a workspace (no server to ask): the
// CRDs shipped with Routeboard in crds/ (npm run crds:ship), checked by lib/validate, and
// Knative's traffic rules (a webhook in the cluster) by lib/knative.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { KubeObject } from "../../k8s/meta";
import { validateTraffic, type KnativeService } from "../../knative";
import { validateCustomResource, type CustomResourceDefinition } from "../../validate";
import type { FieldCause } from "../types";
import { KINDS, type KindKey } from "../../k8s/kinds";

/** Names of the shipped CRDs by kind: the only ones a workspace can validate against. */
const SHIPPED: Partial<Record<KindKey, string>> = {
  HTTPRoute: "httproutes.gateway.networking.k8s.io",
  KnativeService: "services.serving.knative.dev",
};

const cache = new Map<string, KubeObject | null>();

/** A shipped CRD by name, or undefined when Routeboard does not ship it. */
export function shippedCrd(crdDir: string, name: string): KubeObject | undefined {
  const file = join(crdDir, `${name}.json`);
  if (!cache.has(file)) {
    // Names come from pages; only plain CRD names (no path separators) are looked up.
    const plain = /^[a-z0-9.-]+$/.test(name);
    cache.set(file, plain && existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as KubeObject) : null);
  }
  return cache.get(file) ?? undefined;
}

/** The causes the API server (and Knative's webhook) would give for creating `obj`. */
export function validateOffline(kind: KindKey, obj: KubeObject, crdDir: string): FieldCause[] {
  const causes: FieldCause[] = [];
  const crdName = SHIPPED[kind];
  const crd = crdName ? shippedCrd(crdDir, crdName) : undefined;
  if (crd) {
    // A folder of manifests is applied by whatever deploys it (kubectl, Argo CD, Flux), often
    // with a plain create or client-side apply: judged as a create, with unknown fields pruned.
    for (const e of validateCustomResource(obj, crd as unknown as CustomResourceDefinition, { request: "create" })) {
      causes.push({ field: e.path, message: e.message, reason: e.reason });
    }
  }
  if (kind === "KnativeService") {
    const traffic = (obj as unknown as KnativeService).spec?.traffic;
    for (const e of validateTraffic(traffic, { inService: true })) {
      causes.push({ field: e.path, message: e.message, reason: "FieldValueInvalid" });
    }
  }
  return causes;
}

/** The API server's wording: `HTTPRoute.gateway.networking.k8s.io "shop" is invalid: [...]`. */
export function invalidMessage(kind: KindKey, name: string, causes: FieldCause[]): string {
  const k = KINDS[kind];
  const what = k.group ? `${k.kind}.${k.group}` : k.kind;
  const list = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
  return `${what} "${name}" is invalid: ${list.length === 1 ? list[0] : `[${list.join(", ")}]`}`;
}
