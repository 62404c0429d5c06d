import { requestSession } from "@/lib/session";
import { isBrowsableKind } from "@/lib/store";
import { writableNamespaces } from "@/lib/store/writable-namespaces";

export const dynamic = "force-dynamic";

/** GET /api/access/namespaces?kind=HTTPRoute: in which namespaces may this user create one (a Result of WritableNamespaces)? */
export async function GET(req: Request) {
  const kind = new URL(req.url).searchParams.get("kind") ?? "";
  if (!isBrowsableKind(kind)) return Response.json({ ok: false, error: { type: "Invalid", message: `unknown kind "${kind}"`, causes: [] } }, { status: 400 });
  const { store, problem, readOnly } = await requestSession();
  if (!store) return Response.json({ ok: false, error: { type: "Unreachable", message: problem ?? "no cluster" } });
  const value = await writableNamespaces(store, kind);
  // Read-only mode writes nowhere, whatever RBAC allows.
  if (readOnly)
    return Response.json({
      ok: true,
      value: { ...value, namespaces: value.namespaces.map((n) => ({ name: n.name, allowed: false, reason: "Routeboard runs read-only here" })) },
    });
  return Response.json({ ok: true, value });
}
