import { refParam } from "@/lib/live/ref-param";
import type { ObjectRef, Result, Store } from "@/lib/store";
import { requestSession } from "./request-session";

/**
 * A GET route handler about one object (?kind=&namespace=&name=): the reference checked, the
 * request's store found, `answer` asked; every outcome a JSON Result.
 */
export async function answerForRef(
  req: Request,
  answer: (store: Store, ref: ObjectRef) => Promise<Result<unknown> & Record<string, unknown>>,
): Promise<Response> {
  const ref = refParam(new URL(req.url).searchParams);
  if (typeof ref === "string") return Response.json({ ok: false, error: { type: "Invalid", message: ref, causes: [] } }, { status: 400 });
  const { store, problem } = await requestSession();
  if (!store) return Response.json({ ok: false, error: { type: "Unreachable", message: problem ?? "no cluster" } });
  return Response.json(await answer(store, ref));
}
