// How a predicted object (one the controllers would create, not one read) is told apart, and
// what was said about the Knative Service it was predicted for. Shared by chain/synthesize,
// which makes them, and the builder, which marks their nodes.
import type { KubeObject } from "../k8s/meta";

export const PREDICTED_ANNOTATION = "routeboard.dev/predicted";

export const isPredicted = (o: KubeObject | undefined): boolean => o?.metadata.annotations?.[PREDICTED_ANNOTATION] !== undefined;

export interface PredictedService {
  /** The kinds predicted for it, in chain order. */
  kinds: string[];
  /** Why Knative or its ingress would stop short, in their words. */
  problems: string[];
}
