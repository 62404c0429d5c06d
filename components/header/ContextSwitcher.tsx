"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { switchContext } from "./actions";

export interface ContextOption {
  name: string;
  server: string;
}

export function ContextSwitcher({ contexts, current }: { contexts: ContextOption[]; current: string | undefined }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string>();
  if (contexts.length === 0) return null;
  const server = contexts.find((c) => c.name === current)?.server;
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor="context" className="text-slate-300">
        Context
      </label>
      <select
        id="context"
        className="rounded border border-slate-600 bg-slate-800 px-2 py-1 text-white disabled:opacity-60"
        value={current}
        disabled={pending}
        title={server}
        onChange={(e) => {
          const name = e.target.value;
          start(async () => {
            const r = await switchContext(name);
            if (!r.ok) return setError(r.message);
            setError(undefined);
            qc.clear();
            router.refresh();
          });
        }}
      >
        {contexts.map((c) => (
          <option key={c.name} value={c.name}>
            {c.name}
          </option>
        ))}
      </select>
      {pending && <span className="text-slate-400">switching…</span>}
      {error && (
        <span role="alert" className="text-red-300">
          {error}
        </span>
      )}
    </div>
  );
}
