import { isBrowsableKind } from "@/lib/store";
import { forBrowser } from "@/lib/live/for-browser";
import { requestSession } from "@/lib/session";

export const dynamic = "force-dynamic";

/** GET /api/resources?kind=HTTPRoute: the store's snapshot of one kind. */
export async function GET(req: Request) {
  const kind = new URL(req.url).searchParams.get("kind") ?? "";
  if (!isBrowsableKind(kind)) return Response.json({ error: `unknown kind "${kind}"` }, { status: 400 });
  const { store, problem } = await requestSession();
  if (!store) return Response.json({ kind, state: "unreachable", message: problem, items: [] });
  const snap = await store.load(kind);
  return Response.json({ ...snap, items: snap.items.map(forBrowser) });
}
