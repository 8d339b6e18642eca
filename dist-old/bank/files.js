// Where bank files live and how their paths are shown. Kept free of the YAML parser and zod,
// so that a run served from the cache (src/bank/cache.ts) never loads them.
import fs from 'node:fs';
import path from 'node:path';
import { MissingBankError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';
/**
 * The directories to load: built-in, then the config file's, then each --bank, then each entry of MLDRILL_BANK. One
 * that does not exist is a usage error rather than an empty bank: a mistyped path would
 * otherwise pass unnoticed, and `lint` would check nothing and pass.
 */
export function bankDirectories(cwd, env, options = {}) {
    const builtin = options.noBuiltin ? [] : [path.join(PACKAGE_ROOT, 'rubrics'), path.join(PACKAGE_ROOT, 'questions')];
    const given = (options.bank ?? []).filter(Boolean).map((dir) => ({ dir, from: 'option' }));
    const inEnv = (env.MLDRILL_BANK ?? '').split(path.delimiter).filter(Boolean).map((dir) => ({ dir, from: 'environment' }));
    return [...builtin, ...(options.configBank ?? []), ...[...given, ...inEnv].map(({ dir, from }) => {
            const full = path.resolve(cwd, dir);
            if (!fs.existsSync(full))
                throw new MissingBankError(dir, from);
            return full;
        })];
}
/**
 * Every .yaml/.yml file under the given files and directories (absolute), in order and each
 * once, even when two entries overlap or reach the same file through a symlinked directory.
 * A file given by name is taken whatever its extension; hidden entries and node_modules are
 * skipped. Each directory read is added to `walk.dirs`, for callers that watch directories for
 * new or removed files; each that cannot be read to `walk.unreadable`, for a finding: a
 * directory skipped in silence would pass lint unchecked.
 */
export function findYamlFiles(entries, walk = {}) {
    return [...findYamlEntries(entries, walk).values()];
}
/** findYamlFiles, keyed by the real path that tells two ways to one file apart from two files. */
export function findYamlEntries(entries, walk = {}) {
    const found = new Map();
    for (const entry of entries) {
        const stat = fs.statSync(entry, { throwIfNoEntry: false });
        if (!stat)
            continue;
        // Only the entry is resolved: one realpath per entry, not per file, keeps 10,000 files cheap.
        const real = realPath(entry);
        // Anything else given by name (a FIFO, a device) is listed, for the reader to refuse by name.
        const files = stat.isDirectory() ? collectYaml(entry, [], walk).sort() : [entry];
        for (const file of files) {
            const identity = path.join(real, path.relative(entry, file));
            if (!found.has(identity))
                found.set(identity, file);
        }
    }
    return found;
}
function collectYaml(dir, into, walk) {
    let children;
    try {
        children = fs.readdirSync(dir, { withFileTypes: true });
    }
    catch (error) {
        // Gone since its parent was listed: nothing to check, nothing to say.
        if (error.code !== 'ENOENT')
            walk.unreadable?.push({ dir, error });
        return into;
    }
    walk.dirs?.push(dir);
    for (const child of children) {
        if (child.name.startsWith('.') || child.name === 'node_modules')
            continue;
        // dir is already normal, so plain joining is exact and much cheaper than path.join.
        const full = dir + path.sep + child.name;
        if (child.isDirectory())
            collectYaml(full, into, walk);
        // Whatever the entry is (a FIFO, a link to a device), a .yaml name is listed: the reader
        // refuses what is not a regular file, and says so.
        else if (/\.ya?ml$/.test(child.name))
            into.push(full);
    }
    return into;
}
/** The canonical path of an existing entry; a broken link stands for itself. */
function realPath(entry) {
    try {
        return fs.realpathSync.native(entry);
    }
    catch {
        return path.resolve(entry);
    }
}
/** Shows paths relative to cwd when they are inside it, so findings stay short and clickable. */
export function displayPath(cwd, file) {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
