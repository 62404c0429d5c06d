"use client";
import { useMemo } from "react";
import type { ChainOptions } from "@/lib/chain";
import { chainGatewayFrom } from "@/lib/knative/chain-options";
import { useKnativeSettings } from "@/lib/query/use-knative-settings";

/** The chain's expectations from the cluster's Knative configuration, once it is read. */
export function useChainOptions(): ChainOptions {
  const { settings } = useKnativeSettings();
  return useMemo(() => {
    const gateway = chainGatewayFrom(settings);
    return gateway ? { gateway } : {};
  }, [settings]);
}
