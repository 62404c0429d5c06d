// Kubernetes CEL IP/CIDR checks (k8s.io/apiserver/pkg/cel/library/ip.go, cidr.go): the boolean
// forms CRDs use in rules, e.g. Gateway API's `self.all(h, !isIP(h))`.
import { celFunc, CelScalar, type CelFunc } from "@bufbuild/cel";
import { isIP } from "./ip.ts";

function isCIDR(s: string): boolean {
  const slash = s.indexOf("/");
  if (slash < 0) return false;
  const addr = s.slice(0, slash);
  const bits = s.slice(slash + 1);
  if (!/^(0|[1-9]\d{0,2})$/.test(bits) || !isIP(addr)) return false;
  return Number(bits) <= (addr.includes(":") ? 128 : 32);
}

export const k8sNetworkFuncs: CelFunc[] = [
  celFunc("isIP", [CelScalar.STRING], CelScalar.BOOL, (s) => isIP(s)),
  celFunc("isCIDR", [CelScalar.STRING], CelScalar.BOOL, (s) => isCIDR(s)),
];
