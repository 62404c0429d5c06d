// Issue #11, item 2: a page on another site cannot use Routeboard, by DNS rebinding (its own name
// resolving to 127.0.0.1) or by a cross-site request. Replayed on the production build, with a
// real Chromium for the browser's part and kubectl as the witness that nothing was written.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium } from "@playwright/test";
import { CHROMIUM_ARGS, startApp, type App } from "../server.ts";
import { expect, kubectl, test } from "../fixtures";
import { actionIds, callAction, raw } from "./attack.ts";

let app: App;
test.beforeAll(async () => {
  app = await startApp({ kubeconfig: process.env.ROUTEBOARD_KUBECONFIG ?? "" });
});
test.afterAll(async () => app?.stop());

const READS = [
  "/routes",
  "/api/resources?kind=Namespace",
  "/api/events?kinds=Namespace",
  "/api/object?kind=Namespace&name=default",
  "/api/access?kind=HTTPRoute&namespace=default&name=x",
  "/api/crd?name=httproutes.gateway.networking.k8s.io",
  "/_next/static/chunks/does-not-matter.js",
];

/** A route the attack tries to create: with the user's admin credentials it would succeed. */
const payload = (ns: string) => [
  { namespace: ns, name: "planted", resourceVersion: "", spec: { rules: [{ backendRefs: [{ name: "evil", port: 80 }] }] } },
  { dryRun: false },
];
const planted = async (ns: string) => (await kubectl(["get", "httproutes", "-n", ns, "-o", "name"])).includes("planted");

test("a foreign Host is refused on every page, route handler and action, and the log says so", async ({ ns }) => {
  const host = `rebind.attacker.example:${app.port}`;
  for (const path of READS) {
    const r = await raw(app.url, path, { headers: { Host: host } });
    expect(r.status, path).toBe(403);
    expect(r.body).toContain('addressed to "rebind.attacker.example');
    expect(r.body).not.toContain('"items"');
  }
  for (const [name, id] of Object.entries(actionIds())) {
    // The attacker controls both headers: Origin matches the Host it sent, as Next's own check wants.
    const r = await callAction(app.url, id, payload(ns), { Host: host, Origin: `http://${host}` });
    expect(r.status, name).toBe(403);
  }
  expect(await planted(ns)).toBe(false);
  expect(app.logs()).toContain(`refused POST /routes: Host "${host}" is not an address of Routeboard`);
  expect(app.logs()).toContain(`refused GET /api/events: Host "${host}" is not an address of Routeboard`);
});

test("every action needs Routeboard's own Origin", async ({ ns }) => {
  for (const [name, id] of Object.entries(actionIds())) {
    for (const origin of ["http://attacker.example", "null", `http://127.0.0.1:${app.port + 1}`]) {
      const r = await callAction(app.url, id, payload(ns), { Origin: origin });
      expect(r.status, `${name} from ${origin}`).toBe(403);
      expect(r.body).toContain("accepts changes only from its own pages");
    }
    const none = await callAction(app.url, id, payload(ns), { Origin: "" });
    expect(none.status, `${name} without Origin`).toBe(403);
  }
  expect(await planted(ns)).toBe(false);
  expect(app.logs()).toContain('refused POST /routes: Origin "http://attacker.example" is not Routeboard\'s');
});

test("in Chromium: a rebinding name gets 403 pages, and a cross-site page can neither post an action, read the API, nor frame Routeboard", async ({ ns }) => {
  const id = actionIds().submitRoute ?? "";
  // The attacker's site: a form that posts the action (as Next's progressive enhancement does,
  // no custom header needed), a read of the API, and a frame.
  const site: Server = createServer((req, res) => {
    res.setHeader("Content-Type", "text/html");
    res.end(`<!doctype html><title>attacker</title>
      <iframe id="f" src="${app.url}/routes"></iframe>
      <form id="post" method="POST" enctype="multipart/form-data" action="${app.url}/routes">
        <input name="$ACTION_ID_${id}" value=""><input name="namespace" value="${ns}"><input name="name" value="planted">
      </form>
      <script>
        fetch("${app.url}/api/resources?kind=Namespace", { mode: "no-cors", credentials: "include" }).then(() => document.title = "read-sent", () => document.title = "read-failed");
      </script>`);
  });
  await new Promise<void>((r) => site.listen(0, "127.0.0.1", r));
  const sitePort = (site.address() as AddressInfo).port;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP rebind.test 127.0.0.1, MAP attacker.test 127.0.0.1`],
  });
  try {
    const page = await browser.newPage();
    // DNS rebinding: the attacker's name resolves to 127.0.0.1.
    const res = await page.goto(`http://rebind.test:${app.port}/routes`);
    expect(res?.status()).toBe(403);
    await expect(page.locator("body")).toContainText("DNS rebinding");
    const api = await page.goto(`http://rebind.test:${app.port}/api/resources?kind=Namespace`);
    expect(api?.status()).toBe(403);
    expect(await page.content()).not.toContain('"items"');

    const console: string[] = [];
    page.on("console", (m) => console.push(m.text()));
    await page.goto(`http://attacker.test:${sitePort}/`);
    await expect(page).toHaveTitle(/read-/);
    await expect.poll(() => console.join("\n")).toMatch(/Framing '.*' violates the following Content Security Policy directive: "frame-ancestors 'none'"/);
    // The no-cors read came back empty-handed: refused by the server, opaque to the page anyway.
    await page.locator("#post").evaluate((f: HTMLFormElement) => f.submit());
    await page.waitForLoadState();
    await expect(page.locator("body")).toContainText("accepts changes only from its own pages");
  } finally {
    await browser.close();
    site.close();
  }
  expect(await planted(ns)).toBe(false);
  expect(app.logs()).toContain(`refused POST /routes: Origin "http://attacker.test:${sitePort}" is not Routeboard's`);
  expect(app.logs()).toContain("refused GET /api/resources: Sec-Fetch-Site cross-site on the API");
});

test("pages carry the security headers", async () => {
  const r = await raw(app.url, "/routes");
  expect(r.status).toBe(200);
  expect(String(r.headers["content-security-policy"])).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(String(r.headers["content-security-policy"])).toContain("frame-ancestors 'none'");
  expect(r.headers["x-content-type-options"]).toBe("nosniff");
  expect(r.headers["referrer-policy"]).toBe("no-referrer");
  // The nonce is fresh on every response.
  const again = await raw(app.url, "/routes");
  expect(again.headers["content-security-policy"]).not.toEqual(r.headers["content-security-policy"]);
});
