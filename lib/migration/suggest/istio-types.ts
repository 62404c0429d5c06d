// Named pieces of a VirtualService as the API server stores it, taken from the types generated
// from Istio's CRD (lib/knative/istio/types.generated.ts), so they follow the schema.
import type { VirtualServiceResource } from "../../knative/istio/types.generated";

export type { VirtualServiceResource };
type Spec = NonNullable<VirtualServiceResource["spec"]>;
export type IstioHTTP = NonNullable<Spec["http"]>[number];
export type IstioMatch = NonNullable<IstioHTTP["match"]>[number];
export type IstioDestination = NonNullable<IstioHTTP["route"]>[number];
export type IstioHeaders = NonNullable<IstioHTTP["headers"]>;
export type IstioHeaderOps = NonNullable<IstioHeaders["request"]>;
/** Istio's StringMatch: a oneof of exact, prefix and regex. */
export interface StringMatch {
  readonly exact?: string;
  readonly prefix?: string;
  readonly regex?: string;
}
