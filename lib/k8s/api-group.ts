/** The group part of an apiVersion: "gateway.networking.k8s.io/v1" → "gateway.networking.k8s.io", "v1" (core) → "". */
export function apiGroup(apiVersion: string | undefined): string {
  const slash = apiVersion?.indexOf("/") ?? -1;
  return apiVersion && slash >= 0 ? apiVersion.slice(0, slash) : "";
}
