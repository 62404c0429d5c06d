import { cookies } from "next/headers";
import { CONTEXT_COOKIE } from "@/lib/live/session-cookie";
import { session, type Session } from "@/lib/store/registry";

/** The store and context for this request, from the browser's chosen context. */
export async function requestSession(): Promise<Session> {
  return session((await cookies()).get(CONTEXT_COOKIE)?.value);
}
