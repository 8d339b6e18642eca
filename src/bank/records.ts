// The one test for "a YAML mapping" that the bank's checks (and lint's cache, reading its own
// JSON back) apply to data they have not validated yet.

/** Whether value is a plain mapping: an object that is neither null nor an array. */
export const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
