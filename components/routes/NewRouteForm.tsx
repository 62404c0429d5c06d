"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { draftKey, encodeDraft } from "@/lib/canvas/draft";
import { newRoute } from "@/lib/canvas/manifest";
import { useClusterContext } from "@/lib/query/cluster-context";
import { useLiveKinds } from "@/lib/query/use-live-kinds";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const field = "mt-1 block w-full rounded border border-slate-300 px-2 py-1";

/** Names the new route; the canvas then builds it (kept as a draft until applied). */
export function NewRouteForm() {
  const context = useClusterContext();
  const router = useRouter();
  const { snapshots } = useLiveKinds(["Namespace", "Gateway"]);
  const namespaces = (snapshots[0]?.items ?? []).map((n) => n.metadata.name ?? "").sort();
  const gateways = (snapshots[1]?.items ?? []).map((g) => `${g.metadata.namespace}/${g.metadata.name}`).sort();
  const [ns, setNs] = useState("default");
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
      <h1 id="new-title" className="text-2xl font-semibold">New HTTPRoute</h1>
      <label className="block">Namespace
        <input className={field} list="namespaces" value={ns} onChange={(e) => setNs(e.target.value)} required />
        <datalist id="namespaces">{namespaces.map((n) => <option key={n} value={n} />)}</datalist>
      </label>
      <label className="block">Name
        <input className={field} value={name} onChange={(e) => setName(e.target.value)} required placeholder="example-com" />
      </label>
      <label className="block">Hostname (optional)
        <input className={field} value={host} onChange={(e) => setHost(e.target.value)} placeholder="example.com" />
      </label>
      <label className="block">Gateway (optional)
        <select className={field} value={gateway} onChange={(e) => setGateway(e.target.value)}>
          <option value="">none yet</option>
          {gateways.map((g) => <option key={g}>{g}</option>)}
        </select>
      </label>
      {error && <p role="alert" className="text-red-800">{error}</p>}
      <button type="submit" className="rounded bg-sky-700 px-3 py-1.5 font-medium text-white">Open on the canvas</button>
    </form>
  );
}
