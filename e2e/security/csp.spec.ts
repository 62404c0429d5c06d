// Issue #11, item 2: every page runs under its Content-Security-Policy with no violation (the
// canvas with its layout worker, the YAML views, the sliders, the chain graphs), on the
// production build of the run.
import { createKnativeService } from "../knative-traffic-fixtures.ts";
import { expect, httpRoute, kubectl, test } from "../fixtures";

test("no page violates the Content-Security-Policy", async ({ page, ns }) => {
  test.setTimeout(120_000);
  await kubectl(["create", "-f", "-"], httpRoute(ns, "site", { hostnames: [`${ns}.example.com`], rules: [{ backendRefs: [{ name: "web", port: 80 }] }] }));
  await createKnativeService(ns, { traffic: [{ revisionName: "hello-00002", latestRevision: false, percent: 100 }] });
  // Collected in the page itself, from the first script on, and from the console.
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const consoleCsp: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) consoleCsp.push(m.text());
  });
  const pages: [string, string][] = [
    ["/", "HTTPRoutes"],
    ["/routes", "site"],
    [`/routes/${ns}/site`, `${ns}.example.com`],
    ["/routes/new", "New"],
    [`/hosts/${ns}.example.com`, `${ns}.example.com`],
    ["/services", "hello"],
    [`/services/${ns}/hello`, "hello-00002"],
    ["/troubleshoot", "hello"],
    [`/troubleshoot/ksvc/${ns}/hello`, "hello"],
    [`/troubleshoot/httproute/${ns}/site`, "site"],
    ["/troubleshoot/offline", "Troubleshoot offline"],
  ];
  for (const [path, text] of pages) {
    await page.goto(path);
    await expect(page.locator("main")).toContainText(text, { ignoreCase: true });
    if (path === `/routes/${ns}/site`) await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
    // Lazy chunks and workers load after the text shows: give them a moment to be refused.
    await page.waitForTimeout(500);
    const violations = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect(violations, path).toEqual([]);
  }
  expect(consoleCsp).toEqual([]);
});
