"use client";
import type { GatewayEntry } from "@/lib/knative";
import type { KnativeSettings } from "@/lib/knative";

const gw = (g: GatewayEntry | undefined) =>
  g
    ? `${g.namespace}/${g.name} (class ${g.class ?? "?"}${g.supportedFeatures?.length ? `; supports ${g.supportedFeatures.join(", ")}` : "; no declared features"})`
    : "none";

const onOff = (b: boolean) => (b ? "enabled" : "disabled");

/**
 * The Knative configuration the preview follows, each value with where it came from (a key of a
 * ConfigMap in knative-serving, or the default), and what could not be read.
 */
export function KnativeSettingsPanel({ settings, error }: { settings?: KnativeSettings; error?: string }) {
  if (error)
    return (
      <p role="alert" className="text-xs text-amber-800">
        Knative&apos;s configuration could not be read ({error}): the preview assumes Knative&apos;s defaults.
      </p>
    );
  if (!settings) return <p className="text-xs text-slate-500">Reading Knative&apos;s configuration…</p>;
  const { config, sources, domainSources } = settings.network;
  const gateway = settings.gateway;
  const rows: [string, string, string][] = [
    ["ingress class", config.ingressClass, sources.ingressClass.text],
    ...Object.entries(config.domains).map(([d, sel]): [string, string, string] => [
      "domain",
      Object.keys(sel).length
        ? `${d} (for ${Object.entries(sel)
            .map(([k, v]) => `${k}=${v}`)
            .join(", ")})`
        : d,
      domainSources[d]?.text ?? sources.domains.text,
    ]),
    ["domain template", config.domainTemplate, sources.domainTemplate.text],
    ["tag template", config.tagTemplate, sources.tagTemplate.text],
    ["HTTP", config.httpProtocol, sources.httpProtocol.text],
    ["external URL scheme", config.defaultExternalScheme, sources.defaultExternalScheme.text],
    ["internal TLS", onOff(config.systemInternalTLS), sources.systemInternalTLS.text],
    ["tag header routing", onOff(config.tagHeaderBasedRouting), sources.tagHeaderBasedRouting.text],
    ["external gateway", gw(gateway.config.externalGateways?.[0]), gateway.from.external ? `ConfigMap ${gateway.from.external}` : "net-gateway-api's default"],
    ["cluster-local gateway", gw(gateway.config.localGateways?.[0]), gateway.from.local ? `ConfigMap ${gateway.from.local}` : "net-gateway-api's default"],
  ];
  return (
    <div className="text-xs" data-knative-settings>
      {settings.notes.length > 0 && (
        <ul role="alert" className="mb-1 list-disc pl-4 text-amber-800" data-settings-notes>
          {settings.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <details>
        <summary className="cursor-pointer text-slate-600">Knative configuration in effect ({settings.namespace})</summary>
        <table className="mt-1 w-full border-collapse">
          <caption className="sr-only">Knative configuration in effect, and where each value comes from</caption>
          <thead>
            <tr className="text-left text-slate-500">
              <th scope="col" className="pr-2 font-medium">
                setting
              </th>
              <th scope="col" className="pr-2 font-medium">
                value
              </th>
              <th scope="col" className="font-medium">
                from
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([k, v, from]) => (
              <tr key={`${k}:${v}`} className="border-t border-slate-100 align-top" data-setting={k}>
                <th scope="row" className="pr-2 font-normal text-slate-600">
                  {k}
                </th>
                <td className="pr-2 font-mono break-all">{v}</td>
                <td className="text-slate-500">{from}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
