import { cookies } from "next/headers";
import { CONTEXT_COOKIE } from "@/lib/live/session-cookie";
import { resolveSession, type Session } from "@/lib/store/registry";

/** The store for this request: the browser's chosen context, or the workspace. */
export async function requestSession(): Promise<Session> {
  return resolveSession((await cookies()).get(CONTEXT_COOKIE)?.value);
}
