import { cookies } from "next/headers";
import { CONTEXT_COOKIE } from "@/lib/live/session-cookie";
import type { Store } from "@/lib/store";
import { resolveSession, type Session } from "@/lib/store/registry";

/** The store for this request: the browser's chosen context, or the workspace. */
export async function requestSession(): Promise<Session> {
  return resolveSession((await cookies()).get(CONTEXT_COOKIE)?.value);
}

/** The store and whose session it is (for confirmations and the write log), or why there is none. */
export async function requestWriter(): Promise<{ store: Store; who: string } | { problem: string }> {
  const s = await requestSession();
  if (!s.store) return { problem: s.problem ?? "no cluster" };
  const who = s.context ? `context ${s.context}` : s.banner.mode === "workspace" || s.banner.mode === "dump" ? `workspace ${s.banner.path}` : "unknown";
  return { store: s.store, who };
}
