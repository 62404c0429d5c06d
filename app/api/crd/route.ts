import { requestSession } from "@/lib/session";
import { VALIDATION_CRDS } from "@/lib/validate";

export const dynamic = "force-dynamic";

/** GET /api/crd?name=httproutes.gateway.networking.k8s.io: a CRD the editors validate against (a Result). */
export async function GET(req: Request) {
  const name = new URL(req.url).searchParams.get("name") ?? "";
  if (!VALIDATION_CRDS.includes(name)) {
    return Response.json(
      { ok: false, error: { type: "Invalid", message: `Routeboard validates against ${VALIDATION_CRDS.join(" and ")} only`, causes: [] } },
      { status: 400 },
    );
  }
  const { store, problem } = await requestSession();
  if (!store) return Response.json({ ok: false, error: { type: "Unreachable", message: problem ?? "no cluster" } });
  const r = await store.crd(name);
  // The schema is what validation needs; managedFields and status are not.
  return Response.json(
    r.ok ? { ok: true, value: { apiVersion: r.value.apiVersion, kind: r.value.kind, metadata: { name: r.value.metadata.name }, spec: r.value.spec } } : r,
  );
}
