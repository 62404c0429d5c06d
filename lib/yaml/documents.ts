import { Composer, isMap, isScalar, LineCounter, Parser, visit, type Document } from "yaml";

/**
 * Documents one file may hold. A 10 MiB file of `---` lines would otherwise be 2.6 million
 * documents (23 s of parsing); real manifests hold a few, and a 10 MB file of small HTTPRoutes
 * about 50,000.
 */
export const MAX_DOCUMENTS = 100_000;

export interface ParsedDocuments {
  docs: Document.Parsed[];
  lines: LineCounter;
  /** Set when the stream was cut at MAX_DOCUMENTS: the offset where reading stopped. */
  truncatedAt?: number;
}

/**
 * Every YAML document of `text`, in linear time. The `yaml` library's own duplicate-key check
 * compares each key with every earlier one (a 40,000-key mapping took 9.5 s, 300,000 keys
 * minutes), so it is off and duplicateKeyOffsets() does the same check with a set.
 */
export function parseDocuments(text: string, version: "1.1" | "1.2" = "1.1", maxDocuments = MAX_DOCUMENTS): ParsedDocuments {
  const lines = new LineCounter();
  const composer = new Composer({ version, uniqueKeys: false });
  const docs: Document.Parsed[] = [];
  for (const doc of composer.compose(new Parser(lines.addNewLine).parse(text))) {
    if (docs.length === maxDocuments) return { docs, lines, truncatedAt: doc.range[0] };
    docs.push(doc);
  }
  return { docs, lines };
}

/** Where a mapping repeats a key (offsets of the repeated keys); `<<` merge keys may repeat. */
export function duplicateKeyOffsets(doc: Document.Parsed): number[] {
  const out: number[] = [];
  visit(doc, {
    Map(_, map) {
      if (!isMap(map)) return;
      const seen = new Set<string>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || key.value === "<<") continue;
        const id = `${typeof key.value}:${String(key.value)}`;
        if (seen.has(id)) out.push(key.range?.[0] ?? 0);
        else seen.add(id);
      }
    },
  });
  return out;
}
