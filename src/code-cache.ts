// A V8 code cache for the bundle, for the Node versions that have no compile cache of their own
// to flush (20, and 22 before 22.10; bin/mldrill.js turns Node's own on elsewhere). Without one,
// Node compiles every chunk afresh on every run: `core` alone is about a fifth of what `daily
// --json` adds to Node's start. Each chunk is compiled with the bytecode V8 made of it the last
// time; a chunk compiled without it has its bytecode saved as the run ends, the functions it ran
// included. V8 checks a cache against its own version and flags and the source's length only,
// so each cache file starts with the stamp of the chunk it was made from (file-stamp.ts): an
// entry keeps its name (main.js) from build to build, and a rebuilt one of the same length ran
// the old build's bytecode. Each file is named after its chunk and the bundle's directory too:
// two installs on one machine (a global one and a working copy) keep apart rather than each
// replacing the other's.
//
// Bytecode is code: the cache lives in a directory of the user's own that no one else may write
// (a link there, another owner or a group- or world-writable mode turns the cache off), it is
// read only from regular files of a bounded size, and it is replaced whole (store/atomic.ts).
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { stampOf, sameStamp, STAMP_LENGTH, type Stamp } from './file-stamp.js';
import { hashName } from './hash.js';
import { readRegular } from './read-file.js';
import { writeFileAtomic } from './store/atomic.js';

/** Far more than the bytecode of the largest chunk (some 200 KB); anything larger is not ours. */
const MAX_CACHE_BYTES = 16 * 1024 * 1024;
/** Every build names its chunks anew: files not written for this long go when a run saves any. */
const STALE_MS = 7 * 24 * 3600 * 1000;
/** Smaller files (the entries, main.js and io.js) compile faster than their cache would read. */
const MIN_CACHED_CHARS = 8 * 1024;
/** The entry that import()s packages (scripts/bundle.mjs): compiled by Node, or its import() fails. */
const UNCACHED = new Set(['import-package.js']);

export interface CodeCache {
  /** Saves the bytecode of the chunks compiled without a cache this run. Never throws. */
  save(): void;
}

interface Pending {
  script: vm.Script;
  file: string;
  stamp: Stamp;
}

/** The stamp's numbers, then the bytecode. */
const HEADER_BYTES = STAMP_LENGTH * 8;

/** Node's CommonJS internals that the cache takes over for the bundle's own files. */
interface ModuleInternals {
  _compile: (this: NodeJS.Module, content: string, filename: string) => unknown;
}

/**
 * Compiles the chunks in bundleDir from (and into) a cache under cacheDir, which is made if need
 * be; where the directory is not safely the user's (uid's), they are compiled as Node would.
 */
export function cacheCompiledCode(bundleDir: string, cacheDir: string, uid: number, v8Version: string): CodeCache {
  const pending: Pending[] = [];
  const install = hashName(bundleDir);
  // Looked at on the first chunk worth caching: `--version` loads none, and pays for no look.
  let usable: boolean | undefined;
  const internals = Module.prototype as unknown as ModuleInternals;
  const compile = internals._compile;
  internals._compile = function (this: NodeJS.Module, content: string, filename: string) {
    const name = path.basename(filename);
    if (path.dirname(filename) !== bundleDir || UNCACHED.has(name) || content.length < MIN_CACHED_CHARS) return compile.call(this, content, filename);
    usable ??= isPrivateDirectory(cacheDir, uid);
    const stamp = usable ? stampOf(filename) : undefined;
    if (!stamp) return compile.call(this, content, filename);
    const file = path.join(cacheDir, `${name}.${install}.${v8Version}.v8`);
    const cachedData = readCache(file, stamp);
    const script = new vm.Script(Module.wrap(content), { filename, cachedData });
    if (!cachedData || script.cachedDataRejected) pending.push({ script, file, stamp });
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown;
    return wrapper.call(this.exports, this.exports, requireFor(this), this, filename, path.dirname(filename));
  };
  return {
    save() {
      if (pending.length === 0) return;
      for (const { script, file, stamp } of pending.splice(0)) {
        try {
          const header = Buffer.alloc(HEADER_BYTES);
          stamp.forEach((value, i) => header.writeDoubleLE(value, i * 8));
          // A link in the cache's place is replaced, never written through.
          writeFileAtomic(file, Buffer.concat([header, script.createCachedData()]), 'refuse');
        } catch {
          // A full or read-only disk, a file-size limit: the next run compiles afresh and tries again.
        }
      }
      removeStale(cacheDir);
    },
  };
}

/** The require a CommonJS module gets, as far as the bundle's chunks use it: require(id). */
function requireFor(module: NodeJS.Module): (id: string) => unknown {
  return (id) => module.require(id) as unknown;
}

/** Makes the directory (mode 0700) if it is missing; true when it is a directory of uid's that no one else may write. */
function isPrivateDirectory(dir: string, uid: number): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = fs.lstatSync(dir);
    return stat.isDirectory() && stat.uid === uid && (stat.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** The bytecode kept for the chunk whose stamp is given; undefined when there is none, or it was made of another file. */
function readCache(file: string, stamp: Stamp): Buffer | undefined {
  try {
    const data = readRegular(file, MAX_CACHE_BYTES);
    if (data.length <= HEADER_BYTES) return undefined;
    const recorded = Array.from({ length: STAMP_LENGTH }, (_, i) => data.readDoubleLE(i * 8));
    return sameStamp(recorded, stamp) ? data.subarray(HEADER_BYTES) : undefined;
  } catch {
    return undefined;
  }
}

function removeStale(cacheDir: string): void {
  try {
    const before = Date.now() - STALE_MS;
    for (const name of fs.readdirSync(cacheDir)) {
      const file = path.join(cacheDir, name);
      const stat = fs.lstatSync(file, { throwIfNoEntry: false });
      if (stat?.isFile() && stat.mtimeMs < before) fs.rmSync(file, { force: true });
    }
  } catch {
    // Left for another run.
  }
}
