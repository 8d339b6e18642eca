// A stamp of the code that wrote a cache, so that a rebuilt mldrill never trusts what an older
// one derived. The bank cache and lint's cache each take the stamp of their own module.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A chunk of the bundle: `[name]-[hash].js`, the hash 8 characters. */
const BUNDLE_CHUNK = /^[a-z-]+-[\w-]{8}\.js$/;

/** Stamps by module URL: a fact of the running process. */
const stamps = new Map<string, string>();

/**
 * Changes whenever the code of the module at `moduleUrl` (its import.meta.url) or of what it
 * imports does. In the bundle, the name of the module's chunk: rollup names chunks by a hash of
 * their code, which holds the hashed names of the chunks they import (see scripts/bundle.mjs).
 * Elsewhere, the name, size and mtime of every code file beside the module (under src/ or in
 * tsc's output).
 */
export function codeStamp(moduleUrl: string): string {
  let stamp = stamps.get(moduleUrl);
  if (stamp !== undefined) return stamp;
  const self = fileURLToPath(moduleUrl);
  const here = path.dirname(self);
  stamp = BUNDLE_CHUNK.test(path.basename(self))
    ? path.basename(self)
    : fs.readdirSync(here)
      .filter((name) => /\.[jt]s$/.test(name))
      .sort()
      .map((name) => {
        const stat = fs.statSync(path.join(here, name), { throwIfNoEntry: false });
        return `${name}:${stat?.size}:${stat?.mtimeMs}`;
      })
      .join(',');
  stamps.set(moduleUrl, stamp);
  return stamp;
}
