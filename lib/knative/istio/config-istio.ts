// net-istio's config-istio ConfigMap: which Istio Gateways external and cluster-local KIngresses
// are programmed on, and the Service behind each. Mirrors config.NewIstioFromConfigMap
// (pkg/reconciler/ingress/config/istio.go, net-istio bdbf4dac) and resources.GatewaysFromContext.
import { isDNS1123Subdomain } from "../../k8s/names";
import { compareUTF8 } from "../go-values";
import { DEFAULT_CLUSTER_DOMAIN } from "../network-config";
import { NetIstioError } from "./cluster";
import { decodeGatewayList } from "./config-yaml";
import { labelSelectorMatcher, type LabelSelector } from "./label-selector";

export const CONFIG_ISTIO = "config-istio";
/** SYSTEM_NAMESPACE of a standard install: where net-istio's default Gateways live. */
export const DEFAULT_SYSTEM_NAMESPACE = "knative-serving";

/** One config.Gateway: the Istio Gateway `namespace/name` and its Service's host name. */
export interface IstioGatewayConfig {
  namespace: string;
  name: string;
  /** The gateway Service's host, `<name>.<namespace>.svc.<cluster domain>` (config key `service`). */
  service: string;
  /** Only KIngresses whose labels match use this gateway; without one it is the default. */
  labelSelector?: LabelSelector;
}

/** config.Istio. A list left out means net-istio's built-in default; `[]` means none (mesh-only when both are). */
export interface IstioConfig {
  ingressGateways?: readonly IstioGatewayConfig[];
  localGateways?: readonly IstioGatewayConfig[];
}

export interface IstioNames {
  /** SYSTEM_NAMESPACE of net-istio's controller; default knative-serving. */
  systemNamespace?: string;
  /** The cluster's DNS domain; default cluster.local. */
  clusterDomain?: string;
}

export interface IstioConfigReading {
  /** Both lists, resolved. When `error` is set: net-istio's defaults. */
  config: Required<IstioConfig>;
  /** Why net-istio refuses the ConfigMap (its webhook rejects it; a running controller keeps its last good one). */
  error?: string;
}

const EXTERNAL_KEY = "external-gateways";
const LOCAL_KEY = "local-gateways";
const GATEWAY_PREFIX = "gateway.";
const LOCAL_GATEWAY_PREFIX = "local-gateway.";

/** defaultIngressGateways / defaultLocalGateways. */
export function defaultIstioConfig(names: IstioNames = {}): Required<IstioConfig> {
  const ns = names.systemNamespace ?? DEFAULT_SYSTEM_NAMESPACE;
  const domain = names.clusterDomain ?? DEFAULT_CLUSTER_DOMAIN;
  return {
    ingressGateways: [{ namespace: ns, name: "knative-ingress-gateway", service: `istio-ingressgateway.istio-system.svc.${domain}` }],
    localGateways: [{ namespace: ns, name: "knative-local-gateway", service: `knative-local-gateway.istio-system.svc.${domain}` }],
  };
}

