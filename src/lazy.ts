// A value worked out on first use and kept: for tables that cost start-up time in every command
// that loads their module, but only some of those commands use.

/** `make`'s result, made on the first call and returned by every call after. */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
