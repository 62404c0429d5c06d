// How the API server names object properties inside CEL (k8s.io/apiserver/pkg/cel/escaping.go):
// `namespace` becomes `__namespace__`, `a-b` becomes `a__dash__b`; names that cannot be escaped
// are not visible to rules at all.

const RESERVED = new Set([
  "true",
  "false",
  "null",
  "in",
  "as",
  "break",
  "const",
  "continue",
  "else",
  "for",
  "function",
  "if",
  "import",
  "let",
  "loop",
  "package",
  "namespace",
  "return",
  "var",
  "void",
  "while",
]);

const REPLACEMENTS: Record<string, string> = { __: "__underscores__", ".": "__dot__", "-": "__dash__", "/": "__slash__" };

export function escapeCelName(name: string): string | undefined {
  if (name === "" || (name[0] !== undefined && name[0] >= "0" && name[0] <= "9")) return undefined;
  if (RESERVED.has(name)) return `__${name}__`;
  let ok = true;
  const escaped = name.replace(/__|[-./]|[^a-zA-Z0-9_]/g, (m) => {
    const r = REPLACEMENTS[m];
    if (r === undefined) ok = false;
    return r ?? "";
  });
  return ok ? escaped : undefined;
}
