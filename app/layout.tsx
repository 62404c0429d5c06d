import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Header } from "@/components/header/Header";
import { Providers } from "@/components/Providers";
import { requestSession } from "@/lib/session";
import "@xyflow/react/dist/style.css";
import "./globals.css";

export const metadata: Metadata = {
  title: "Routeboard",
  description: "Visual route orchestration for Knative Serving and the Gateway API",
  icons: { icon: "/favicon.svg" },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const s = await requestSession();
  return (
    <html lang="en">
      <body className="min-h-screen">
        {/* The first Tab stop: past the navigation, straight to the page. */}
        <a
          href="#main"
          className="sr-only z-50 rounded bg-white px-3 py-2 text-sm font-medium text-sky-800 shadow focus:not-sr-only focus:fixed focus:left-2 focus:top-2"
        >
          Skip to content
        </a>
        <Providers context={s.user ? `user:${s.user.username}` : s.context} readOnly={s.readOnly}>
          <Header
            contexts={s.contexts.map((c) => ({ name: c.name, server: c.server ?? "" }))}
            current={s.context}
            {...(!s.needsLogin && s.problem && { problem: s.problem })}
          />
          <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-6 focus:outline-none">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
