import { describe, expect, it } from "vitest";
import { isLabelValue, isQualifiedName, objectNameProblems } from "./names";

describe("objectNameProblems", () => {
  it("speaks the API server's words", () => {
    expect(objectNameProblems("dns1123-subdomain", "a/b", "default")).toEqual([
      { field: "metadata.name", message: `metadata.name: Invalid value: "a/b": may not contain '/'` },
    ]);
    expect(objectNameProblems("dns1123-subdomain", "..", "default")).toEqual([
      { field: "metadata.name", message: `metadata.name: Invalid value: "..": may not be '..'` },
    ]);
    expect(objectNameProblems("dns1123-subdomain", "web", "..")[0]).toEqual({
      field: "metadata.namespace",
      message: `metadata.namespace: Invalid value: "..": may not be '..', a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    });
    expect(objectNameProblems("dns1123-subdomain", "", undefined)).toEqual([
      { field: "metadata.name", message: "metadata.name: Required value: name or generateName is required" },
    ]);
  });

  it("applies each kind's rule", () => {
    expect(objectNameProblems("dns1123-subdomain", "a.b", "x")).toEqual([]);
    expect(objectNameProblems("dns1123-label", "a.b", "x")).toHaveLength(1);
    expect(objectNameProblems("dns1123-label", "1abc", "x")).toEqual([]);
    expect(objectNameProblems("dns1035-label", "1abc", "x")).toHaveLength(1);
    expect(objectNameProblems("dns1035-label", "x".repeat(64), undefined)[0]?.message).toContain("must be no more than 63 characters");
  });

  it("follows apimachinery v0.36: dots in a label, label keys and values counted in bytes", () => {
    expect(objectNameProblems("dns1123-label", "a.b", "x")[0]?.message).toBe(`metadata.name: Invalid value: "a.b": must not contain dots`);
    expect(isQualifiedName("a/")).toEqual(["name part must be non-empty", expect.stringContaining("name part must consist of")]);
    expect(isQualifiedName("a/b/c")[0]).toMatch(/^a valid label key must consist of/);
    expect(isLabelValue("é".repeat(32))[0]).toBe("must be no more than 63 bytes");
  });
});
