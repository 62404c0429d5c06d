"use client";
import { useMemo } from "react";
import { indexObjects, predictControllerObjects, predictFor, type ChainOptions, type ObjectIndex, type PredictedControllers } from "@/lib/chain";
import { chainGatewayFrom, chainIstioFrom } from "@/lib/knative";
import type { KnativeSettings } from "@/lib/knative";
import { useKnativeSettings } from "@/lib/query";
import type { LiveObjects } from "./useLiveObjects";

export interface ChainInputs {
  /** The objects read, and in a workspace folder those the controllers would make of them. */
  index: ObjectIndex;
  options: ChainOptions;
}

function predicted(objects: LiveObjects["objects"], settings: KnativeSettings | undefined): PredictedControllers | undefined {
  if (!objects || !settings) return undefined;
  const gateway = chainGatewayFrom(settings);
  const istio = chainIstioFrom(settings);
  return predictControllerObjects(objects, { network: settings.network.config, ...(gateway && { gateway }), ...(istio && { istio }) });
}

/**
 * What a chain is resolved over: the live objects and the expectations from the cluster's
 * Knative configuration. Undefined until both are read (or the settings failed to be), so a
 * chain is drawn once, not drawn and then redrawn with more findings. With predictControllers (a
 * workspace folder, which holds Knative Services but none of what the controllers make), the
 * Configuration, Revisions, Route, KIngress and HTTPRoutes or VirtualServices are predicted.
 */
export function useChainInputs(live: LiveObjects, { predictControllers = false }: { predictControllers?: boolean } = {}): ChainInputs | undefined {
  const { settings, error } = useKnativeSettings();
  const synthesized = useMemo(() => (predictControllers ? predicted(live.objects, settings) : undefined), [predictControllers, live.objects, settings]);
  const index = useMemo(
    () => (synthesized && live.objects ? indexObjects([...live.objects, ...synthesized.objects]) : live.index),
    [synthesized, live.objects, live.index],
  );
  // What a conformant implementation must write, once per set of objects (not per chain).
  const prediction = useMemo(() => (index ? predictFor(index) : undefined), [index]);
  return useMemo(() => {
    if (!index || !prediction || (!settings && !error)) return undefined;
    const gateway = chainGatewayFrom(settings);
    const istio = chainIstioFrom(settings);
    const options: ChainOptions = { ...(gateway && { gateway }), ...(istio && { istio }), prediction, ...(synthesized && { predicted: synthesized.services }) };
    return { index, options };
  }, [index, prediction, settings, error, synthesized]);
}
