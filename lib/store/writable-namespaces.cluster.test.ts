// Which namespaces a user may create HTTPRoutes in, asked of the real API server as each test user.
import { describe, expect, it } from "vitest";
import { userStores } from "./testing/user-stores";
import { writableNamespaces } from "./writable-namespaces";

const store = userStores();

describe("writableNamespaces", () => {
  it("the editor may create HTTPRoutes in team-a only, and is told why not elsewhere", async () => {
    const w = await writableNamespaces(store("editor"), "HTTPRoute");
    expect(w.listed).toBe(true);
    expect(w.namespaces.filter((n) => n.allowed).map((n) => n.name)).toEqual(["team-a"]);
    const b = w.namespaces.find((n) => n.name === "team-b");
    expect(b?.reason).toMatch(/httproutes\.gateway\.networking\.k8s\.io in namespace team-b is forbidden/);
  });
  it("the viewer may create them nowhere; the admin everywhere it can list", async () => {
    expect((await writableNamespaces(store("viewer"), "HTTPRoute")).namespaces.some((n) => n.allowed)).toBe(false);
    const admin = await writableNamespaces(store("admin"), "HTTPRoute");
    expect(admin.namespaces.length).toBeGreaterThanOrEqual(3);
    expect(admin.namespaces.every((n) => n.allowed)).toBe(true);
  });
});
