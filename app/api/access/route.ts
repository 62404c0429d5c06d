import { refParam } from "@/lib/live/ref-param";
import { requestSession } from "@/lib/session/request-session";

export const dynamic = "force-dynamic";

/** GET /api/access?kind=HTTPRoute&namespace=shop&name=shop: may this user write it (a Result of { allowed, reason })? */
export async function GET(req: Request) {
  const ref = refParam(new URL(req.url).searchParams);
  if (typeof ref === "string") return Response.json({ ok: false, error: { type: "Invalid", message: ref, causes: [] } }, { status: 400 });
  const { store, problem } = await requestSession();
  if (!store) return Response.json({ ok: false, error: { type: "Unreachable", message: problem ?? "no cluster" } });
  return Response.json(await store.mayWrite(ref));
}
