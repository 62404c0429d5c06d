// axe-core (WCAG 2.0/2.1 A and AA rules) on the page as it is: its serious and critical
// violations in words, with up to three of the elements each is about.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export async function violations(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(" | ")}`,
    );
}
