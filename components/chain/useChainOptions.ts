"use client";
import { useMemo } from "react";
import type { ChainOptions } from "@/lib/chain";
import { chainGatewayFrom } from "@/lib/knative/chain-options";
import { useKnativeSettings } from "@/lib/query/use-knative-settings";

/**
 * The chain's expectations from the cluster's Knative configuration; undefined until it is read
 * (or failed to be), so a chain is drawn once, not drawn and then redrawn with more findings.
 */
export function useChainOptions(): ChainOptions | undefined {
  const { settings, error } = useKnativeSettings();
  return useMemo(() => {
    if (!settings && !error) return undefined;
    const gateway = chainGatewayFrom(settings);
    return gateway ? { gateway } : {};
  }, [settings, error]);
}
