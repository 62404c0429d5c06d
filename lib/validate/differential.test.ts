// The differential test's reading of server answers, on messages kube-apiserver v1.36.3 sent.
import { describe, expect, it } from "vitest";
import { compare, serverVerdict, type Verdict } from "./differential.ts";

const route = {
  metadata: { ownerReferences: [{ name: "a", foo: 1 }] },
  spec: { rules: [{ matches: [{ headers: [{ name: "y" }, { name: "x", foo: 1 }] }], filters: [{ requestHeaderModifier: { remove: [1, 1] } }] }] },
};
const typedPatch = (lines: string[]) => ({
  status: 500,
  body: {
    message: `failed to create typed patch object (default/p; gateway.networking.k8s.io/v1, Kind=HTTPRoute): ${lines.length > 1 ? `errors:\n  ${lines.join("\n  ")}` : lines[0]}`,
  },
  warnings: [],
});

describe("serverVerdict", () => {
  it("reads structured-merge-diff paths back into JSON paths", () => {
    const v = serverVerdict(
      typedPatch([
        '.spec.rules[0].matches[0].headers[name="x"].foo: field not declared in schema',
        '.metadata.ownerReferences[uid=""].foo: field not declared in schema',
        ".spec.rules[0].filters[0].requestHeaderModifier.remove[=1]: expected string, got &value.valueUnstructured{Value:1}",
        ".spec.rules[0].filters[0].requestHeaderModifier.remove: duplicate entries for key [=1]",
        ".spec.rules[0].filters[0].requestHeaderModifier.remove[=1]: expected string, got &value.valueUnstructured{Value:1}",
      ]),
      route,
    );
    expect(v.causes.map((c) => c.path)).toEqual([
      "spec.rules[0].matches[0].headers[1].foo",
      "metadata.ownerReferences[0].foo",
      "spec.rules[0].filters[0].requestHeaderModifier.remove[0]",
      "spec.rules[0].filters[0].requestHeaderModifier.remove",
      "spec.rules[0].filters[0].requestHeaderModifier.remove[1]",
    ]);
  });

  it("strips the decoder's preamble", () => {
    const v = serverVerdict(
      {
        status: 400,
        body: {
          message:
            'HTTPRoute in version "v1" cannot be handled as a HTTPRoute: json: cannot unmarshal number into Go struct field ObjectMeta.name of type string',
        },
        warnings: [],
      },
      {},
    );
    expect(v).toEqual({
      stage: "bad-request",
      causes: [{ path: "", message: "json: cannot unmarshal number into Go struct field ObjectMeta.name of type string" }],
      warnings: [],
    });
  });
});

describe("compare", () => {
  const local = (causes: [string, string][]): Verdict => ({ stage: "typed-patch", causes: causes.map(([path, message]) => ({ path, message })), warnings: [] });
  it("allows what the server left unvisited in a map where it stopped at an undeclared field", () => {
    const server = local([["spec.foo", "field not declared in schema"]]);
    expect(
      compare(
        server,
        local([
          ["spec.foo", "field not declared in schema"],
          ["spec.bar", "field not declared in schema"],
          ["spec.rules[0].port", "expected numeric (int or float), got string"],
        ]),
      ),
    ).toBe("agree");
    expect(
      compare(
        server,
        local([
          ["spec.foo", "field not declared in schema"],
          ["metadata.labels.x", "expected string, got &value.valueUnstructured{Value:1}"],
        ]),
      ),
    ).toBe("paths");
  });
});
