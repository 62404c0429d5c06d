import { test, type Page } from "@playwright/test";
import { expect, kubectl } from "./fixtures";

/** Services with one port, as the palette lists them. */
export async function services(ns: string, names: string[], port = 8080): Promise<void> {
  await kubectl(["apply", "-f", "-"], {
    apiVersion: "v1",
    kind: "List",
    items: names.map((name) => ({ apiVersion: "v1", kind: "Service", metadata: { namespace: ns, name }, spec: { ports: [{ port, targetPort: port }] } })),
  });
}

export async function asUser(page: Page, user: "admin" | "viewer" | "editor"): Promise<void> {
  await page.context().addCookies([{ name: "routeboard-context", value: user, url: process.env.ROUTEBOARD_URL ?? "" }]);
}

/** Opens a route on the canvas and waits until ELK has placed it and the permission is known. */
export async function openRoute(page: Page, ns: string, name: string): Promise<void> {
  await page.goto(`/routes/${ns}/${name}`);
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  await expect(page.locator("[data-permission]")).not.toHaveAttribute("data-permission", "checking");
}

export async function getRoute(ns: string, name: string): Promise<{ metadata: Record<string, unknown>; spec: Record<string, unknown> }> {
  return JSON.parse(await kubectl(["get", "httproute", name, "-n", ns, "-o", "json"])) as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
}

export async function dryRunAndApply(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Dry-run" }).click();
  await expect(page.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "dry-run-ok");
  await page.getByRole("button", { name: "Apply", exact: true }).click();
  await expect(page.locator("[data-apply-status]")).toHaveAttribute("data-apply-status", "applied");
}

/** A screenshot in this test's own output folder (other engineers' runs clean test-results/). */
export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: test.info().outputPath(name) });
}

/** Creates an object as Routeboard would (server-side apply, field manager routeboard). */
export async function applyAsRouteboard(obj: unknown): Promise<void> {
  await kubectl(["apply", "--server-side", "--field-manager=routeboard", "-f", "-"], obj);
}
