import { readKnativeSettings } from "@/lib/store/knative-settings";
import { requestSession } from "@/lib/session";

export const dynamic = "force-dynamic";

/** GET /api/knative-settings: Knative's configuration in effect, with where each value came from. */
export async function GET() {
  const { store, problem } = await requestSession();
  if (!store) return Response.json({ ok: false, error: { type: "Unreachable", message: problem ?? "no cluster" } });
  return Response.json({ ok: true, value: await readKnativeSettings(store, process.env.ROUTEBOARD_KNATIVE_NAMESPACE || undefined) });
}
