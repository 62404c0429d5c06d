// IP address parsing as Go's net/netip.ParseAddr does it (no leading zeros in IPv4, no zones),
// shared by the `ipv4`/`ipv6` formats and the Kubernetes CEL `isIP` function.

export function isIPv4(s: string): boolean {
  const parts = s.split(".");
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIPv6(s: string): boolean {
  if (s.includes("%")) return false; // zones are not addresses
  let head = s;
  let groupsForTail = 0;
  const lastColon = s.lastIndexOf(":");
  if (lastColon >= 0 && s.slice(lastColon + 1).includes(".")) {
    if (!isIPv4(s.slice(lastColon + 1))) return false;
    head = s.slice(0, lastColon + 1) + "0";
    groupsForTail = 1; // the dotted tail takes two groups; "0" stands for one, count the other
  }
  const halves = head.split("::");
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === "" ? [] : h.split(":"));
  const left = groups(halves[0] ?? "");
  const right = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if (![...left, ...right].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  const n = left.length + right.length + groupsForTail;
  return halves.length === 2 ? n < 8 : n === 8;
}

/** Kubernetes CEL `isIP`: either family; IPv4-mapped IPv6 is refused like the server does. */
export function isIP(s: string): boolean {
  if (isIPv4(s)) return true;
  if (!isIPv6(s)) return false;
  return !/^(0{0,4}:){0,5}:?ffff:\d+\.\d+\.\d+\.\d+$/i.test(s) && !/^::ffff:/i.test(s);
}
