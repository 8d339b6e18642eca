// The one test for "a YAML mapping" that the bank's checks and the config file's (and lint's
// cache, reading its own JSON back) apply to data they have not validated yet.

/** Whether value is a plain mapping: an object that is neither null nor an array. */
export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What YAML 1.1 would have read as a boolean (yes, no, on, off...), which YAML 1.2, the version
 * mldrill reads, takes as text: the way to write it, for the finding that says so.
 */
export function yamlOneOneBoolean(value: unknown): 'true' | 'false' | undefined {
  const match = typeof value === 'string' ? /^(?:(y|yes|on)|(n|no|off))$/i.exec(value) : null;
  return match ? (match[1] ? 'true' : 'false') : undefined;
}
