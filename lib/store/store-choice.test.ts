import { KubeConfig } from "@kubernetes/client-node";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chooseStore } from "./store-choice";

function kubeconfig(server: string): KubeConfig {
  const kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: "c", server, skipTLSVerify: true }],
    users: [{ name: "u", token: "t" }],
    contexts: [{ name: "ctx", cluster: "c", user: "u" }],
    currentContext: "ctx",
  });
  return kc;
}

describe("chooseStore", () => {
  it("opens the workspace the user asked for, even with a kubeconfig", async () => {
    expect(await chooseStore(kubeconfig("https://127.0.0.1:1"), { ROUTEBOARD_WORKSPACE: "/tmp/ws" })).toEqual({ mode: "workspace", root: "/tmp/ws" });
  });

  it("opens examples/ when there is no kubeconfig", async () => {
    expect(await chooseStore(undefined, {})).toEqual({ mode: "workspace", root: resolve("examples"), reason: "no kubeconfig found" });
  });

  it("opens examples/ when the current context does not answer, and says why", async () => {
    const c = await chooseStore(kubeconfig("https://127.0.0.1:1"), {});
    expect(c).toMatchObject({
      mode: "workspace",
      root: resolve("examples"),
      reason: expect.stringContaining("context ctx (https://127.0.0.1:1) did not answer"),
    });
  });
});
