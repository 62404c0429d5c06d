// Facts about a schema node computed once per schema object (it belongs to a CRD that does not
// change), so the per-keystroke walks do not rediscover them.
import type { JSONSchemaProps, JSONValue } from "./crd-types.ts";

interface Facts {
  /** Properties with a `default`, as [name, default] pairs. */
  defaults: [string, JSONValue][];
  /** Whether this node or one below it is a list-type set or map. */
  hasListTypes: boolean;
}

const facts = new WeakMap<JSONSchemaProps, Facts>();

export function schemaFacts(s: JSONSchemaProps): Facts {
  let f = facts.get(s);
  if (!f) {
    const props = Object.entries(s.properties ?? {});
    const extra = typeof s.additionalProperties === "object" ? s.additionalProperties : undefined;
    const lt = s["x-kubernetes-list-type"];
    f = {
      defaults: props.flatMap(([k, p]) => (p.default !== undefined ? [[k, p.default] as [string, JSONValue]] : [])),
      hasListTypes:
        lt === "set" ||
        lt === "map" ||
        props.some(([, p]) => schemaFacts(p).hasListTypes) ||
        (s.items !== undefined && schemaFacts(s.items).hasListTypes) ||
        (extra !== undefined && schemaFacts(extra).hasListTypes),
    };
    facts.set(s, f);
  }
  return f;
}
