// Named element types of an HTTPRoute, taken from the generated CRD types so they can never
// drift from the schema. The generated file nests everything anonymously; these aliases give
// the pieces the names the Gateway API spec uses.
import type { HTTPRoute } from "./types.generated";

export type HTTPRouteSpec = HTTPRoute["spec"];
export type HTTPRouteStatus = NonNullable<HTTPRoute["status"]>;
export type ParentReference = NonNullable<HTTPRouteSpec["parentRefs"]>[number];
export type HTTPRouteRule = NonNullable<HTTPRouteSpec["rules"]>[number];
export type HTTPRouteMatch = NonNullable<HTTPRouteRule["matches"]>[number];
export type HTTPPathMatch = NonNullable<HTTPRouteMatch["path"]>;
export type HTTPPathMatchType = NonNullable<HTTPPathMatch["type"]>;
export type HTTPHeaderMatch = NonNullable<HTTPRouteMatch["headers"]>[number];
export type HTTPQueryParamMatch = NonNullable<HTTPRouteMatch["queryParams"]>[number];
export type HTTPMethod = NonNullable<HTTPRouteMatch["method"]>;
export type HTTPRouteFilter = NonNullable<HTTPRouteRule["filters"]>[number];
export type HTTPRouteTimeouts = NonNullable<HTTPRouteRule["timeouts"]>;
export type HTTPBackendRef = NonNullable<HTTPRouteRule["backendRefs"]>[number];
export type HTTPBackendRefFilter = NonNullable<HTTPBackendRef["filters"]>[number];
export type RouteParentStatus = HTTPRouteStatus["parents"][number];
