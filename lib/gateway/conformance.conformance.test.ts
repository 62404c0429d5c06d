// predictStatus and matchRequest on the Gateway API conformance suite: for each test of the
// release e2e/cluster installs, the objects the suite applies (base manifests, the test's,
// the Secrets/ConfigMaps its Setup creates) go through predictStatus and matchRequest, and
// every status and request assertion the extractor read from the suite's Go source is
// compared (e2e/conformance/README.md; how: testing/conformance/status.ts and requests.ts).
// Cases about objects the test changed at run time, or hanging on run-time state, are skipped
// and counted with the reason.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { matcher } from "./match";
import { predictStatus } from "./predict";
import type { Cases } from "./testing/conformance/cases";
import { predictOptions, testObjects } from "./testing/conformance/objects";
import { requestCase } from "./testing/conformance/requests";
import { conditionCase, countCase, listenerCase, parentsCase } from "./testing/conformance/status";
import { CATEGORIES, report, Tally } from "./testing/conformance/tally";

const casesPath = inject("conformanceCases");
const cases = JSON.parse(readFileSync(casesPath, "utf8")) as Cases;
if (cases.conformanceDir !== inject("conformanceDir")) throw new Error(`cases.json names ${cases.conformanceDir}, globalSetup ${inject("conformanceDir")}`);

function run(): Tally {
  const tally = new Tally();
  for (const t of cases.tests) {
    const objects = testObjects(cases, t);
    const opts = predictOptions(cases, t);
    const status = predictStatus(objects, opts);
    const match = matcher(objects, opts);
    for (const c of t.conditions) tally.add("conditions", t.name, t.file, c.source, conditionCase(c, status));
    for (const c of t.listeners) tally.add("listeners", t.name, t.file, c.source, listenerCase(c, status));
    for (const c of t.parents) tally.add("parents", t.name, t.file, c.source, parentsCase(c, status));
    for (const c of t.counts) tally.add("counts", t.name, t.file, c.source, countCase(c, status));
    for (const c of t.requests) tally.add("requests", t.name, t.file, c.source, requestCase(c, cases, match));
  }
  return tally;
}

describe(`Gateway API ${cases.version} conformance cases`, () => {
  const started = performance.now();
  const tally = run();
  const ms = Math.round(performance.now() - started);
  const summary = Object.fromEntries(CATEGORIES.map((c) => [c, tally.summary(c)]));
  const status = (["conditions", "listeners", "parents"] as const).map((c) => tally.summary(c));
  const statusCompared = status.reduce((n, s) => n + s.compared, 0);
  const statusExact = status.reduce((n, s) => n + s.exact, 0);
  const notExtracted = cases.tests.reduce((n, t) => n + t.skipped.length, 0);
  // The extractor names no Gateway when the test picks its address in a branch: matchRequest then picks it by host and port.
  const unnamed = cases.tests.reduce((n, t) => n + t.requests.filter((r) => !r.gateway && !r.afterChange).length, 0);
  const text = [
    `${cases.module} ${cases.version}: ${cases.tests.length} tests, compared in ${ms} ms`,
    report(tally),
    `status cases (conditions + listeners + parents): compared ${statusCompared}, exact ${statusExact}`,
    `requests without a Gateway from the extractor (matchRequest picks it by host and port): ${unnamed}`,
    `not extracted from the suite's source: ${notExtracted} assertions (cases.json skipped)`,
  ].join("\n");
  console.log(text);
  // The README quotes these figures.
  writeFileSync(
    join(dirname(casesPath), "results.json"),
    `${JSON.stringify({ module: cases.module, version: cases.version, tests: cases.tests.length, summary, status: { compared: statusCompared, exact: statusExact }, requestsWithoutGateway: unnamed, notExtracted }, null, 2)}\n`,
  );

  it("routes every compared request exactly as the suite expects", () => {
    const s = tally.summary("requests");
    expect(s.compared).toBeGreaterThan(0);
    expect(s.mismatches).toEqual([]);
  });

  it("predicts at least 95 % of the compared status cases exactly", () => {
    expect(statusCompared).toBeGreaterThan(0);
    expect(statusExact / statusCompared).toBeGreaterThanOrEqual(0.95);
  });
});
