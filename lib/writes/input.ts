// Action arguments arrive from the network: a crafted call may send anything. These read them
// into exact shapes or say what is wrong.

export type Read<T> = { ok: true; value: T } | { ok: false; message: string };

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function stringMap(v: unknown, what: string): Read<Record<string, string> | undefined> {
  if (v === undefined || v === null) return { ok: true, value: undefined };
  if (!isRecord(v) || !Object.values(v).every((x) => typeof x === "string")) return { ok: false, message: `${what} must map strings to strings` };
  return { ok: true, value: v as Record<string, string> };
}

export function str(v: unknown, what: string, opts: { empty?: boolean } = {}): Read<string> {
  if (typeof v !== "string" || (!opts.empty && v === "")) return { ok: false, message: `${what} must be a${opts.empty ? "" : " non-empty"} string` };
  return { ok: true, value: v };
}
