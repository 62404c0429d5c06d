// Runs once when the server starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installShutdown } = await import("@/lib/live/shutdown");
  installShutdown();
  const { authConfig } = await import("@/lib/auth/config");
  // Only the kubeconfig login chooses between cluster and workspace; token and OIDC logins use each user's own store.
  if (authConfig().mode !== "kubeconfig") return;
  const { warmUp } = await import("@/lib/store/registry");
  // Not awaited: the server answers while the store is chosen and the files are read.
  void warmUp().catch((err: unknown) => console.warn(`routeboard: could not prepare the store at start: ${String(err)}`));
}
