// Pins each problem on the canvas node it belongs to: the node whose id is the longest prefix
// of the problem's element id (a match or a filter lives on its rule's node). Problems with no
// element land on the route itself ("" key).
export interface Pinnable {
  readonly elementId?: string;
  readonly message: string;
}

export function pinProblems<P extends Pinnable>(problems: readonly P[], nodeIds: readonly string[]): Map<string, P[]> {
  const sorted = [...nodeIds].sort((a, b) => b.length - a.length);
  const out = new Map<string, P[]>();
  for (const p of problems) {
    const id = p.elementId;
    const node = id === undefined ? "" : (sorted.find((n) => id === n || id.startsWith(`${n}/`)) ?? "");
    out.set(node, [...(out.get(node) ?? []), p]);
  }
  return out;
}
