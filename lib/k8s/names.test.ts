import { describe, expect, it } from "vitest";
import { objectNameProblems } from "./names";

describe("objectNameProblems", () => {
  it("speaks the API server's words", () => {
    expect(objectNameProblems("dns1123-subdomain", "a/b", "default")).toEqual([{ field: "metadata.name", message: `metadata.name: Invalid value: "a/b": may not contain '/'` }]);
    expect(objectNameProblems("dns1123-subdomain", "..", "default")).toEqual([{ field: "metadata.name", message: `metadata.name: Invalid value: "..": may not be '..'` }]);
    expect(objectNameProblems("dns1123-subdomain", "web", "..")[0]).toEqual({ field: "metadata.namespace", message: `metadata.namespace: Invalid value: "..": may not be '..', a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')` });
    expect(objectNameProblems("dns1123-subdomain", "", undefined)).toEqual([{ field: "metadata.name", message: "metadata.name: Required value: name or generateName is required" }]);
  });

  it("applies each kind's rule", () => {
    expect(objectNameProblems("dns1123-subdomain", "a.b", "x")).toEqual([]);
    expect(objectNameProblems("dns1123-label", "a.b", "x")).toHaveLength(1);
    expect(objectNameProblems("dns1123-label", "1abc", "x")).toEqual([]);
    expect(objectNameProblems("dns1035-label", "1abc", "x")).toHaveLength(1);
    expect(objectNameProblems("dns1035-label", "x".repeat(64), undefined)[0]?.message).toContain("must be no more than 63 characters");
  });
});
