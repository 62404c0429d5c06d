// ObjectMeta as the API server types it. Every CRD declares metadata as a bare `type: object`;
// the server replaces that with the core ObjectMeta, from the OpenAPI that k8s.io/apimachinery
// generates (apiextensions-apiserver pkg/generated/openapi: schema_pkg_apis_meta_v1_ObjectMeta,
// _OwnerReference, _ManagedFieldsEntry). Server-side apply's typed patch checks metadata against
// it, list types and key defaults included (an ownerReference without uid is keyed uid="").
import type { JSONSchemaProps } from "./crd-types.ts";

const str: JSONSchemaProps = { type: "string" };
const requiredStr: JSONSchemaProps = { type: "string", default: "" };
const int64: JSONSchemaProps = { type: "integer", format: "int64" };
const bool: JSONSchemaProps = { type: "boolean" };
/** metav1.Time: an RFC 3339 string in OpenAPI (parsed only when decoded into ObjectMeta). */
const time: JSONSchemaProps = { type: "string", format: "date-time" };
const stringMap: JSONSchemaProps = { type: "object", additionalProperties: { type: "string", default: "" } };

const ownerReference: JSONSchemaProps = {
  type: "object",
  required: ["apiVersion", "kind", "name", "uid"],
  properties: { apiVersion: requiredStr, kind: requiredStr, name: requiredStr, uid: requiredStr, controller: bool, blockOwnerDeletion: bool },
  "x-kubernetes-map-type": "atomic",
};

const managedFieldsEntry: JSONSchemaProps = {
  type: "object",
  properties: {
    manager: str,
    operation: str,
    apiVersion: str,
    time,
    fieldsType: str,
    // metav1.FieldsV1 is free-form JSON.
    fieldsV1: { type: "object" },
    subresource: str,
  },
};

export const OBJECT_META: JSONSchemaProps = {
  type: "object",
  properties: {
    name: str,
    generateName: str,
    namespace: str,
    selfLink: str,
    uid: str,
    resourceVersion: str,
    generation: int64,
    creationTimestamp: time,
    deletionTimestamp: time,
    deletionGracePeriodSeconds: int64,
    labels: stringMap,
    annotations: stringMap,
    ownerReferences: {
      type: "array",
      items: { ...ownerReference, default: {} },
      "x-kubernetes-list-type": "map",
      "x-kubernetes-list-map-keys": ["uid"],
    },
    finalizers: { type: "array", items: { type: "string", default: "" }, "x-kubernetes-list-type": "set" },
    managedFields: { type: "array", items: { ...managedFieldsEntry, default: {} }, "x-kubernetes-list-type": "atomic" },
  },
};

/** The Go types ObjectMeta decodes into on create and update, for the decoder's error messages. */
export type GoType =
  | { kind: "string" | "int64" | "bool" | "time" | "raw"; name: string }
  | { kind: "map"; name: string; elem: GoType }
  | { kind: "slice"; name: string; elem: GoType }
  | { kind: "struct"; name: string; fields: Record<string, GoType> };

const goString: GoType = { kind: "string", name: "string" };
const goInt64: GoType = { kind: "int64", name: "int64" };
const goBool: GoType = { kind: "bool", name: "bool" };
const goTime: GoType = { kind: "time", name: "v1.Time" };
const goStringMap: GoType = { kind: "map", name: "map[string]string", elem: goString };

const goOwnerReference: GoType = {
  kind: "struct",
  name: "v1.OwnerReference",
  fields: { apiVersion: goString, kind: goString, name: goString, uid: goString, controller: goBool, blockOwnerDeletion: goBool },
};

const goManagedFieldsEntry: GoType = {
  kind: "struct",
  name: "v1.ManagedFieldsEntry",
  fields: {
    manager: goString,
    operation: goString,
    apiVersion: goString,
    time: goTime,
    fieldsType: goString,
    fieldsV1: { kind: "raw", name: "v1.FieldsV1" },
    subresource: goString,
  },
};

export const GO_OBJECT_META: GoType = {
  kind: "struct",
  name: "v1.ObjectMeta",
  fields: {
    name: goString,
    generateName: goString,
    namespace: goString,
    selfLink: goString,
    uid: goString,
    resourceVersion: goString,
    generation: goInt64,
    creationTimestamp: goTime,
    deletionTimestamp: goTime,
    deletionGracePeriodSeconds: goInt64,
    labels: goStringMap,
    annotations: goStringMap,
    ownerReferences: { kind: "slice", name: "[]v1.OwnerReference", elem: goOwnerReference },
    finalizers: { kind: "slice", name: "[]string", elem: goString },
    managedFields: { kind: "slice", name: "[]v1.ManagedFieldsEntry", elem: goManagedFieldsEntry },
  },
};
