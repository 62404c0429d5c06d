// Public API of lib/writes: what app/ and components/ use (ARCHITECTURE.md).
export { writeIngressClass } from "./ingress-class-write";
export { writeGrants, writeRoute } from "./route-write";
export { writeTraffic } from "./traffic-write";
