// globalSetup of the vitest project "conformance": fetch.sh downloads the Gateway API
// conformance module (once per machine, then cached) and extracts its cases; the tests get
// where cases.json and the module's manifests are.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type {} from "vitest";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** ~/.cache/routeboard/conformance/gateway-api-<version>/cases.json */
    conformanceCases: string;
    /** The conformance folder of the module (tests/, base/), in the Go module cache. */
    conformanceDir: string;
  }
}

const script = join(dirname(fileURLToPath(import.meta.url)), "fetch.sh");

export default function setup(project: TestProject) {
  let out: string;
  try {
    out = execFileSync("bash", [script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    // fetch.sh says in one line what is missing (Go, the proxy); show that, not a stack.
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new Error(stderr || `e2e/conformance/fetch.sh failed: ${String(e)}`);
  }
  const cases = /-> (\S+cases\.json)\s*$/.exec(out.trim())?.[1];
  if (!cases || !existsSync(cases)) throw new Error(`e2e/conformance/fetch.sh did not say where cases.json is: ${out}`);
  const dir = (JSON.parse(readFileSync(cases, "utf8")) as { conformanceDir?: string }).conformanceDir;
  if (!dir || !existsSync(join(dir, "tests"))) {
    throw new Error(`the conformance module is not at ${dir ?? "(cases.json names none)"}: remove ${cases} and run e2e/conformance/fetch.sh again`);
  }
  console.log(out.trim());
  project.provide("conformanceCases", cases);
  project.provide("conformanceDir", dir);
}
