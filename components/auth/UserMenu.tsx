"use client";

/** Who is logged in, and the way out. */
export function UserMenu({ username, readOnly }: { username: string; readOnly: boolean }) {
  const logout = async () => {
    await fetch("/api/auth/logout", { method: "POST" }).catch(() => undefined);
    window.location.assign("/login");
  };
  return (
    <div className="flex items-center gap-3 text-sm" data-user={username}>
      {readOnly && <span className="rounded bg-slate-700 px-2 py-0.5 text-xs text-slate-200">read-only</span>}
      <span className="text-slate-300">
        Signed in as <span className="font-mono text-white">{username}</span>
      </span>
      <button type="button" onClick={() => void logout()} className="rounded border border-slate-600 px-2 py-0.5 text-slate-200 hover:bg-slate-800">
        Log out
      </button>
    </div>
  );
}
