// Issue #15: the Helm chart, checked with Helm itself (built from its Go module, as the control
// plane is) and rendered into the test API server with a server-side dry-run.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { parseAllDocuments } from "yaml";
import { expect, kubectl, test } from "../fixtures";

const run = promisify(execFile);
const CHART = "deploy/helm/routeboard";
const helmBin = () => execFileSync("bash", ["e2e/deploy/build-helm.sh"], { encoding: "utf8" }).trim().split("\n").at(-1) ?? "helm";

async function helm(args: string[]): Promise<{ ok: boolean; out: string }> {
  try {
    const { stdout } = await run(helmBin(), args, { maxBuffer: 16 * 1024 * 1024 });
    return { ok: true, out: stdout };
  } catch (e) {
    return { ok: false, out: `${String((e as { stdout?: string }).stdout ?? "")}${String((e as { stderr?: string }).stderr ?? "")}` };
  }
}

const OIDC = ["--set", "oidc.issuer=https://idp.example.com"];

test("helm lint passes, and the chart refuses what cannot work, in plain words", async () => {
  const lint = await helm(["lint", CHART, ...OIDC]);
  expect(lint.out).toContain("1 chart(s) linted, 0 chart(s) failed");
  for (const [args, message] of [
    [["--set", "auth.mode=kubeconfig"], "auth.mode must be token or oidc"],
    [["--set", "auth.mode=oidc"], "oidc.issuer is required"],
    [[...OIDC, "--set", "replicas=2"], "auth.session.existingSecret is required with more than one replica"],
    [[...OIDC, "--set", "httpRoute.enabled=true"], "httpRoute.parentRefs must name the Gateway"],
  ] as const) {
    const r = await helm(["template", "rb", CHART, ...args]);
    expect(r.ok, args.join(" ")).toBe(false);
    expect(r.out).toContain(message);
  }
});

test("the rendered chart (login, read-only, HTTPRoute and Ingress) passes a server-side dry-run on the API server", async ({ ns }) => {
  const r = await helm([
    "template", "rb", CHART, "--namespace", ns, ...OIDC,
    "--set", "auth.readOnly=true",
    "--set", "auth.session.existingSecret=rb-session",
    "--set", "oidc.clientSecret.existingSecret=rb-oidc",
    "--set", "httpRoute.enabled=true", "--set", "httpRoute.parentRefs[0].name=public", "--set", "httpRoute.parentRefs[0].namespace=gateways",
    "--set", "ingress.enabled=true",
  ]);
  expect(r.ok, r.out).toBe(true);
  const objects = parseAllDocuments(r.out).map((d) => d.toJS() as { kind: string; spec?: Record<string, unknown> }).filter(Boolean);
  expect(objects.map((o) => o.kind).sort()).toEqual(["Deployment", "HTTPRoute", "Ingress", "Service", "ServiceAccount"]);
  const deployment = objects.find((o) => o.kind === "Deployment") as unknown as { spec: { template: { spec: { securityContext: Record<string, unknown>; containers: { securityContext: Record<string, unknown>; env: { name: string; value?: string }[] }[] } } } };
  const pod = deployment.spec.template.spec;
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true });
  expect(pod.containers[0]?.securityContext).toMatchObject({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false });
  expect(pod.containers[0]?.env).toEqual(expect.arrayContaining([{ name: "ROUTEBOARD_AUTH", value: "oidc" }, { name: "ROUTEBOARD_READ_ONLY", value: "1" }]));
  // The API server is the judge: every object is valid as rendered (the HTTPRoute against its CRD).
  const out = await kubectl(["apply", "--dry-run=server", "-n", ns, "-f", "-"], r.out);
  expect(out).toMatch(/deployment.apps\/rb (created|configured) \(server dry run\)/);
  expect(out).toMatch(/httproute.gateway.networking.k8s.io\/rb (created|configured) \(server dry run\)/);
  expect(out).toMatch(/ingress.networking.k8s.io\/rb (created|configured) \(server dry run\)/);
});
