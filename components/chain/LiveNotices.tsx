"use client";
import { Notice } from "@/components/ui/Notice";
import type { LiveObjects } from "./useLiveObjects";

const WHAT: Record<string, string> = {
  "not-installed": "is not installed in this cluster",
  forbidden: "may not be listed with this context's credentials",
};

/** What stops the page from seeing the whole chain, in plain words. */
export function LiveNotices({ live }: { live: LiveObjects }) {
  const partial = live.problems.filter((p) => p.state !== "unreachable");
  return (
    <>
      {live.error && (
        <Notice tone="error" title="Routeboard's server did not answer">
          {live.error.message}
        </Notice>
      )}
      {live.connection === "lost" && (
        <Notice tone="error" title="Lost the connection to Routeboard's server">
          Reconnecting by itself; what you see may be out of date.
        </Notice>
      )}
      {live.unreachable && (
        <Notice tone="error" title="The cluster is unreachable">
          {live.problems.find((p) => p.state === "unreachable")?.message} — retrying by itself; what you see is what was last seen. To diagnose from a dump
          instead, use the offline view.
        </Notice>
      )}
      {partial.length > 0 && (
        <Notice tone="warn" title="Part of the chain cannot be seen">
          <ul className="list-inside list-disc">
            {partial.map((p) => (
              <li key={p.kind}>
                {p.kind} {WHAT[p.state] ?? p.state}
                {p.message ? ` (${p.message})` : ""}: links through it show as missing.
              </li>
            ))}
          </ul>
        </Notice>
      )}
    </>
  );
}
