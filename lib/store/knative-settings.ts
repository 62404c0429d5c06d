// Knative's ConfigMaps read with the user's credentials. Reading them is optional: a user who
// may not is told that Knative's defaults are assumed.
import {
  knativeSettings,
  KNATIVE_NAMESPACE,
  SETTINGS_CONFIG_MAPS,
  stringData,
  type ConfigMapRead,
  type KnativeSettings,
  type SettingsConfigMap,
} from "../knative/settings";
import type { Store } from "./types";

export async function readKnativeSettings(store: Store, namespace = KNATIVE_NAMESPACE): Promise<KnativeSettings> {
  const entries = await Promise.all(
    SETTINGS_CONFIG_MAPS.map(async (name): Promise<[SettingsConfigMap, ConfigMapRead]> => {
      const r = await store.get({ kind: "ConfigMap", namespace, name });
      if (r.ok) return [name, { state: "found", data: stringData(r.value.data) }];
      if (r.error.type === "NotFound") return [name, { state: "absent" }];
      return [name, { state: "unreadable", reason: r.error.type === "Forbidden" ? "you may not read it" : r.error.message }];
    }),
  );
  return knativeSettings(Object.fromEntries(entries), namespace);
}
