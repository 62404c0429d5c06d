// The metadata checks the API server makes on every custom resource before its schema:
// a name (or generateName) that is a DNS-1123 subdomain.
import { invalid, required, type FieldError } from "./field-errors.ts";
import { isPlainObject } from "./defaults.ts";

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export function validateObjectMeta(meta: unknown, out: FieldError[]): void {
  const m = isPlainObject(meta) ? meta : {};
  const name = m.name;
  if (typeof name !== "string" || name === "") {
    if (typeof m.generateName !== "string" || m.generateName === "") {
      out.push(required("metadata.name", "name or generateName is required"));
    }
    return;
  }
  if (name.length > 253) out.push(invalid("metadata.name", name, "must be no more than 253 characters"));
  if (!SUBDOMAIN.test(name)) out.push(invalid("metadata.name", name, SUBDOMAIN_MSG));
}
