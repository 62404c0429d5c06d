// Issue #14, item 1: a keystroke in one rule re-renders that rule's node, not the canvas. React
// reports each commit to its DevTools hook (in production builds too); the spec installs one, and
// for every component that rendered during the typing (its props or hook state changed since the
// last commit) notes the canvas node it draws into. The edited rule's node must be the only one.
// React Flow's own wrapper of a node is left out: it may re-render for its store (the hostname's
// does, its content not).
import { expect, httpRoute, kubectl, test } from "./fixtures";

declare global {
  interface Window {
    __renderedNodes: Set<string>;
    __counting: boolean;
  }
}

test("typing a path re-renders the edited rule's node only, also once the routing table follows", async ({ page, ns }) => {
  await kubectl(
    ["create", "-f", "-"],
    httpRoute(ns, "many", {
      hostnames: ["many.example.com"],
      rules: ["/a", "/b", "/c", "/d"].map((value) => ({
        matches: [{ path: { type: "PathPrefix", value } }],
        backendRefs: [
          { name: "stable", port: 80, weight: 90 },
          { name: "canary", port: 80, weight: 10 },
        ],
      })),
    }),
  );
  await page.addInitScript(() => {
    type Fiber = {
      tag: number;
      child: Fiber | null;
      sibling: Fiber | null;
      stateNode: unknown;
      memoizedProps: unknown;
      memoizedState: unknown;
      alternate: Fiber | null;
    };
    window.__renderedNodes = new Set();
    window.__counting = false;
    const seen = new WeakMap<Fiber, { p: unknown; s: unknown }>();
    // Function, forwardRef and memo components: the fibers that run user code.
    const COMPONENT = new Set([0, 11, 14, 15]);
    const hostOf = (f: Fiber): Element | undefined => {
      for (let c: Fiber | null = f; c; c = c.child) if (c.tag === 5 && c.stateNode instanceof Element) return c.stateNode;
      return undefined;
    };
    const walk = (f: Fiber) => {
      for (let c = f.child; c; c = c.sibling) {
        const prev = seen.get(c) ?? (c.alternate ? seen.get(c.alternate) : undefined);
        const rendered = prev !== undefined && (prev.p !== c.memoizedProps || prev.s !== c.memoizedState);
        seen.set(c, { p: c.memoizedProps, s: c.memoizedState });
        if (window.__counting && rendered && COMPONENT.has(c.tag)) {
          // What draws a node, inside React Flow's wrapper of it (the wrapper itself is React Flow's).
          const host = hostOf(c);
          const node = host?.closest<HTMLElement>(".react-flow__node");
          if (node && node !== host && node.dataset.id) window.__renderedNodes.add(node.dataset.id);
        }
        walk(c);
      }
    };
    Object.defineProperty(window, "__REACT_DEVTOOLS_GLOBAL_HOOK__", {
      value: {
        renderers: new Map(),
        supportsFiber: true,
        inject: () => 1,
        onCommitFiberRoot: (_: number, root: { current: Fiber }) => walk(root.current),
        onCommitFiberUnmount: () => undefined,
        onPostCommitFiberRoot: () => undefined,
        checkDCE: () => undefined,
      },
    });
  });
  await page.goto(`/routes/${ns}/many`);
  await expect(page.locator("[data-layout]")).toHaveAttribute("data-layout", "elk");
  const nodes = page.locator(".react-flow__node");
  await expect(nodes).toHaveCount(13); // hostname, 4 rules, 8 backends
  const rule = page.locator(".react-flow__node", { has: page.locator('[data-rule="/b"]') });
  const ruleId = await rule.getAttribute("data-id");
  await rule.click({ position: { x: 5, y: 5 } });
  await page.getByRole("tab", { name: "Selected" }).click();
  const field = page.getByRole("textbox", { name: "Path", exact: true });
  await field.focus();
  await page.keyboard.press("End");
  await page.waitForTimeout(500);

  await page.evaluate(() => {
    window.__renderedNodes.clear();
    window.__counting = true;
  });
  await page.keyboard.type("/v2", { delay: 50 });
  await expect(page.locator('[data-rule="/b/v2"]')).toBeAttached();
  // The routing table (and the shadowed markers from it) follow 250 ms after the typing.
  await page.waitForTimeout(600);
  const rendered = await page.evaluate(() => {
    window.__counting = false;
    return [...window.__renderedNodes];
  });
  // A hook that sees no commits would pass trivially: the edited node must be among them.
  expect(rendered).toEqual([ruleId]);
});
