import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginView } from "@/components/auth/LoginView";
import { authConfig } from "@/lib/auth";
import { safeNext } from "@/lib/auth";

export const metadata: Metadata = { title: "Log in · Routeboard" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const cfg = authConfig();
  const sp = await searchParams;
  const next = safeNext(sp.next);
  if (cfg.mode === "kubeconfig") redirect(next);
  return <LoginView mode={cfg.mode} next={next} error={sp.error} expired={sp.expired === "1"} issuer={cfg.oidc?.issuer} />;
}
