"use server";
import { cookies } from "next/headers";
import { CONTEXT_COOKIE } from "@/lib/live/session-cookie";
import { requestSession } from "@/lib/session";

export type SwitchResult = { ok: true } | { ok: false; message: string };

/** Remembers the chosen kubeconfig context for this browser; only names from the kubeconfig. */
export async function switchContext(name: string): Promise<SwitchResult> {
  const { contexts } = await requestSession();
  if (!contexts.some((c) => c.name === name)) return { ok: false, message: `There is no context "${name}" in the kubeconfig.` };
  (await cookies()).set(CONTEXT_COOKIE, name, { httpOnly: true, sameSite: "strict", path: "/" });
  return { ok: true };
}
