// The small part of Go's text/template that Knative's domain-template and tag-template use:
// `{{.Field}}`, `{{.Annotations.key}}` and `{{index .Annotations "key"}}`.

export type TemplateValues = Record<string, string | Record<string, string> | undefined>;

/** Thrown for a template Routeboard cannot evaluate; callers turn it into a reported problem. */
export class TemplateError extends Error {}

const ACTION = /\{\{-?\s*(.*?)\s*-?\}\}/g;
const FIELD = /^\.([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z0-9_-]+))?$/;
const INDEX = /^index\s+\.([A-Za-z_][A-Za-z0-9_]*)\s+"((?:[^"\\]|\\.)*)"$/;

export function renderGoTemplate(template: string, values: TemplateValues): string {
  return template.replace(ACTION, (_all, expr: string) => {
    const field = FIELD.exec(expr);
    if (field) return lookup(values, field[1]!, field[2], template);
    const index = INDEX.exec(expr);
    if (index) return lookup(values, index[1]!, JSON.parse(`"${index[2]!}"`) as string, template);
    throw new TemplateError(`template ${JSON.stringify(template)}: unsupported action {{${expr}}}`);
  });
}

function lookup(values: TemplateValues, name: string, key: string | undefined, template: string): string {
  if (!Object.hasOwn(values, name)) throw new TemplateError(`template ${JSON.stringify(template)}: can't evaluate field ${name}`);
  const v = values[name];
  if (key === undefined) {
    if (typeof v !== "string") throw new TemplateError(`template ${JSON.stringify(template)}: .${name} is not a string`);
    return v;
  }
  // Go's index on a map[string]string yields "" for a missing key.
  if (typeof v === "object" && v !== null) return Object.hasOwn(v, key) ? (v[key] ?? "") : "";
  return "";
}
