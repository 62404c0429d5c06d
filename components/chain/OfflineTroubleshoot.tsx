"use client";
import { useMemo, useState } from "react";
import { indexObjects, resolveChain, type ChainRoot } from "@/lib/chain";
import { predictFor } from "@/lib/chain";
import { chainGatewayFrom, chainIstioFrom } from "@/lib/knative";
import { knativeSettingsFromObjects } from "@/lib/knative";
import { parseManifests, type ParseResult } from "@/lib/yaml";
import { Notice } from "@/components/ui/Notice";
import { ChainList } from "./ChainList";
import { ChainView } from "./ChainView";
import { KIND_LABEL } from "./health";

// Knative's own ConfigMaps go along (by name, nothing else of knative-serving), as a second document.
const COMMAND =
  "(kubectl get ksvc,configurations,revisions,routes.serving.knative.dev,ingresses.networking.internal.knative.dev,httproutes,gateways,gatewayclasses,referencegrants,services,namespaces -A -o yaml; echo ---; kubectl get configmaps -n knative-serving config-network config-domain config-features config-gateway --ignore-not-found -o yaml) > chain.yaml";

/** The same overview and chains over a dump file, parsed in the browser: nothing is sent anywhere. */
export function OfflineTroubleshoot() {
  const [text, setText] = useState("");
  const [parsed, setParsed] = useState<ParseResult | undefined>(undefined);
  const [fileName, setFileName] = useState<string | undefined>(undefined);
  const [root, setRoot] = useState<ChainRoot | undefined>(undefined);
  const [query, setQuery] = useState("");
  const objects = useMemo(() => parsed?.objects.map((p) => p.object), [parsed]);
  const index = useMemo(() => (objects ? indexObjects(objects) : undefined), [objects]);
  // The dump's own config-gateway and config-istio, when it holds them; otherwise nothing is assumed about them.
  const options = useMemo(() => {
    const holds = (name: string) => objects?.some((o) => o.kind === "ConfigMap" && o.metadata.name === name) ?? false;
    const settings = objects && (holds("config-gateway") || holds("config-istio")) ? knativeSettingsFromObjects(objects) : undefined;
    const gateway = holds("config-gateway") ? chainGatewayFrom(settings) : undefined;
    const istio = holds("config-istio") ? chainIstioFrom(settings) : undefined;
    return { ...(gateway && { gateway }), ...(istio && { istio }), ...(index && { prediction: predictFor(index) }) };
  }, [objects, index]);
  const chain = useMemo(() => (index && root ? resolveChain(index, root, options) : undefined), [index, root, options]);

  const load = (t: string, name?: string) => {
    setText(t);
    setFileName(name);
    setRoot(undefined);
    setParsed(parseManifests(t));
  };

  return (
    <section aria-labelledby="offline-title" className="space-y-4">
      <div>
        <h1 id="offline-title" className="text-2xl font-semibold">
          Troubleshoot offline
        </h1>
        <p className="text-sm text-slate-600">
          For support cases where the cluster cannot be reached from here: paste or upload the output of the command below. It is read in this browser tab only;
          nothing is sent to Routeboard&apos;s server or to any cluster.
        </p>
        <pre tabIndex={0} aria-label="The kubectl command" className="mt-2 overflow-x-auto rounded bg-slate-100 px-3 py-2 text-xs">
          {COMMAND}
        </pre>
      </div>

      {!parsed || (parsed.objects.length === 0 && parsed.errors.length > 0) || !index ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            load(text, fileName);
          }}
        >
          <div className="flex items-center gap-3">
            <label htmlFor="dump-file" className="text-sm font-medium">
              Upload a file
            </label>
            <input
              id="dump-file"
              type="file"
              accept=".yaml,.yml,.json,text/yaml,application/json"
              className="text-sm"
              onChange={async (e) => {
                const f = e.target.files?.[0];
                if (f) load(await f.text(), f.name);
              }}
            />
          </div>
          <label htmlFor="dump-text" className="block text-sm font-medium">
            or paste it
          </label>
          <textarea
            id="dump-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={10}
            spellCheck={false}
            className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-200"
            placeholder={"apiVersion: v1\nkind: List\nitems:\n- apiVersion: serving.knative.dev/v1\n  kind: Service\n  ..."}
          />
          <button type="submit" disabled={!text.trim()} className="rounded bg-sky-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-50">
            Diagnose
          </button>
          {parsed && parsed.errors.length > 0 && <ParseErrors parsed={parsed} />}
        </form>
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <span>
              Read {parsed.objects.length} objects{fileName ? ` from ${fileName}` : ""}.
            </span>
            <button type="button" className="text-sky-700 hover:underline" onClick={() => setParsed(undefined)}>
              Load another dump
            </button>
          </div>
          {parsed.errors.length > 0 && <ParseErrors parsed={parsed} />}
          {chain && root ? (
            <div className="space-y-3">
              <button type="button" className="text-sm text-sky-700 hover:underline" onClick={() => setRoot(undefined)}>
                ← All chains in the dump
              </button>
              <h2 className="text-xl font-semibold">
                {KIND_LABEL[root.kind]} {root.namespace}/{root.name}
              </h2>
              <ChainView chain={chain} />
            </div>
          ) : (
            <ChainList
              index={index}
              options={options}
              query={query}
              setQuery={setQuery}
              open={(r) => ({ onClick: () => setRoot(r.root) })}
              emptyText="The dump holds no Knative Services or HTTPRoutes: include ksvc and httproutes in the kubectl get command."
            />
          )}
        </>
      )}
    </section>
  );
}

function ParseErrors({ parsed }: { parsed: ParseResult }) {
  return (
    <Notice
      tone={parsed.objects.length > 0 ? "warn" : "error"}
      title={
        parsed.objects.length > 0 ? `Some of the file could not be read (${parsed.errors.length} problems); the rest is shown` : "The file could not be read"
      }
    >
      <ul className="list-inside list-disc">
        {parsed.errors.slice(0, 10).map((e) => (
          <li key={`${e.line}:${e.column}:${e.message}`}>
            line {e.line}, column {e.column}: {e.message}
          </li>
        ))}
      </ul>
    </Notice>
  );
}
