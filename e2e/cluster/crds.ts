import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { cacheDir } from "./cache.ts";

// The CRDs come from the projects' own Go modules, fetched through the module proxy.
export const GATEWAY_API_VERSION = process.env.ROUTEBOARD_GATEWAY_API_VERSION ?? "v1.6.3";
export const KNATIVE_SERVING_MODULE = "knative.dev/serving@v0.51.0";
// knative.dev/networking (home of the KIngress CRD) is not served by the proxy; the Knative
// operator module carries released serving manifests, KIngress CRD included.
export const KNATIVE_OPERATOR_MODULE = "knative.dev/operator@v0.42.2";
const KNATIVE_OPERATOR_SERVING_RELEASE = "1.15.2";
// Istio's API module carries its CRDs (kubernetes/customresourcedefinitions.gen.yaml); net-istio
// writes networking.istio.io/v1beta1, which this release still serves.
export const ISTIO_API_MODULE = "istio.io/api@v1.32.0";
const ISTIO_CRDS = ["virtualservices.networking.istio.io", "gateways.networking.istio.io", "destinationrules.networking.istio.io"];

function moduleDir(modAtVersion: string): string {
  const out = execFileSync("go", ["mod", "download", "-json", modAtVersion], {
    cwd: tmpdir(),
    encoding: "utf8",
    env: { ...process.env, GOFLAGS: "-mod=mod" },
  });
  const info = JSON.parse(out) as { Dir?: string; Error?: string };
  if (!info.Dir) throw new Error(`go mod download ${modAtVersion}: ${info.Error ?? "no folder"}`);
  return info.Dir;
}

/** The Gateway API standard-channel CRD files of one release. */
export function gatewayApiCrdFiles(version = GATEWAY_API_VERSION): string[] {
  const dir = join(moduleDir(`sigs.k8s.io/gateway-api@${version}`), "config", "crd", "standard");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml") && f.startsWith("gateway.networking.k8s.io_"))
    .map((f) => join(dir, f));
}

/** Knative Serving's Service, Configuration, Revision, Route CRDs, and the KIngress CRD. */
export function knativeCrdFiles(): string[] {
  const serving = join(moduleDir(KNATIVE_SERVING_MODULE), "config", "core", "300-resources");
  const files = ["service.yaml", "configuration.yaml", "revision.yaml", "route.yaml"].map((f) => join(serving, f));
  const out = join(cacheDir(), "crds", `kingress-${KNATIVE_OPERATOR_SERVING_RELEASE}.yaml`);
  if (!existsSync(out)) {
    const src = join(moduleDir(KNATIVE_OPERATOR_MODULE), "cmd/operator/kodata/knative-serving", KNATIVE_OPERATOR_SERVING_RELEASE, "1-serving-crds.yaml");
    const doc = parseAllDocuments(readFileSync(src, "utf8")).find((d) => d.getIn(["metadata", "name"]) === "ingresses.networking.internal.knative.dev");
    if (!doc) throw new Error(`no KIngress CRD in ${src}`);
    mkdirSync(join(cacheDir(), "crds"), { recursive: true });
    writeFileSync(out, doc.toString());
  }
  files.push(out);
  return files;
}

/** Istio's VirtualService, Gateway and DestinationRule CRDs (what net-istio's chain reads), one file. */
export function istioCrdFiles(): string[] {
  const version = ISTIO_API_MODULE.split("@")[1] ?? "";
  const out = join(cacheDir(), "crds", `istio-networking-${version}.yaml`);
  if (!existsSync(out)) {
    const src = join(moduleDir(ISTIO_API_MODULE), "kubernetes", "customresourcedefinitions.gen.yaml");
    const docs = parseAllDocuments(readFileSync(src, "utf8")).filter((d) => ISTIO_CRDS.includes(String(d.getIn(["metadata", "name"]))));
    if (docs.length !== ISTIO_CRDS.length) throw new Error(`${src}: found ${docs.length} of the CRDs ${ISTIO_CRDS.join(", ")}`);
    mkdirSync(join(cacheDir(), "crds"), { recursive: true });
    writeFileSync(out, docs.map((d) => d.toString()).join("---\n"));
  }
  return [out];
}
