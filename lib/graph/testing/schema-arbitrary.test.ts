import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { httpRouteSchema } from "./crd";
import { httpRouteArbitrary } from "./httproute-arbitrary";
import { schemaPaths, valuePaths } from "./schema-arbitrary";

describe("the schema-driven HTTPRoute generator", () => {
  it("reaches every field the HTTPRoute CRD declares, and unknown ones", () => {
    const declared = schemaPaths(httpRouteSchema()).filter((p) => p !== "metadata");
    const seen = new Set<string>();
    for (const route of fc.sample(httpRouteArbitrary(), { numRuns: 400, seed: 42 })) valuePaths(route, "", seen);
    expect(declared.filter((p) => !seen.has(p))).toEqual([]);
    expect([...seen].some((p) => p.startsWith("spec.rules[].x-"))).toBe(true);
    expect([...seen].some((p) => /backendRefs\[\]\.filters\[\]\..*x-/.test(p))).toBe(true);
  }, 60_000);

  it("honours enums, bounds and patterns", () => {
    for (const route of fc.sample(httpRouteArbitrary(), { numRuns: 100, seed: 7 })) {
      expect(route.kind).toBe("HTTPRoute");
      expect(route.spec.hostnames?.length ?? 0).toBeLessThanOrEqual(16);
      for (const h of route.spec.hostnames ?? []) expect(h).toMatch(/^(\*\.)?[a-z0-9]/);
      for (const rule of route.spec.rules ?? []) {
        for (const m of rule.matches ?? []) {
          if (m.path?.type) expect(["Exact", "PathPrefix", "RegularExpression"]).toContain(m.path.type);
        }
        for (const b of rule.backendRefs ?? []) {
          if (b.weight !== undefined) expect(b.weight).toBeGreaterThanOrEqual(0);
          if (b.port !== undefined) expect(b.port).toBeLessThanOrEqual(65535);
        }
      }
    }
  }, 60_000);
});
