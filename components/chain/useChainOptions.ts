"use client";
import { useMemo } from "react";
import type { ChainOptions, ObjectIndex } from "@/lib/chain";
import { predictFor } from "@/lib/chain/predicted";
import { chainGatewayFrom, chainIstioFrom } from "@/lib/knative/chain-options";
import { useKnativeSettings } from "@/lib/query/use-knative-settings";

/**
 * The chain's expectations from the cluster's Knative configuration; undefined until it is read
 * (or failed to be), so a chain is drawn once, not drawn and then redrawn with more findings.
 */
export function useChainOptions(index: ObjectIndex | undefined): ChainOptions | undefined {
  const { settings, error } = useKnativeSettings();
  // What a conformant implementation must write, once per set of objects (not per chain).
  const prediction = useMemo(() => (index ? predictFor(index) : undefined), [index]);
  return useMemo(() => {
    if (!settings && !error) return undefined;
    const gateway = chainGatewayFrom(settings);
    const istio = chainIstioFrom(settings);
    return { ...(gateway && { gateway }), ...(istio && { istio }), ...(prediction && { prediction }) };
  }, [settings, error, prediction]);
}
