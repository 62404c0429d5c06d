// Test-only: HTTPRoutes generated from the CRD's own schema. The CRD declares `metadata` as a
// bare object, so metadata is written here after the core ObjectMeta, with unknown fields too.
import fc from "fast-check";
import type { HTTPRoute } from "../../gateway/types.generated";
import { httpRouteSchema } from "./crd";
import { jsonValue, schemaArbitrary, unknownFieldsArbitrary, type SchemaArbitraryOptions } from "./schema-arbitrary";

const dnsLabel = fc.stringMatching(/^[a-z]([-a-z0-9]{0,10}[a-z0-9])?$/);
const timestamp = fc
  .date({ min: new Date("2020-01-01T00:00:00Z"), max: new Date("2026-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().replace(/\.\d{3}Z$/, "Z"));
const labelMap = fc.dictionary(fc.stringMatching(/^[a-z.]{1,8}\/?[a-z]{1,8}$/), fc.string({ maxLength: 12 }), {
  maxKeys: 3,
  noNullPrototype: true,
});

export const objectMetaArbitrary: fc.Arbitrary<unknown> = fc
  .tuple(
    unknownFieldsArbitrary,
    fc.record(
      {
        // Few distinct names, so that graphs of several routes meet duplicate names.
        name: fc.oneof(fc.constantFrom("web", "api", "docs"), dnsLabel),
        namespace: fc.constantFrom("default", "team-a", "team-b"),
        uid: fc.uuid(),
        resourceVersion: fc.nat().map(String),
        generation: fc.nat(),
        creationTimestamp: timestamp,
        labels: labelMap,
        annotations: labelMap,
        finalizers: fc.array(dnsLabel, { maxLength: 2 }),
        ownerReferences: fc.array(
          fc.record(
            {
              apiVersion: fc.constant("networking.internal.knative.dev/v1alpha1"),
              kind: fc.constant("Ingress"),
              name: dnsLabel,
              uid: fc.uuid(),
              controller: fc.boolean(),
            },
            { noNullPrototype: true },
          ),
          { maxLength: 1 },
        ),
        managedFields: fc.array(
          fc.record(
            {
              manager: dnsLabel,
              operation: fc.constantFrom("Apply", "Update"),
              apiVersion: fc.constant("gateway.networking.k8s.io/v1"),
              time: timestamp,
              fieldsType: fc.constant("FieldsV1"),
              fieldsV1: fc.dictionary(fc.constantFrom("f:spec", "f:metadata", "f:status"), jsonValue, { noNullPrototype: true }),
            },
            { noNullPrototype: true },
          ),
          { maxLength: 2 },
        ),
      },
      { requiredKeys: ["name", "namespace"], noNullPrototype: true },
    ),
  )
  .map(([extra, meta]) => ({ ...extra, ...meta }));

export interface HTTPRouteArbitraryOptions extends SchemaArbitraryOptions {
  readonly apiVersion?: string;
}

/** HTTPRoutes reaching every field of the v1 schema (and unknown ones), valid or not. */
export function httpRouteArbitrary(options: HTTPRouteArbitraryOptions = {}): fc.Arbitrary<HTTPRoute> {
  const version = options.apiVersion ?? "v1";
  const schema = httpRouteSchema(version);
  // Objects served by the API server always carry these, though the CRD does not require them.
  const required = [...(schema.required ?? []), "apiVersion", "kind", "metadata"];
  const arb = schemaArbitrary(
    { ...schema, required },
    {
      unknownFields: true,
      ...options,
      overrides: {
        apiVersion: fc.constant(`gateway.networking.k8s.io/${version}`),
        kind: fc.constant("HTTPRoute"),
        metadata: objectMetaArbitrary,
        ...options.overrides,
      },
    },
  );
  // The schema makes spec required and shapes every field; the cast names that shape.
  return arb as fc.Arbitrary<HTTPRoute>;
}
