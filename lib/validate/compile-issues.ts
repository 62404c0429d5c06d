// Rules that could not be compiled are not silently passed: callers (and tests) can list them.
import type { CompileIssue } from "./cel-compile.ts";
import { compiledVersion } from "./compile-crd.ts";
import type { CustomResourceDefinition } from "./crd-types.ts";

export function compileIssues(crd: CustomResourceDefinition): CompileIssue[] {
  return crd.spec.versions.filter((v) => v.served).flatMap((v) => compiledVersion(crd, `${crd.spec.group}/${v.name}`)?.issues ?? []);
}
