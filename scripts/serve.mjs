// `npm start`: builds Routeboard when needed and serves it on 127.0.0.1 (PORT, default 3000).
// Binding elsewhere (HOSTNAME) is refused: Routeboard acts with the kubeconfig's credentials
// and has no login of its own yet, so it must not be reachable from other machines.
import { spawnSync, spawn } from "node:child_process";
import { isIP } from "node:net";

const host = process.env.ROUTEBOARD_HOST ?? "127.0.0.1";
const port = process.env.PORT ?? "3000";
const loopback = host === "localhost" || host === "::1" || (isIP(host) === 4 && host.startsWith("127."));
if (!loopback) {
  console.error(
    `routeboard: refusing to listen on ${host}: Routeboard uses your kubeconfig credentials and has no authentication of its own. Use 127.0.0.1 (the default) and an SSH tunnel or port-forward to reach it.`,
  );
  process.exit(1);
}

const next = "node_modules/next/dist/bin/next";
// Always build: a dashboard that serves yesterday's code after a pull is a trap. Tests that
// start the server many times build once and set ROUTEBOARD_SKIP_BUILD=1.
if (process.env.ROUTEBOARD_SKIP_BUILD !== "1") {
  const b = spawnSync(process.execPath, [next, "build"], { stdio: "inherit" });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const child = spawn(process.execPath, [next, "start", "--hostname", host, "--port", port], { stdio: "inherit" });
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
