// net-gateway-api's tag label (resources.tagForHost, pkg/reconciler/ingress/resources/tags.go,
// knative-v1.22+): the tag whose hosts in the KIngress's tag-to-host annotation include one of the
// rule's hosts.
import { TAG_TO_HOST_ANNOTATION } from "./constants";
import { compareUTF8 } from "./go-values";

/**
 * resources.tagForHost: "" when the annotation is missing, empty or not a JSON map of host
 * lists, or when no tag lists one of `hosts`.
 */
export function tagForHost(annotations: Readonly<Record<string, string>> | undefined, hosts: readonly string[]): string {
  const serialized = annotations?.[TAG_TO_HOST_ANNOTATION];
  if (!serialized) return "";
  const tags = parseTagToHost(serialized);
  if (!tags) return "";
  // Go ranges over a map, in random order; Knative Serving puts a rule's hosts under one tag at
  // most, so the order only matters for hand-made annotations. Byte order keeps Routeboard stable.
  for (const tag of [...tags.keys()].sort(compareUTF8)) {
    if (tags.get(tag)?.some((h) => hosts.includes(h))) return tag;
  }
  return "";
}

/**
 * json.Unmarshal into map[string][]string: undefined where Go returns an error (bad JSON, or any
 * value of the wrong type, which fails the whole call). JSON null is Go's zero value: a null map
 * has no tags, a null list no hosts, a null host is "".
 */
export function parseTagToHost(serialized: string): Map<string, string[]> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(serialized);
  } catch {
    return undefined;
  }
  const tags = new Map<string, string[]>();
  if (parsed === null) return tags;
  if (typeof parsed !== "object" || Array.isArray(parsed)) return undefined;
  for (const [tag, hosts] of Object.entries(parsed)) {
    const list = hostList(hosts);
    if (!list) return undefined;
    tags.set(tag, list);
  }
  return tags;
}

function hostList(v: unknown): string[] | undefined {
  if (v === null) return [];
  if (!Array.isArray(v)) return undefined;
  const hosts: string[] = [];
  for (const h of v as unknown[]) {
    if (h === null) hosts.push("");
    else if (typeof h === "string") hosts.push(h);
    else return undefined;
  }
  return hosts;
}
