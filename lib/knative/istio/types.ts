// Istio's VirtualService and Gateway, the parts net-istio writes, exactly as the API server stores
// them. Source: istio.io/api v1.29 networking/v1alpha3 virtual_service.proto and gateway.proto
// (v1beta1 aliases them), in their jsonpb form (golang/protobuf jsonpb.Marshaler, what the
// generated MarshalJSON uses): camelCase names, a scalar at its zero value or an empty list or
// map is absent, a set message is present even when empty (`retries: {}`, `port: {}`), a oneof
// member is present even when empty, enums are their names, (u)int32 are JSON numbers.
// Fields net-istio never sets (fault, mirror, corsPolicy, timeout, tls/tcp routes, ...) are left out.
import type { ObjectMeta } from "../../k8s/meta";

/** networking.istio.io StringMatch: a oneof, so exactly one member is set. */
export type StringMatch = { exact: string } | { prefix: string } | { regex: string };

/** HTTPMatchRequest: net-istio sets authority, uri, headers and gateways. */
export interface HTTPMatchRequest {
  uri?: StringMatch;
  authority?: StringMatch;
  headers?: Record<string, StringMatch>;
  gateways?: string[];
}

/** Headers.HeaderOperations: net-istio only sets `set`. */
export interface HeaderOperations {
  set?: Record<string, string>;
  add?: Record<string, string>;
  remove?: string[];
}

export interface Headers {
  request?: HeaderOperations;
  response?: HeaderOperations;
}

/** PortSelector: `{}` when the number is 0 (a named or unparsable servicePort). */
export interface PortSelector {
  number?: number;
}

export interface Destination {
  host?: string;
  subset?: string;
  port?: PortSelector;
}

export interface HTTPRouteDestination {
  destination?: Destination;
  /** int32; absent at 0. */
  weight?: number;
  headers?: Headers;
}

export interface HTTPRewrite {
  uri?: string;
  authority?: string;
}

/** HTTPRetry: net-istio writes it empty, to turn off Istio's default of two retries. */
export interface HTTPRetry {
  attempts?: number;
  perTryTimeout?: string;
  retryOn?: string;
}

export interface IstioHTTPRoute {
  name?: string;
  match?: HTTPMatchRequest[];
  route?: HTTPRouteDestination[];
  rewrite?: HTTPRewrite;
  retries?: HTTPRetry;
  headers?: Headers;
}

export interface VirtualServiceSpec {
  hosts?: string[];
  gateways?: string[];
  http?: IstioHTTPRoute[];
}

export interface VirtualService {
  apiVersion: "networking.istio.io/v1beta1";
  kind: "VirtualService";
  metadata: ObjectMeta;
  spec: VirtualServiceSpec;
}

/** ServerTLSSettings.TLSmode, by name; PASSTHROUGH (0) is never written by jsonpb. */
export type ServerTLSMode = "PASSTHROUGH" | "SIMPLE" | "MUTUAL" | "AUTO_PASSTHROUGH" | "ISTIO_MUTUAL" | "OPTIONAL_MUTUAL";

export interface ServerTLSSettings {
  httpsRedirect?: boolean;
  mode?: ServerTLSMode;
  credentialName?: string;
}

export interface IstioPort {
  /** uint32. */
  number?: number;
  protocol?: string;
  name?: string;
}

/** Server: `{}` is what a nil server in the list encodes to (TLS without an httpOption). */
export interface Server {
  port?: IstioPort;
  bind?: string;
  hosts?: string[];
  tls?: ServerTLSSettings;
  name?: string;
}

export interface GatewaySpec {
  servers?: Server[];
  selector?: Record<string, string>;
}

export interface IstioGateway {
  apiVersion: "networking.istio.io/v1beta1";
  kind: "Gateway";
  metadata: ObjectMeta;
  spec: GatewaySpec;
}

/** A TLS Secret copy net-istio creates in a gateway's namespace; `data` is the origin's, verbatim, and not shown here. */
export interface SecretCopy {
  apiVersion: "v1";
  kind: "Secret";
  metadata: ObjectMeta;
  type?: string;
}
