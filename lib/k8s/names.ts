// Kubernetes name checks with the API server's messages (k8s.io/apimachinery v0.36:
// pkg/util/validation and pkg/api/validate/content), since the API server and Knative's webhook
// (built on the same apimachinery) quote them verbatim. Lengths are Go's len(): UTF-8 bytes.

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_KEY_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_KEY_RULE =
  "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

const encoder = new TextEncoder();

/** Go's len(s): the length in UTF-8 bytes, which every Kubernetes length limit counts. */
export function utf8Length(s: string): number {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) ascii = false;
  return ascii ? s.length : encoder.encode(s).length;
}

// pkg/util/validation's MaxLenError says "characters"; pkg/api/validate/content's says "bytes".
const maxChars = (n: number) => `must be no more than ${n} characters`;
const maxBytes = (n: number) => `must be no more than ${n} bytes`;

/** validation.IsDNS1035Label: empty when valid. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxChars(63));
  if (!DNS1035_LABEL.test(value)) errs.push(DNS1035_MSG);
  return errs;
}

/** validation.IsDNS1123Label: empty when valid; a valid subdomain is told it "must not contain dots". */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxChars(63));
  if (!DNS1123_LABEL.test(value)) errs.push(DNS1123_SUBDOMAIN.test(value) ? "must not contain dots" : DNS1123_LABEL_MSG);
  return errs;
}

/**
 * validation.IsDNS1123Subdomain: empty when valid. `bytes` overrides the length, for a value
 * that stands for a byte string JavaScript cannot hold (a generateName cut mid-character).
 */
export function isDNS1123Subdomain(value: string, bytes = utf8Length(value)): string[] {
  return subdomain(value, maxChars, bytes);
}

function subdomain(value: string, tooLong: (n: number) => string, bytes = utf8Length(value)): string[] {
  const errs: string[] = [];
  if (bytes > 253) errs.push(tooLong(253));
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(DNS1123_SUBDOMAIN_MSG);
  return errs;
}

/**
 * validation.IsQualifiedName, which is content.IsLabelKey (`[prefix/]name`, as label keys,
 * annotation keys and finalizers): empty when valid. An empty name part gets both the "non-empty"
 * and the pattern message, as the server gives them.
 */
export function isQualifiedName(value: string): string[] {
  const parts = value.split("/");
  if (parts.length > 2) {
    return [`a valid label key ${LABEL_KEY_RULE} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  const errs: string[] = [];
  const [first = "", second = ""] = parts;
  const name = parts.length === 2 ? second : first;
  if (parts.length === 2) {
    const prefix = first;
    if (prefix === "") errs.push("prefix part must be non-empty");
    else for (const m of subdomain(prefix, maxBytes)) errs.push(`prefix part ${m}`);
  }
  if (name === "") errs.push("name part must be non-empty");
  else if (utf8Length(name) > 63) errs.push(`name part ${maxBytes(63)}`);
  if (!LABEL_KEY_NAME.test(name)) errs.push(`name part ${LABEL_KEY_RULE}`);
  return errs;
}

/** validation.IsValidLabelValue (content.IsLabelValue): empty when valid. */
export function isLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > 63) errs.push(maxBytes(63));
  if (!LABEL_VALUE.test(value)) errs.push(LABEL_VALUE_MSG);
  return errs;
}

/** How the API server (and, for Knative's kinds, Knative's webhook) validates a kind's names. */
export type NameRule = "dns1123-subdomain" | "dns1123-label" | "dns1035-label";

const RULES: Record<NameRule, (v: string) => string[]> = {
  "dns1123-subdomain": isDNS1123Subdomain,
  "dns1123-label": isDNS1123Label,
  "dns1035-label": isDNS1035Label,
};

/** validation.IsValidPathSegmentName: a name becomes a URL segment (and, in a workspace, part of a file name). */
function pathSegmentProblems(name: string): string[] {
  if (name === "." || name === "..") return [`may not be '${name}'`];
  return ["/", "%"].filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`);
}

export interface NameProblem {
  field: "metadata.name" | "metadata.namespace";
  message: string;
}

/**
 * What the API server says of an object's name and namespace, in its words
 * (`metadata.name: Invalid value: "a/b": may not contain '/'`); empty when both are valid.
 * `namespace` undefined: a cluster-scoped kind.
 */
export function objectNameProblems(rule: NameRule, name: string, namespace: string | undefined): NameProblem[] {
  const out: NameProblem[] = [];
  const add = (field: NameProblem["field"], value: string, msgs: string[]) => {
    if (value === "")
      out.push({ field, message: field === "metadata.name" ? `${field}: Required value: name or generateName is required` : `${field}: Required value` });
    else if (msgs.length > 0) out.push({ field, message: `${field}: Invalid value: ${JSON.stringify(value)}: ${msgs.join(", ")}` });
  };
  if (namespace !== undefined) add("metadata.namespace", namespace, pathSegmentProblems(namespace).concat(isDNS1123Label(namespace)));
  const segment = pathSegmentProblems(name);
  add("metadata.name", name, segment.length > 0 ? segment : RULES[rule](name));
  return out;
}
