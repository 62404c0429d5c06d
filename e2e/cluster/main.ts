// `npm run cluster`: a real control plane by hand. Prints KUBECONFIG=<path> once ready and runs
// until interrupted; Ctrl-C stops both processes and removes the temporary files.
import { startCluster, stopCluster } from "./cluster.ts";
import { ClusterStepError } from "./steps.ts";

try {
  const s = await startCluster();
  console.log(`KUBECONFIG=${s.kubeconfig}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stopCluster(s.dir);
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  setInterval(() => {}, 1 << 30);
} catch (e) {
  console.error(e instanceof ClusterStepError ? e.message : `test cluster: ${String(e)}`);
  process.exit(1);
}
