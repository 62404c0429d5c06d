import { execFile } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { ensureBinaries } from "./binaries.ts";
import { cacheDir } from "./cache.ts";
import { gatewayApiCrdFiles, istioCrdFiles, knativeCrdFiles } from "./crds.ts";
import { testKubeconfig, TEST_USERS, type TestUser } from "./kubeconfig.ts";
import { freePort } from "./ports.ts";
import { isAlive, killNow, startLogged, stopPid } from "./processes.ts";
import { ClusterStepError, waitFor } from "./steps.ts";

const run = promisify(execFile);

/** What a running test cluster leaves on disk, so another process (a test worker) can act on it. */
export interface ClusterState {
  dir: string;
  kubeconfig: string;
  server: string;
  etcdPid: number;
  apiserverPid: number;
  apiserverBin: string;
  apiserverArgs: string[];
  tokens: Record<TestUser, string>;
}

const stateFile = (dir: string) => join(dir, "state.json");
const logFile = (dir: string, name: string) => join(dir, `${name}.log`);

export function readState(dir: string): ClusterState {
  return JSON.parse(readFileSync(stateFile(dir), "utf8")) as ClusterState;
}

function writeState(s: ClusterState): void {
  writeFileSync(stateFile(s.dir), JSON.stringify(s, null, 2));
}

