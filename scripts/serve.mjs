// `npm start`: builds Routeboard when needed and serves it on 127.0.0.1 (PORT, default 3000).
// `npm start -- --workspace DIR` (or ROUTEBOARD_WORKSPACE=DIR) serves a folder of manifests, or a
// `kubectl get -o yaml` dump file, instead of a cluster; with no reachable kubeconfig context
// Routeboard serves the examples/ workspace on its own.
// Binding elsewhere (ROUTEBOARD_HOST) needs a login (ROUTEBOARD_AUTH=token or oidc): with the
// default kubeconfig login, Routeboard acts with the kubeconfig's credentials.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { isIP } from "node:net";
import { resolve } from "node:path";

/** `--workspace DIR`, `--workspace=DIR`, or a bare `--workspace` (the examples). */
function workspaceArg(argv) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith("--workspace=")) return a.slice("--workspace=".length) || "examples";
    if (a === "--workspace") return argv[i + 1] && !argv[i + 1].startsWith("--") ? argv[i + 1] : "examples";
  }
  return undefined;
}

// npm runs scripts from the package folder; a relative DIR means relative to where the user typed it.
const asked = workspaceArg(process.argv.slice(2)) ?? (process.env.ROUTEBOARD_WORKSPACE?.trim() || undefined);
if (asked) {
  const dir = asked === "examples" ? resolve(import.meta.dirname, "..", "examples") : resolve(process.env.INIT_CWD ?? process.cwd(), asked);
  if (!existsSync(dir)) {
    console.error(`routeboard: the workspace ${dir} does not exist. Pass a folder of manifests or a kubectl dump file.`);
    process.exit(1);
  }
  process.env.ROUTEBOARD_WORKSPACE = dir;
  console.log(`routeboard: serving the workspace ${dir}`);
}

// The Kubernetes client's undici crashes on Node < 22.19 with an obscure TypeError; `npm start`
// puts the project's Node 24 first on PATH, a bare `node scripts/serve.mjs` may not.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 19)) {
  console.error(`routeboard: Node ${process.versions.node} is too old (needs 24). Run it as \`npm start\`, which uses the project's Node 24.`);
  process.exit(1);
}

const host = process.env.ROUTEBOARD_HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const loopback = host === "localhost" || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));
const auth = process.env.ROUTEBOARD_AUTH?.trim() || "kubeconfig";
if (!["kubeconfig", "token", "oidc"].includes(auth)) {
  console.error(`routeboard: ROUTEBOARD_AUTH must be kubeconfig, token or oidc, not "${auth}".`);
  process.exit(1);
}
// Off loopback only with a login: with kubeconfig login, anyone who reaches the port would act
// with the kubeconfig's credentials.
if (!loopback && auth === "kubeconfig") {
  console.error(
    `routeboard: refusing to listen on ${host}: with kubeconfig login (the default) Routeboard acts with your kubeconfig's credentials for whoever reaches it. Use 127.0.0.1 (the default) and an SSH tunnel or port-forward, or turn on a login: ROUTEBOARD_AUTH=token or ROUTEBOARD_AUTH=oidc.`,
  );
  process.exit(1);
}

const next = "node_modules/next/dist/bin/next";
// Always build: a dashboard that serves yesterday's code after a pull is a trap. Tests that
// start the server many times build once and set ROUTEBOARD_SKIP_BUILD=1.
if (process.env.ROUTEBOARD_SKIP_BUILD !== "1") {
  // Imported only to build: a runtime image has no build tools (esbuild is a devDependency).
  const { buildAll } = await import("./build.mjs");
  const status = await buildAll();
  if (status !== 0) process.exit(status);
}
// The proxy (proxy.ts) accepts only requests addressed to this host and port: it reads them here.
const child = spawn(process.execPath, [next, "start", "--hostname", host, "--port", port], {
  stdio: "inherit",
  env: { ...process.env, PORT: port, ROUTEBOARD_HOST: host },
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => {
    child.kill(sig);
    // A server that does not stop within 10 s is stopped for good.
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  });
}
child.on("exit", (code) => process.exit(code ?? 0));
