// Kubernetes name checks (k8s.io/apimachinery/pkg/util/validation) with the same messages, since
// the API server and Knative's webhook quote them verbatim.

const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

const DNS1035_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const QUALIFIED_NAME_MSG =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

function maxLen(n: number): string {
  return `must be no more than ${n} characters`;
}

/** validation.IsDNS1035Label: empty when valid. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (!DNS1035_LABEL.test(value)) errs.push(DNS1035_MSG);
  return errs;
}

/** validation.IsDNS1123Label: empty when valid. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(maxLen(63));
  if (!DNS1123_LABEL.test(value)) errs.push(DNS1123_LABEL_MSG);
  return errs;
}

/** validation.IsDNS1123Subdomain: empty when valid. */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLen(253));
  if (!DNS1123_SUBDOMAIN.test(value)) errs.push(DNS1123_SUBDOMAIN_MSG);
  return errs;
}

/** validation.IsQualifiedName (`[prefix/]name`, as label keys): empty when valid. */
export function isQualifiedName(value: string): string[] {
  const parts = value.split("/");
  let name: string;
  const errs: string[] = [];
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else for (const m of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${m}`);
  } else {
    return [`a qualified name ${QUALIFIED_NAME_MSG.replace("name part must", "must")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push(`name part ${maxLen(63)}`);
  if (name.length > 0 && !QUALIFIED_NAME.test(name)) errs.push(QUALIFIED_NAME_MSG);
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
    if (value === "") out.push({ field, message: field === "metadata.name" ? `${field}: Required value: name or generateName is required` : `${field}: Required value` });
    else if (msgs.length > 0) out.push({ field, message: `${field}: Invalid value: ${JSON.stringify(value)}: ${msgs.join(", ")}` });
  };
  if (namespace !== undefined) add("metadata.namespace", namespace, pathSegmentProblems(namespace).concat(isDNS1123Label(namespace)));
  const segment = pathSegmentProblems(name);
  add("metadata.name", name, segment.length > 0 ? segment : RULES[rule](name));
  return out;
}
