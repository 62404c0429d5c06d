"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ClusterContext } from "@/lib/query";
import { ReadOnlyContext } from "@/lib/query";

export function Providers({ context, readOnly, children }: { context: string | undefined; readOnly: boolean; children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <ClusterContext.Provider value={context}>
        <ReadOnlyContext.Provider value={readOnly}>{children}</ReadOnlyContext.Provider>
      </ClusterContext.Provider>
    </QueryClientProvider>
  );
}
