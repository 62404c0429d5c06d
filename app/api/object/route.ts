import { forBrowser, lastWriter } from "@/lib/live/for-browser";
import { answerForRef } from "@/lib/session";

export const dynamic = "force-dynamic";

/**
 * GET /api/object?kind=HTTPRoute&namespace=shop&name=shop: one object, fresh from the store (a
 * Result), without managedFields; `lastWriter` says who wrote it last.
 */
export function GET(req: Request) {
  return answerForRef(req, async (store, ref) => {
    const r = await store.get(ref);
    if (!r.ok) return r;
    const writer = lastWriter(r.value);
    return { ok: true, value: forBrowser(r.value), ...(writer && { lastWriter: writer }) };
  });
}
