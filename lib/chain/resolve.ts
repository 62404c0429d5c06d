// Entry point: the chain of one Knative Service or one HTTPRoute.
import { chainBuilder } from "./builder";
import { addHTTPRoute } from "./gateway-links";
import { addKnativeService } from "./knative-links";
import { indexObjects, type ObjectIndex } from "./objects";
import type { Chain, ChainObjects, ChainOptions, ChainRoot } from "./types";

function isIndex(x: ChainObjects | ObjectIndex): x is ObjectIndex {
  return !Array.isArray(x);
}

/**
 * Resolves the chain rooted at a Knative Service or an HTTPRoute. Pass an index (from
 * indexObjects) when resolving many chains over the same objects.
 */
export function resolveChain(objects: ChainObjects | ObjectIndex, root: ChainRoot, options: ChainOptions = {}): Chain {
  const index = isIndex(objects) ? objects : indexObjects(objects);
  const b = chainBuilder(options);
  if (root.kind === "KnativeService") {
    const found = addKnativeService(b, index, root.namespace, root.name);
    return b.finish(root, found);
  }
  const route = index.get("HTTPRoute", root.namespace, root.name);
  if (!route) {
    b.node("HTTPRoute", root.namespace, root.name, 0, undefined);
    return b.finish(root, false);
  }
  addHTTPRoute(b, index, route, 0);
  return b.finish(root, true);
}
