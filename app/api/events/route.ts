import { isBrowsableKind, type KindKey } from "@/lib/store";
import { storeEventStream } from "@/lib/live/event-stream";
import { encodeMessage } from "@/lib/live/protocol";
import { requestSession } from "@/lib/session";

export const dynamic = "force-dynamic";

/** GET /api/events?kinds=HTTPRoute,Gateway: Server-Sent Events of the store's changes. */
export async function GET(req: Request) {
  const kinds = (new URL(req.url).searchParams.get("kinds") ?? "").split(",").filter(isBrowsableKind) as KindKey[];
  if (kinds.length === 0) return Response.json({ error: "name at least one kind" }, { status: 400 });
  const headers = { "Content-Type": "text/event-stream", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive" };
  const { store, problem } = await requestSession();
  if (!store) {
    const body = kinds.map((kind) => encodeMessage({ event: "snapshot", data: { kind, state: "unreachable", message: problem, items: [] } })).join("");
    return new Response(`retry: 30000\n\n${body}`, { headers });
  }
  return new Response(storeEventStream(store, kinds, req.signal), { headers });
}
