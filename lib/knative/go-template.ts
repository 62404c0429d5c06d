// The small part of Go's text/template that Knative's domain-template and tag-template use:
// `{{.Field}}`, `{{.Annotations.key}}` and `{{index .Annotations "key"}}`.

export type TemplateValues = Record<string, string | Record<string, string> | undefined>;

/** Thrown for a template Routeboard cannot evaluate; callers turn it into a reported problem. */
export class TemplateError extends Error {}

/** A valid Go template using more than the subset above: Knative may accept it, Routeboard cannot run it. */
export class UnsupportedTemplateError extends TemplateError {}

const ACTION = /\{\{-?\s*(.*?)\s*-?\}\}/g;
const FIELD = /^\.([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z0-9_-]+))?$/;
const INDEX = /^index\s+\.([A-Za-z_][A-Za-z0-9_]*)\s+"((?:[^"\\]|\\.)*)"$/;

export function renderGoTemplate(template: string, values: TemplateValues): string {
  // text/template's parser rejects an action that is never closed.
  if (template.replace(ACTION, "").includes("{{")) throw new TemplateError(`template ${JSON.stringify(template)}: unclosed action`);
  return template.replace(ACTION, (_all, expr: string) => {
    const field = FIELD.exec(expr);
    if (field) return lookup(values, field[1] ?? "", field[2], template);
    const index = INDEX.exec(expr);
    if (index) return lookup(values, index[1] ?? "", JSON.parse(`"${index[2] ?? ""}"`) as string, template, true);
    // A brace inside an action is a parse error in Go ("unexpected "}" in operand").
    if (/[{}]/.test(expr)) throw new TemplateError(`template ${JSON.stringify(template)}: unexpected brace in {{${expr}}}`);
    throw new UnsupportedTemplateError(`template ${JSON.stringify(template)}: Routeboard cannot evaluate {{${expr}}}`);
  });
}

function lookup(values: TemplateValues, name: string, key: string | undefined, template: string, fromIndex = false): string {
  if (!Object.hasOwn(values, name)) throw new TemplateError(`template ${JSON.stringify(template)}: can't evaluate field ${name}`);
  const v = values[name];
  if (key === undefined) {
    if (typeof v !== "string") throw new TemplateError(`template ${JSON.stringify(template)}: .${name} is not a string`);
    return v;
  }
  if (typeof v === "string") throw new TemplateError(`template ${JSON.stringify(template)}: can't evaluate field ${key} in type string`);
  if (typeof v === "object" && v !== null && Object.hasOwn(v, key)) return v[key] ?? "";
  // A missing key: `index` yields the zero value "", while `.Map.key` yields an invalid value,
  // which text/template prints as "<no value>" (exec.go evalField, missingkey=default).
  return fromIndex ? "" : "<no value>";
}
