// Issue #11, items 1 and 4, on the production build in workspace mode: names that walk out of
// the folder, a link planted where a new file would go, and files built to hang the server.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { expect, test } from "@playwright/test";
import { startApp, type App } from "../server.ts";
import { actionIds, actionResult, callAction, raw } from "./attack.ts";

/** <outer>/a/b/c is the workspace, three folders deep as in the report; <outer> is "outside". */
function nestedWorkspace(): { outer: string; ws: string } {
  const outer = mkdtempSync(join(tmpdir(), "routeboard-sec-"));
  const ws = join(outer, "a", "b", "c");
  mkdirSync(ws, { recursive: true });
  cpSync(resolve("examples"), ws, { recursive: true });
  return { outer, ws };
}

const tree = (dir: string) => (readdirSync(dir, { recursive: true }) as string[]).sort();
const absent = (dir: string) => join(dir, "absent-kubeconfig");

test.describe("writes stay inside the workspace", () => {
  let app: App;
  let outer: string;
  let ws: string;
  test.beforeAll(async () => {
    ({ outer, ws } = nestedWorkspace());
    mkdirSync(join(outer, "elsewhere"));
    symlinkSync(join(outer, "elsewhere"), join(ws, "linked"));
    // A link where the new file for shop/planted would go.
    symlinkSync(join(outer, "elsewhere", "planted.yaml"), join(ws, "httproute-shop-planted.yaml"));
    app = await startApp({ kubeconfig: absent(outer), workspace: ws });
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(outer, { recursive: true, force: true });
  });

  test("namespaces and names with .. or / are refused, a planted link is not followed, and nothing appears outside", async () => {
    const before = tree(outer);
    const id = actionIds().submitRoute ?? "";
    const route = (namespace: string, name: string) => [
      { namespace, name, resourceVersion: "", spec: { rules: [{ backendRefs: [{ name: "storefront", port: 80 }] }] } },
      { dryRun: false },
    ];
    for (const [namespace, name] of [
      ["..", "x"],
      ["shop/../../../..", "x"],
      ["shop", "../../../escaped"],
      ["linked", "x/../../../y"],
      ["shop", "a/b"],
      ["shop", ".."],
    ]) {
      const r = actionResult(await callAction(app.url, id, route(namespace!, name!)));
      expect(r, `${namespace}/${name}`).toMatchObject({
        ok: false,
        error: { type: "Invalid", message: expect.stringMatching(/metadata\.(name|namespace): Invalid value/) },
      });
    }
    expect(tree(outer)).toEqual(before);

    // A valid name whose file name is taken by a link: written beside it, never through it.
    const ok = actionResult(await callAction(app.url, id, route("shop", "planted")));
    expect(ok.ok).toBe(true);
    expect(readdirSync(join(outer, "elsewhere"))).toEqual([]);
    expect(readdirSync(ws)).toContain("httproute-shop-planted-2.yaml");
    expect(app.logs()).toMatch(/routeboard: apply HTTPRoute \.\.\/x as workspace .*: Invalid: .*metadata\.namespace: Invalid value: "\.\."/);
  });
});

test.describe("files built to hang the server", () => {
  let app: App;
  let outer: string;
  test.beforeAll(async () => {
    let ws: string;
    ({ outer, ws } = nestedWorkspace());
    // Twice the 300,000 keys of the report, so it is surely still parsing when the page opens.
    const keys = Array.from({ length: 600_000 }, (_, i) => `  k${i}: v\n`).join("");
    writeFileSync(join(ws, "keys.yaml"), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keys\ndata:\n${keys}`);
    const lol = ["apiVersion: v1", "kind: ConfigMap", "metadata: {name: lol}", "a: &a [x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 9; i++)
      lol.push(
        `${"b".repeat(i + 1)}: &${"b".repeat(i + 1)} [${Array(9)
          .fill(`*${i === 0 ? "a" : "b".repeat(i)}`)
          .join(", ")}]`,
      );
    writeFileSync(join(ws, "lol.yaml"), lol.join("\n") + "\n");
    writeFileSync(
      join(ws, "latin1.yaml"),
      Buffer.concat([Buffer.from("apiVersion: v1\nkind: Service\nmetadata:\n  name: caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
    app = await startApp({ kubeconfig: absent(outer), workspace: ws });
  });
  test.afterAll(async () => {
    await app?.stop();
    rmSync(outer, { recursive: true, force: true });
  });

  test("a 600,000-key file and a billion-laughs file leave every page answering; the banner names them; SIGTERM stops the server", async ({ page }) => {
    test.setTimeout(120_000);
    // Answered while the big file is still being parsed (not after it).
    const started = Date.now();
    const r = await raw(app.url, "/api/resources?kind=HTTPRoute");
    expect(r.status).toBe(200);
    expect(r.body).toContain('"name":"shop"');
    expect(Date.now() - started).toBeLessThan(5000);
    await page.goto(`${app.url}/routes`);
    await expect(page.locator('tr[data-route="shop/shop"]').first()).toBeVisible();
    const banner = page.getByTestId("store-banner");
    await expect(banner).toContainText("Still reading");
    await expect(banner).toContainText("keys.yaml");
    // Once parsed, the big file loads (a valid ConfigMap); the others are named with their problem.
    await expect.poll(async () => (await page.reload(), await banner.textContent()), { timeout: 60_000, intervals: [1000] }).not.toContain("Still reading");
    await page.getByText(/problems? in the workspace files/).click();
    await expect(banner).toContainText(/lol\.yaml:\d+:\d+: .*alias/i);
    await expect(banner).toContainText("latin1.yaml:4:12: Not valid UTF-8: byte 0xE9 at line 4");

    // Stopping it, mid-parse or after, takes moments, not minutes.
    const stopAt = Date.now();
    app.signal("SIGTERM");
    await app.exited;
    expect(Date.now() - stopAt).toBeLessThan(5000);
  });
});
