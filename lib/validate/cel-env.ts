// The CEL environment the API server gives x-kubernetes-validations rules: standard CEL with
// RE2 `matches`, the strings extension, and the Kubernetes libraries CRDs rely on.
import { celEnv, CelScalar, type CelEnv } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { k8sListFuncs } from "./cel-k8s-lists.ts";
import { k8sNetworkFuncs } from "./cel-k8s-network.ts";
import { k8sRegexFuncs } from "./cel-k8s-regex.ts";
import { compileRe2 } from "./re2.ts";

const variables = { self: CelScalar.DYN } as const;
export type RuleEnv = CelEnv<typeof variables>;

let shared: RuleEnv | undefined;

/** One environment for every CRD: it holds no per-CRD state. */
export function ruleEnv(): RuleEnv {
  shared ??= celEnv({
    variables,
    funcs: [...strings, ...k8sListFuncs, ...k8sNetworkFuncs, ...k8sRegexFuncs],
    re2: { compile: compileRe2 },
  });
  return shared;
}
