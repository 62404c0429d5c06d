// Copies the CRDs that the WorkspaceStore validates against (offline, in place of a server-side
// dry-run) from the projects' Go modules into crds/. Descriptions are dropped: validation never
// reads them and they are most of a CRD's size. Run: npm run crds:ship
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { gatewayApiCrdFiles, knativeCrdFiles, GATEWAY_API_VERSION, KNATIVE_SERVING_MODULE } from "../e2e/cluster/crds.ts";

const WANTED = ["httproutes.gateway.networking.k8s.io", "services.serving.knative.dev"];
const OUT = join(import.meta.dirname, "..", "crds");

function stripDescriptions(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDescriptions);
  if (v === null || typeof v !== "object") return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    // `description` is documentation, except where it is a property *named* description.
    if (k === "description" && typeof x === "string") continue;
    out[k] = stripDescriptions(x);
  }
  return out;
}

interface Crd {
  metadata?: { name?: string; annotations?: Record<string, string> };
}

const found = new Map<string, Crd>();
for (const f of [...gatewayApiCrdFiles(), ...knativeCrdFiles()]) {
  for (const d of parseAllDocuments(readFileSync(f, "utf8"))) {
    const crd = d.toJS() as Crd | null;
    const name = crd?.metadata?.name;
    if (crd && name && WANTED.includes(name)) found.set(name, crd);
  }
}
for (const name of WANTED) {
  const crd = found.get(name);
  if (!crd) throw new Error(`ship-crds: ${name} not found`);
  const slim = stripDescriptions(crd) as Crd;
  slim.metadata = {
    ...slim.metadata,
    annotations: {
      ...slim.metadata?.annotations,
      "routeboard.dev/source": name.includes("gateway") ? `sigs.k8s.io/gateway-api@${GATEWAY_API_VERSION}` : KNATIVE_SERVING_MODULE,
    },
  };
  writeFileSync(join(OUT, `${name}.json`), JSON.stringify(slim) + "\n");
  console.log(`crds/${name}.json`);
}
