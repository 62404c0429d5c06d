import { answerForRef } from "@/lib/session";

export const dynamic = "force-dynamic";

/** GET /api/access?kind=HTTPRoute&namespace=shop&name=shop: may this user write it (a Result of { allowed, reason })? */
export function GET(req: Request) {
  return answerForRef(req, (store, ref) => store.mayWrite(ref));
}
