// ELK runs here, off the main thread: laying out thousands of nodes takes long enough to drop
// frames if it ran beside React.
import ELK from "elkjs/lib/elk.bundled.js";
import type { ElkInput } from "@/lib/canvas";

// elk.bundled.js, loaded inside a worker, claims `self.onmessage` for its own protocol. Ours
// is a simpler one (graph in, positions out), so take the handler back.
self.onmessage = null;
const elk = new ELK();

self.addEventListener("message", (e: MessageEvent<{ seq: number; graph: ElkInput }>) => {
  const { seq, graph } = e.data;
  elk.layout(graph).then(
    (out) => self.postMessage({ seq, out: { children: (out.children ?? []).map((c) => ({ id: c.id, x: c.x, y: c.y })) } }),
    (err: unknown) => self.postMessage({ seq, error: err instanceof Error ? err.message : String(err) }),
  );
});