/** kubectl as an independent witness, as a given test user. */
export async function kubectl(s: Pick<ClusterState, "kubeconfig">, args: string[], user: TestUser = "admin") {
  const { stdout } = await run("kubectl", ["--kubeconfig", s.kubeconfig, "--context", user, ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

async function readyz(s: Pick<ClusterState, "kubeconfig">): Promise<boolean> {
  const out = await kubectl(s, ["get", "--raw", "/readyz", "--request-timeout=2s"]);
  return out.trim() === "ok";
}

/** Keeps the logs of a failed run where the message says they are, then removes the rest. */
function keepLog(dir: string, name: string): string {
  const keep = join(cacheDir(), "logs", `${name}-${Date.now()}.log`);
  mkdirSync(join(cacheDir(), "logs"), { recursive: true });
  if (existsSync(logFile(dir, name))) cpSync(logFile(dir, name), keep);
  return keep;
}

export async function startApiServer(dir: string): Promise<void> {
  const s = readState(dir);
  if (isAlive(s.apiserverPid)) return;
  s.apiserverPid = startLogged(s.apiserverBin, s.apiserverArgs, logFile(dir, "kube-apiserver"));
  writeState(s);
  if (!(await waitFor(() => readyz(s), 90_000, 250))) {
    throw new ClusterStepError("kube-apiserver /readyz", keepLog(dir, "kube-apiserver"), "not ready in 90 s");
  }
}

export async function stopApiServer(dir: string): Promise<void> {
  await stopPid(readState(dir).apiserverPid);
}

export async function stopCluster(dir: string): Promise<void> {
  if (!existsSync(stateFile(dir))) {
    rmSync(dir, { recursive: true, force: true });
    return;
  }
  const s = readState(dir);
  await stopPid(s.apiserverPid);
  await stopPid(s.etcdPid);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts etcd and kube-apiserver on free loopback ports, installs the Gateway API and Knative
 * CRDs and the test users' RBAC, and writes a kubeconfig with one context per user.
 */
export interface ClusterOptions {
  /** An AuthenticationConfiguration (YAML) for --authentication-config: e.g. a test OpenID provider. */
  authenticationConfig?: string;
}

export async function startCluster(opts: ClusterOptions = {}): Promise<ClusterState> {
  const bins = ensureBinaries();
  const dir = mkdtempSync(join(tmpdir(), "routeboard-cluster-"));
  const pids: number[] = [];
  const onExit = () => pids.forEach(killNow);
  process.once("exit", onExit);
  try {
    const [etcdPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const etcdPid = startLogged(
      bins.etcd,
      [
        `--data-dir=${join(dir, "etcd")}`,
        `--listen-client-urls=http://127.0.0.1:${etcdPort}`,
        `--advertise-client-urls=http://127.0.0.1:${etcdPort}`,
        `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
        `--initial-cluster=default=http://127.0.0.1:${peerPort}`,
        "--unsafe-no-fsync",
        "--log-level=warn",
      ],
      logFile(dir, "etcd"),
    );
    pids.push(etcdPid);
    const etcdUp = await waitFor(() => fetch(`http://127.0.0.1:${etcdPort}/health`).then((r) => r.ok), 30_000);
    if (!etcdUp) throw new ClusterStepError("etcd /health", keepLog(dir, "etcd"), "not healthy in 30 s");

    const tokens = Object.fromEntries(TEST_USERS.map((u) => [u, randomBytes(16).toString("hex")])) as Record<TestUser, string>;
    writeFileSync(
      join(dir, "tokens.csv"),
      `${tokens.admin},admin,uid-admin,"system:masters"\n${tokens.viewer},viewer,uid-viewer\n${tokens.editor},editor,uid-editor\n`,
    );
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    writeFileSync(join(dir, "sa.key"), privateKey.export({ type: "pkcs1", format: "pem" }));
    const server = `https://127.0.0.1:${apiPort}`;
    const apiserverArgs = [
      `--etcd-servers=http://127.0.0.1:${etcdPort}`,
      "--bind-address=127.0.0.1",
      "--advertise-address=127.0.0.1",
      `--secure-port=${apiPort}`,
      `--cert-dir=${join(dir, "pki")}`,
      "--service-cluster-ip-range=10.96.0.0/16",
      `--service-account-issuer=${server}`,
      `--service-account-key-file=${join(dir, "sa.key")}`,
      `--service-account-signing-key-file=${join(dir, "sa.key")}`,
      "--authorization-mode=RBAC",
      `--token-auth-file=${join(dir, "tokens.csv")}`,
      "--disable-admission-plugins=ServiceAccount",
      "--allow-privileged=true",
      "--v=0",
    ];
    if (opts.authenticationConfig) {
      writeFileSync(join(dir, "authentication.yaml"), opts.authenticationConfig);
      apiserverArgs.push(`--authentication-config=${join(dir, "authentication.yaml")}`);
    }
    const kubeconfig = join(dir, "kubeconfig");
    const state: ClusterState = {
      dir,
      kubeconfig,
      server,
      etcdPid,
      apiserverPid: -1,
      apiserverBin: bins.kubeApiserver,
      apiserverArgs,
      tokens,
    };
    writeState(state);
    state.apiserverPid = startLogged(bins.kubeApiserver, apiserverArgs, logFile(dir, "kube-apiserver"));
    pids.push(state.apiserverPid);
    writeState(state);

    const certFile = join(dir, "pki", "apiserver.crt");
    if (!(await waitFor(async () => existsSync(certFile), 60_000))) {
      throw new ClusterStepError("kube-apiserver certificates", keepLog(dir, "kube-apiserver"), "none written in 60 s");
    }
    writeFileSync(kubeconfig, testKubeconfig(server, readFileSync(certFile, "utf8"), tokens));
    if (!(await waitFor(() => readyz(state), 90_000, 250))) {
      throw new ClusterStepError("kube-apiserver /readyz", keepLog(dir, "kube-apiserver"), "not ready in 90 s");
    }

    await install(state, dir);
    process.removeListener("exit", onExit);
    // A test runner that dies without teardown must still not leave servers behind.
    process.once("exit", () => {
      const s = existsSync(stateFile(dir)) ? readState(dir) : undefined;
      if (s) [s.apiserverPid, s.etcdPid].forEach(killNow);
      rmSync(dir, { recursive: true, force: true });
    });
    return state;
  } catch (err) {
    pids.forEach(killNow);
    process.removeListener("exit", onExit);
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function install(state: ClusterState, dir: string): Promise<void> {
  const step = async (name: string, args: string[]) => {
    try {
      await kubectl(state, args);
    } catch (e) {
      const log = join(dir, `${name.replace(/\W+/g, "-")}.log`);
      writeFileSync(log, String((e as { stderr?: string }).stderr ?? e));
      throw new ClusterStepError(name, keepLog(dir, name.replace(/\W+/g, "-")), "kubectl failed");
    }
  };
  let files: string[];
  try {
    files = [...gatewayApiCrdFiles(), ...knativeCrdFiles(), ...istioCrdFiles()];
  } catch (e) {
    writeFileSync(join(dir, "crds.log"), String(e));
    throw new ClusterStepError("fetch CRDs from Go modules", keepLog(dir, "crds"), String(e).split("\n")[0] ?? "");
  }
  await step("install CRDs", ["apply", "--server-side", ...files.flatMap((f) => ["-f", f])]);
  await step("wait for CRDs", ["wait", "--for=condition=Established", "--timeout=60s", "crd", "--all"]);
  await step("install RBAC", ["apply", "--server-side", "-f", join(import.meta.dirname, "rbac.yaml")]);
}
