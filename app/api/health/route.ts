import { clusterHealth } from "@/lib/store/health";

export const dynamic = "force-dynamic";

/** GET /api/health: 200 when Routeboard runs; says whether the API server answers (with the pod's own account). */
export async function GET() {
  return Response.json({ status: "ok", cluster: await clusterHealth() });
}
