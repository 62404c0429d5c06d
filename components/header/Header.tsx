import Link from "next/link";
import { UserMenu } from "@/components/auth/UserMenu";
import { requestSession } from "@/lib/session";
import { ContextSwitcher, type ContextOption } from "./ContextSwitcher";
import { StoreBanner } from "./StoreBanner";

const NAV = [
  { href: "/routes", label: "HTTPRoutes" },
  { href: "/services", label: "Knative Services" },
  { href: "/troubleshoot", label: "Troubleshoot" },
  { href: "/migrate", label: "Migrate" },
];

export async function Header({ contexts, current, problem }: { contexts: ContextOption[]; current?: string; problem?: string }) {
  // The layout passes the context list; the banner needs the store choice too, so ask the session.
  const { banner, user, readOnly } = await requestSession();
  return (
    <header className="bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
        <nav aria-label="Main" className="flex items-center gap-6">
          <Link href="/routes" className="text-lg font-semibold tracking-tight">
            Routeboard
          </Link>
          {NAV.map((n) => (
            <Link key={n.href} href={n.href} className="text-sm text-slate-300 hover:text-white">
              {n.label}
            </Link>
          ))}
        </nav>
        {user ? (
          <UserMenu username={user.username} readOnly={readOnly} />
        ) : (
          <div className="flex items-center gap-3">
            {readOnly && <span className="rounded bg-slate-700 px-2 py-0.5 text-xs text-slate-200">read-only</span>}
            <ContextSwitcher contexts={contexts} current={current} />
          </div>
        )}
      </div>
      <StoreBanner banner={banner} {...(user && { user: user.username })} />
      {problem && (
        <p role="alert" className="bg-amber-100 px-4 py-2 text-center text-sm text-amber-900">
          {problem}
        </p>
      )}
    </header>
  );
}
