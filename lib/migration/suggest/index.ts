// A hand-written VirtualService as a suggested HTTPRoute (a draft for the canvas) and what it
// cannot carry over.
export { suggestHTTPRoute, type SuggestOptions, type Suggestion } from "./suggest";
export type { VirtualServiceResource } from "./istio-types";
