"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ClusterContext } from "@/lib/query/cluster-context";

export function Providers({ context, children }: { context: string | undefined; children: ReactNode }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <ClusterContext.Provider value={context}>{children}</ClusterContext.Provider>
    </QueryClientProvider>
  );
}