/** config.NewIstioFromConfigMap over the ConfigMap's `data` (undefined: no ConfigMap, the defaults). */
export function istioConfigFromConfigMap(data: Readonly<Record<string, string>> | undefined, names: IstioNames = {}): IstioConfigReading {
  try {
    const config = parseIstio(data ?? {}, names);
    validateIstio(config);
    return { config };
  } catch (err) {
    return { config: defaultIstioConfig(names), error: `${CONFIG_ISTIO}: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function parseIstio(data: Readonly<Record<string, string>>, names: IstioNames): Required<IstioConfig> {
  const oldFormat = Object.keys(data).some((k) => k.startsWith(GATEWAY_PREFIX) || k.startsWith(LOCAL_GATEWAY_PREFIX));
  const newFormat = Object.hasOwn(data, EXTERNAL_KEY) || Object.hasOwn(data, LOCAL_KEY);
  if (oldFormat && newFormat) {
    throw new Error(
      `invalid configmap: "${LOCAL_KEY}" or "${EXTERNAL_KEY}" can not be defined simultaneously with "${GATEWAY_PREFIX}" or "${LOCAL_GATEWAY_PREFIX}"`,
    );
  }
  if (newFormat) return parseNewFormat(data, names);
  const defaults = defaultIstioConfig(names);
  if (!oldFormat) return defaults;
  // parseOldFormat, then defaultValues: an empty list takes the default.
  const ingress = parseOldFormatGateways(data, GATEWAY_PREFIX, names);
  const local = parseOldFormatGateways(data, LOCAL_GATEWAY_PREFIX, names);
  return {
    ingressGateways: ingress.length > 0 ? ingress : defaults.ingressGateways,
    localGateways: local.length > 0 ? local : defaults.localGateways,
  };
}

// parseNewFormat: an absent or blank value takes the default; any other value is a YAML list, and
// `[]` is no gateway of that kind. A non-empty list needs exactly one gateway without a selector.
function parseNewFormat(data: Readonly<Record<string, string>>, names: IstioNames): Required<IstioConfig> {
  const defaults = defaultIstioConfig(names);
  const read = (key: string, fallback: readonly IstioGatewayConfig[]): readonly IstioGatewayConfig[] => {
    const text = data[key] ?? "";
    if (isGoBlank(text)) return fallback;
    try {
      return decodeGatewayList(text);
    } catch (err) {
      throw new Error(`failed to parse configmap: failed to parse "${key}" gateways: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const config = { ingressGateways: read(EXTERNAL_KEY, defaults.ingressGateways), localGateways: read(LOCAL_KEY, defaults.localGateways) };
  for (const [list, kind] of [
    [config.ingressGateways, "external"],
    [config.localGateways, "local"],
  ] as const) {
    const unselected = defaultGateways(list);
    if (list.length > 0 && unselected.length !== 1) {
      throw new Error(
        `failed to parse configmap: exactly one ${kind} gateway with no selector can be defined, here: [${unselected.map(qualifiedName).join(" ")}]`,
      );
    }
  }
  return config;
}

// strings.TrimSpace(s) == "": Go's white space (unicode.IsSpace), which is not JavaScript's \s.
function isGoBlank(s: string): boolean {
  return /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/.test(s);
}

// parseOldFormatGateways: `gateway.<ns>.<name>: <service>`, sorted by key (sort.Strings); a key
// without a dot after the prefix names a gateway in the system namespace.
function parseOldFormatGateways(data: Readonly<Record<string, string>>, prefix: string, names: IstioNames): IstioGatewayConfig[] {
  const gatewayNames = Object.keys(data)
    .filter((k) => k.startsWith(prefix) && k !== prefix)
    .map((k) => k.slice(prefix.length))
    .sort(compareUTF8);
  return gatewayNames.map((g) => {
    const dot = g.indexOf(".");
    const [namespace, name] = dot < 0 ? [names.systemNamespace ?? DEFAULT_SYSTEM_NAMESPACE, g] : [g.slice(0, dot), g.slice(dot + 1)];
    return { namespace, name, service: data[prefix + g] ?? "" };
  });
}

// Istio.Validate / Gateway.Validate.
function validateIstio(config: Required<IstioConfig>): void {
  for (const [list, what] of [
    [config.ingressGateways, "gateway"],
    [config.localGateways, "local gateway"],
  ] as const) {
    for (const g of list) {
      const problem = gatewayProblem(g);
      if (problem) throw new Error(`invalid configuration: invalid ${what} ${qualifiedName(g)}: ${problem}`);
    }
  }
}

function gatewayProblem(g: IstioGatewayConfig): string | undefined {
  if (g.namespace === "") return "missing namespace";
  if (g.name === "") return "missing name";
  if (g.service === "") return "missing service";
  const errs = isDNS1123Subdomain(g.service.endsWith(".") ? g.service.slice(0, -1) : g.service);
  if (errs.length > 0) return `invalid gateway service format: [${errs.join(" ")}]`;
  try {
    labelSelectorMatcher(g.labelSelector);
  } catch (err) {
    return `failed to create selector from label selector: ${err instanceof Error ? err.message : String(err)}`;
  }
  return undefined;
}

/** Gateway.QualifiedName: `namespace/name`, as VirtualServices name gateways. */
export function qualifiedName(g: Pick<IstioGatewayConfig, "namespace" | "name">): string {
  return `${g.namespace}/${g.name}`;
}

/** Istio.DefaultExternalGateways / DefaultLocalGateways: the gateways without a selector. */
function defaultGateways(list: readonly IstioGatewayConfig[]): IstioGatewayConfig[] {
  return list.filter((g) => g.labelSelector === undefined);
}

/** The config with net-istio's defaults for what it leaves out. */
export function resolveIstioConfig(config: IstioConfig, names: IstioNames = {}): Required<IstioConfig> {
  const defaults = defaultIstioConfig(names);
  return { ingressGateways: config.ingressGateways ?? defaults.ingressGateways, localGateways: config.localGateways ?? defaults.localGateways };
}

/** Istio.GatewaysEnabled: false only when both lists are empty (mesh-only). */
export function gatewaysEnabled(config: Required<IstioConfig>): boolean {
  return config.ingressGateways.length > 0 || config.localGateways.length > 0;
}

export interface IngressGateways {
  external: readonly IstioGatewayConfig[];
  local: readonly IstioGatewayConfig[];
}

/**
 * resources.GatewaysFromContext: per visibility, the gateways whose selector matches the
 * KIngress's labels, or, when none does, the ones without a selector.
 */
export function gatewaysForIngress(config: Required<IstioConfig>, labels: Readonly<Record<string, string>>): IngressGateways {
  const pick = (list: readonly IstioGatewayConfig[]) => {
    const selected = list.filter((g) => g.labelSelector !== undefined && selects(g, labels));
    return selected.length > 0 ? selected : defaultGateways(list);
  };
  return { external: pick(config.ingressGateways), local: pick(config.localGateways) };
}

// filterGateway: a selector the parser would have refused fails the reconcile.
function selects(g: IstioGatewayConfig, labels: Readonly<Record<string, string>>): boolean {
  try {
    return labelSelectorMatcher(g.labelSelector)(labels);
  } catch (err) {
    throw new NetIstioError(`failed to create selector from gateway (${qualifiedName(g)}) label selector: ${err instanceof Error ? err.message : String(err)}`);
  }
}
