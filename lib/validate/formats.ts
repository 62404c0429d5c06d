// String formats the API server checks on custom resources (go-openapi strfmt). Only the ones a
// CRD plausibly uses are implemented; an unknown format passes, as it does on the server for
// formats outside its list. The Gateway API HTTPRoute spec itself uses none.
import { isIPv4, isIPv6 } from "./ip.ts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const CHECKS: Record<string, (v: string) => boolean> = {
  date: (v) => DATE.test(v),
  "date-time": (v) => DATE_TIME.test(v),
  datetime: (v) => DATE_TIME.test(v),
  byte: (v) => BASE64.test(v),
  uuid: (v) => UUID.test(v),
  ipv4: isIPv4,
  ipv6: isIPv6,
  cidr: (v) => {
    const [ip, bits, more] = v.split("/");
    if (ip === undefined || bits === undefined || more !== undefined || !/^\d{1,3}$/.test(bits)) return false;
    return isIPv4(ip) ? Number(bits) <= 32 : isIPv6(ip) && Number(bits) <= 128;
  },
};

/** The format name to report when `v` does not match it, else undefined. */
export function checkFormat(format: string, v: string): string | undefined {
  const check = CHECKS[format];
  return check && !check(v) ? format : undefined;
}
