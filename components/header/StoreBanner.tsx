import type { StoreBanner as Banner } from "@/lib/store/registry";

/** Always says which store every page reads and writes: a cluster, a workspace folder, or a dump file. */
export function StoreBanner({ banner, user }: { banner: Banner; user?: string }) {
  if (banner.mode === "none") return null;
  if (banner.mode === "cluster") {
    return (
      <p data-testid="store-banner" data-mode="cluster" className="bg-slate-800 px-4 py-1 text-center text-xs text-slate-300">
        Cluster <span className="font-mono text-white">{banner.server}</span> as {user ? "user" : "context"}{" "}
        <span className="font-mono text-white">{user ?? banner.context}</span>
      </p>
    );
  }
  const dump = banner.mode === "dump";
  return (
    <div
      data-testid="store-banner"
      data-mode={banner.mode}
      className={`px-4 py-1 text-center text-xs ${dump ? "bg-violet-950 text-violet-100" : "bg-emerald-950 text-emerald-100"}`}
    >
      <p>
        {dump ? "Read-only dump file" : "Workspace folder"} <span className="font-mono text-white">{banner.path}</span>
        {dump ? " — shown for troubleshooting, never written" : " — applies write these files"}
        {banner.reason && <span className="text-slate-300"> (workspace mode: {banner.reason})</span>}
      </p>
      {banner.problems.length > 0 && (
        <details className="mt-1 text-amber-200">
          <summary role="alert">
            {banner.problems.length} problem{banner.problems.length === 1 ? "" : "s"} in the workspace files (the rest loaded)
          </summary>
          <ul className="mx-auto max-w-4xl text-left font-mono">
            {banner.problems.map((p) => (
              <li key={`${p.file}:${p.line}:${p.column}:${p.message}`}>
                {p.file}:{p.line}:{p.column}: {p.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
