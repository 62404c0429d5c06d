"use client";
import { useState } from "react";
import { Notice } from "@/components/ui/Notice";

/** The login page: paste a token, or go to the OpenID provider. Drafts in this browser stay. */
export function LoginView(props: { mode: "token" | "oidc"; next: string; error?: string; expired: boolean; issuer?: string }) {
  const [token, setToken] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState(props.error);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const res = await fetch("/api/auth/token", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ token }) });
      const body = (await res.json().catch(() => ({ ok: false, message: `Routeboard answered HTTP ${res.status}` }))) as { ok: boolean; message?: string };
      if (body.ok) return window.location.assign(props.next);
      setError(body.message ?? "The token was refused.");
    } catch {
      setError("Routeboard's server did not answer; try again.");
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="login-title" className="mx-auto max-w-xl space-y-4">
      <h1 id="login-title" className="text-2xl font-semibold">
        Log in to Routeboard
      </h1>
      <p className="text-sm text-slate-600">Routeboard acts on the cluster as you: what you see and may change is what your Kubernetes rights allow.</p>
      {props.expired && (
        <Notice tone="warn" title="Your session has ended">
          Log in again; unsaved edits in this browser are kept.
        </Notice>
      )}
      {error && (
        <Notice tone="error" title="Not logged in">
          {error}
        </Notice>
      )}
      {props.mode === "oidc" ? (
        <a
          href={`/api/auth/oidc/start?next=${encodeURIComponent(props.next)}`}
          className="inline-block rounded bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800"
          data-oidc-login
        >
          Log in with {props.issuer ? new URL(props.issuer).host : "your provider"}
        </a>
      ) : (
        <form onSubmit={(e) => void submit(e)} className="space-y-2">
          <label htmlFor="token" className="block text-sm font-medium">
            Kubernetes bearer token
          </label>
          <textarea
            id="token"
            value={token}
            onChange={(e) => setToken(e.target.value)}
            rows={4}
            required
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded border border-slate-300 p-2 font-mono text-xs"
            placeholder="e.g. the output of kubectl create token <service-account>"
          />
          <button type="submit" disabled={busy || !token.trim()} className="rounded bg-sky-700 px-4 py-1.5 font-medium text-white disabled:opacity-50">
            {busy ? "Checking…" : "Log in"}
          </button>
        </form>
      )}
    </section>
  );
}
