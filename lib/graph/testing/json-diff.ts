// Test-only: the JSON paths at which two values differ, to check that an edit touched
// nothing outside the paths it is meant to.
import { formatPath, type PathSegment } from "../paths";

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** The deepest paths where `a` and `b` differ ("" when the roots differ in kind). */
export function changedPaths(a: unknown, b: unknown, at: PathSegment[] = [], out: string[] = []): string[] {
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) changedPaths(a[i], b[i], [...at, i], out);
  } else if (isObject(a) && isObject(b)) {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (Object.hasOwn(a, key) !== Object.hasOwn(b, key)) out.push(formatPath([...at, key]));
      else changedPaths(a[key], b[key], [...at, key], out);
    }
  } else if (!Object.is(a, b)) {
    out.push(formatPath(at));
  }
  return out;
}

/** Whether `path` is `prefix` or inside it ("spec.rules[1].x" is inside "spec.rules[1]"). */
export function isWithin(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
}
