"use client";
import Link from "next/link";
import type { KeyboardEvent } from "react";
import type { ResultView } from "@/lib/canvas";
import { encodeRequest, METHODS } from "@/lib/canvas";
import type { RequestTester as Tester } from "./useRequestTester";

const TONE = {
  ok: { box: "border-emerald-300 bg-emerald-50", code: "bg-emerald-600 text-white" },
  redirect: { box: "border-sky-300 bg-sky-50", code: "bg-sky-600 text-white" },
  error: { box: "border-red-300 bg-red-50", code: "bg-red-600 text-white" },
} as const;

const FIELD = "rounded border border-slate-300 bg-white px-1 py-0.5 font-mono aria-[invalid=true]:border-red-500";

function Answer({ view, tester, onCanvas, self }: { view: ResultView; tester: Tester; onCanvas: boolean; self?: string }) {
  const tone = TONE[view.tone];
  const asked = tester.asked ? encodeRequest(tester.asked) : "";
  return (
    <div className={`mt-2 rounded-md border p-2 ${tone.box}`} data-tester-status={view.status} data-tester-outcome={view.outcome}>
      <p className="mb-1">
        <span className={`rounded px-1.5 py-0.5 font-mono text-[11px] font-semibold ${tone.code}`} data-tester-code>
          {view.code}
        </span>
      </p>
      {view.details.length > 0 && (
        <dl className="grid grid-cols-[max-content_1fr] gap-x-2 gap-y-0.5 text-[11px]">
          {view.details.map((d) => (
            <div key={d.label} className="contents">
              <dt className="text-slate-600">{d.label}</dt>
              <dd className="break-all font-mono" data-tester-detail={d.label}>
                {d.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {view.backends.length > 0 && (
        <table className="mt-1 w-full text-left text-[11px]" data-tester-backends>
          <caption className="sr-only">Backends of the rule that serves the request</caption>
          <thead className="text-slate-600">
            <tr>
              <th scope="col">Backend</th>
              <th scope="col" className="text-right">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {view.backends.map((b) => (
              <tr
                key={b.key}
                className={`border-t border-slate-200 align-top ${b.served ? "" : "text-slate-500"}`}
                data-tester-backend={b.name}
                data-served={b.served}
              >
                <td className="break-all pr-1 font-mono">
                  {b.name}
                  {b.note && <span className="block font-sans text-red-800">{b.note}</span>}
                </td>
                <td className="text-right tabular-nums font-semibold">{b.share}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.route && (
        <p className="mt-1 text-[11px] text-slate-700">
          {onCanvas ? "Highlighted on the canvas. " : "That route is not on this canvas. "}
          {/* The editor opens with the same request asked: its draft can then be tried against it. */}
          {self !== `${view.route.namespace}/${view.route.name}` && (
            <Link
              className="text-sky-800 underline"
              href={`/routes/${view.route.namespace}/${view.route.name}${asked ? `?req=${encodeURIComponent(asked)}` : ""}`}
            >
              open {view.route.namespace}/{view.route.name}
            </Link>
          )}
        </p>
      )}
      {view.warnings.length > 0 && (
        <ul className="mt-1 list-disc pl-4 text-[11px] text-amber-900" aria-label="Where Gateways may differ">
          {view.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * Which rule of which route serves a request, and the backends that get it, or the status code
 * when none does: computed in the browser over the same objects the canvas shows.
 */
export function RequestTester({
  tester,
  draft = false,
  self,
}: {
  tester: Tester;
  /** The answer uses unsaved edits. */ draft?: boolean;
  /** "namespace/name" of the route being edited: no link to itself. */ self?: string;
}) {
  const { typed, setTyped, parsed, view } = tester;
  const error = parsed && !parsed.ok ? parsed : undefined;
  const submitOnCtrlEnter = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    // Enter in a textarea is a new line; Ctrl+Enter runs the form, as in most editors.
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.form?.requestSubmit();
    }
  };
  return (
    <section aria-labelledby="tester-title" className="text-xs" data-request-tester>
      <h2 id="tester-title" className="mb-1 text-sm font-semibold">
        Test a request
      </h2>
      <form
        className="flex flex-col gap-1"
        onSubmit={(e) => {
          e.preventDefault();
          tester.run();
        }}
      >
        <div className="flex gap-1">
          <select className={`${FIELD} py-0.5`} aria-label="Method" value={typed.method} onChange={(e) => setTyped({ ...typed, method: e.target.value })}>
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
          <input
            className={`${FIELD} min-w-0 flex-1`}
            type="text"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            aria-label="URL"
            placeholder="https://shop.example.com/api?x=1"
            aria-invalid={error?.field === "url"}
            aria-describedby={error ? "tester-error" : undefined}
            value={typed.url}
            onChange={(e) => setTyped({ ...typed, url: e.target.value })}
          />
        </div>
        <label htmlFor="tester-headers" className="text-slate-600">
          Headers, one per line (Name: value)
        </label>
        <textarea
          id="tester-headers"
          className={`${FIELD} resize-y`}
          rows={2}
          spellCheck={false}
          placeholder="X-Canary: true"
          aria-invalid={error?.field === "headers"}
          value={typed.headers}
          onChange={(e) => setTyped({ ...typed, headers: e.target.value })}
          onKeyDown={submitOnCtrlEnter}
        />
        {error && (
          <p id="tester-error" className="text-red-800" role="alert">
            {error.error}
          </p>
        )}
        <div className="flex items-center gap-2">
          <button type="submit" className="rounded bg-sky-700 px-3 py-0.5 font-medium text-white hover:bg-sky-800">
            Test
          </button>
          <span className="text-[11px] text-slate-500">Enter in the URL, Ctrl+Enter in the headers</span>
          {parsed && (
            <button type="button" className="ml-auto text-[11px] text-sky-800 underline" onClick={tester.clear} aria-label="Clear the tested request">
              Clear
            </button>
          )}
        </div>
      </form>
      {/* Only the sentence is announced: it is the whole answer; the rows below repeat its parts. */}
      <p role="status" aria-live="polite" aria-atomic="true" className="mt-2 break-words font-medium" data-tester-headline>
        {parsed?.ok && tester.objects.loading ? "Waiting for the cluster's objects…" : (view?.headline ?? "")}
      </p>
      {view && <Answer view={view} tester={tester} onCanvas={tester.tested.size > 0} {...(self !== undefined && { self })} />}
      {view && draft && <p className="mt-1 text-[11px] text-slate-600">Answered with your unsaved edits.</p>}
      {view && tester.objects.notes.length > 0 && <p className="mt-1 text-[11px] text-amber-900">{tester.objects.notes.join(" ")}</p>}
    </section>
  );
}
