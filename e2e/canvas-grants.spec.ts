import { randomBytes } from "node:crypto";
import { expect, httpRoute, kubectl, test } from "./fixtures";
import { applyAsRouteboard, asUser, dryRunAndApply, getRoute, openRoute, services, shot } from "./canvas-helpers";

type Refs = { rules: { backendRefs?: { name: string; namespace?: string }[] }[] };

test("a Service from another namespace comes with the ReferenceGrant it needs, created in the same apply", async ({ page, ns }) => {
  const other = `${ns}-b`;
  await kubectl(["create", "namespace", other]);
  await services(other, ["inventory"]);
  await applyAsRouteboard(
    httpRoute(ns, "shop", { hostnames: ["shop.example.com"], rules: [{ matches: [{ path: { type: "PathPrefix", value: "/inventory" } }] }] }),
  );
  await openRoute(page, ns, "shop");

  await page.locator(`[data-palette-item="${other}/inventory"]`).dragTo(page.locator('[data-rule="/inventory"]'));
  const notice = page.locator("[data-grants-needed]");
  await expect(notice).toContainText(`${other}/routeboard-${ns}-to-inventory`);
  await expect(page.getByLabel(/Create it with this apply/)).toBeChecked();
  await shot(page, "canvas-grant.png");
  await dryRunAndApply(page);

  const grant = JSON.parse(await kubectl(["get", "referencegrant", `routeboard-${ns}-to-inventory`, "-n", other, "-o", "json"])) as { spec: unknown };
  expect(grant.spec).toEqual({
    from: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", namespace: ns }],
    to: [{ group: "", kind: "Service", name: "inventory" }],
  });
  const route = (await getRoute(ns, "shop")).spec as Refs;
  expect(route.rules[0]?.backendRefs?.[0]).toMatchObject({ name: "inventory", namespace: other });
  // The grant is in the cluster now: nothing more is asked for.
  await expect(notice).toHaveCount(0);
});

test("a grant the user may not create is refused at dry-run, naming it, and nothing is applied; the route alone can still go", async ({ page }) => {
  const name = `grant-${randomBytes(3).toString("hex")}`;
  await services("team-b", [name]);
  await applyAsRouteboard(httpRoute("team-a", name, { rules: [{ matches: [{ path: { type: "PathPrefix", value: "/x" } }] }] }));
  await asUser(page, "editor");
  await openRoute(page, "team-a", name);
  await page.locator(`[data-palette-item="team-b/${name}"]`).dragTo(page.locator('[data-rule="/x"]'));
  await expect(page.locator("[data-grants-needed]")).toContainText(`team-b/routeboard-team-a-to-${name}`);

  await page.getByRole("button", { name: "Dry-run" }).click();
  const status = page.locator("[data-apply-status]");
  await expect(status).toHaveAttribute("data-apply-status", "refused");
  await expect(status).toContainText(`You may not change ReferenceGrant team-b/routeboard-team-a-to-${name}`);
  await expect(page.getByRole("button", { name: "Apply", exact: true })).toBeDisabled();
  expect(((await getRoute("team-a", name)).spec as Refs).rules[0]?.backendRefs).toBeUndefined();

  await page.getByLabel(/Create it with this apply/).uncheck();
  await dryRunAndApply(page);
  expect(((await getRoute("team-a", name)).spec as Refs).rules[0]?.backendRefs?.[0]).toMatchObject({ name, namespace: "team-b" });
  expect(await kubectl(["get", "referencegrants", "-n", "team-b", "-o", "name"])).not.toContain(name);
  await expect(page.locator("[data-grants-needed]")).toBeVisible();
});
