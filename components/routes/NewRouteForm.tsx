"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { draftKey, encodeDraft } from "@/lib/canvas";
import { newRoute } from "@/lib/canvas";
import { useClusterContext } from "@/lib/query";
import { useLiveKinds } from "@/lib/query";
import { useWritableNamespaces } from "@/lib/query";
import { Notice } from "@/components/ui/Notice";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const field = "mt-1 block w-full rounded border border-slate-300 px-2 py-1";

/** Names the new route; the canvas then builds it (kept as a draft until applied). */
export function NewRouteForm() {
  const context = useClusterContext();
  const router = useRouter();
  const { snapshots } = useLiveKinds(["Gateway"]);
  const gateways = (snapshots[0]?.items ?? []).map((g) => `${g.metadata.namespace}/${g.metadata.name}`).sort();
  // Offered: the namespaces the API server says this user may create HTTPRoutes in.
  const writable = useWritableNamespaces("HTTPRoute");
  const listed = writable.value?.listed === true;
  const allowed = (writable.value?.namespaces ?? []).filter((n) => n.allowed).map((n) => n.name);
  const refused = (writable.value?.namespaces ?? []).filter((n) => !n.allowed);
  const [typed, setNs] = useState<string | undefined>(undefined);
  const ns = typed ?? (listed ? (allowed.includes("default") ? "default" : (allowed[0] ?? "")) : "default");
  const nowhere = listed && allowed.length === 0;
  const [name, setName] = useState("");
  const [host, setHost] = useState("");
  const [gateway, setGateway] = useState("");
  const [error, setError] = useState("");

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!DNS_LABEL.test(ns)) return setError("The namespace must be a DNS label: lower-case letters, digits and '-'.");
    if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) return setError("The name must be lower-case letters, digits, '-' and '.'.");
    const [gwNs, gwName] = gateway.split("/");
    const route = newRoute(ns, name, host.trim(), gwNs && gwName ? { namespace: gwNs, name: gwName } : undefined);
    window.localStorage.setItem(draftKey(context, ns, name), encodeDraft(route, ""));
    router.push(`/routes/${encodeURIComponent(ns)}/${encodeURIComponent(name)}`);
  };

  return (
    <form onSubmit={submit} className="max-w-md space-y-3 text-sm" aria-labelledby="new-title">
      <h1 id="new-title" className="text-2xl font-semibold">
        New HTTPRoute
      </h1>
      {listed ? (
        <label className="block">
          Namespace
          <select className={field} value={ns} onChange={(e) => setNs(e.target.value)} disabled={nowhere} required>
            {allowed.map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
          <span className="mt-1 block text-xs text-slate-600" data-namespaces-offered>
            {refused.length === 0
              ? "Every namespace: you may create HTTPRoutes in all of them."
              : `The ${allowed.length} of ${allowed.length + refused.length} namespaces where you may create HTTPRoutes.`}
          </span>
        </label>
      ) : (
        <label className="block">
          Namespace
          <input className={field} value={ns} onChange={(e) => setNs(e.target.value)} required disabled={!writable.value && !writable.error} />
          <span className="mt-1 block text-xs text-slate-600">
            {writable.value || writable.error
              ? "Namespaces cannot be listed with your credentials: type one; the dry-run says whether you may write there."
              : "Checking where you may create HTTPRoutes…"}
          </span>
        </label>
      )}
      {nowhere && (
        <Notice tone="warn" title="You may not create HTTPRoutes in any namespace">
          The API server says so for your credentials{refused[0]?.reason ? ` (${refused[0].reason})` : ""}. Ask for a Role that allows creating
          httproutes.gateway.networking.k8s.io.
        </Notice>
      )}
      <label className="block">
        Name
        <input className={field} value={name} onChange={(e) => setName(e.target.value)} required placeholder="example-com" />
      </label>
      <label className="block">
        Hostname (optional)
        <input className={field} value={host} onChange={(e) => setHost(e.target.value)} placeholder="example.com" />
      </label>
      <label className="block">
        Gateway (optional)
        <select className={field} value={gateway} onChange={(e) => setGateway(e.target.value)}>
          <option value="">none yet</option>
          {gateways.map((g) => (
            <option key={g}>{g}</option>
          ))}
        </select>
      </label>
      {error && (
        <p role="alert" className="text-red-800">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={nowhere || (!writable.value && !writable.error)}
        className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white disabled:bg-slate-300"
      >
        Open on the canvas
      </button>
    </form>
  );
}
