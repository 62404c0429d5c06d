// Field paths as apimachinery prints them: `spec.rules[0].matches[1].path.value`.

export const childPath = (parent: string, key: string): string => (parent ? `${parent}.${key}` : key);
export const indexPath = (parent: string, i: number): string => `${parent}[${i}]`;
/** Map keys (additionalProperties) print as `[key]`, unquoted, like field.Path.Key. */
export const keyPath = (parent: string, key: string): string => `${parent}[${key}]`;
