import { forBrowser, lastWriter } from "@/lib/live/for-browser";
import { refParam } from "@/lib/live/ref-param";
import { requestSession } from "@/lib/session/request-session";

export const dynamic = "force-dynamic";

/**
 * GET /api/object?kind=HTTPRoute&namespace=shop&name=shop: one object, fresh from the store (a
 * Result), without managedFields; `lastWriter` says who wrote it last.
 */
export async function GET(req: Request) {
  const ref = refParam(new URL(req.url).searchParams);
  if (typeof ref === "string") return Response.json({ ok: false, error: { type: "Invalid", message: ref, causes: [] } }, { status: 400 });
  const { store, problem } = await requestSession();
  if (!store) return Response.json({ ok: false, error: { type: "Unreachable", message: problem ?? "no cluster" } });
  const r = await store.get(ref);
  const writer = r.ok ? lastWriter(r.value) : undefined;
  return Response.json(r.ok ? { ok: true, value: forBrowser(r.value), ...(writer && { lastWriter: writer }) } : r);
}
