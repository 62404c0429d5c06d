export { checkCustomResource, checkHTTPRoute, validateHTTPRoute, validateCustomResource } from "./validate-httproute.ts";
export type { ValidationError, ValidationResult, ValidationWarning, ValidateOptions } from "./validate-httproute.ts";
export type { CustomResourceDefinition, CustomResourceDefinitionVersion, JSONSchemaProps, JSONValue, ValidationRule } from "./crd-types.ts";
export { compileIssues } from "./compile-issues.ts";
export type { CompileIssue } from "./cel-compile.ts";
export { VALIDATION_CRDS } from "./crd-names.ts";
