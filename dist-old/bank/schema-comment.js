// The `# yaml-language-server: $schema=…` line that lets editors complete and check a file
// while the author types: what it should say for a file, and whether a file has a working one.
import fs from 'node:fs';
import path from 'node:path';
import { stripControl } from '../text.js';
import { PACKAGE_ROOT } from '../package-root.js';
const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S*)/;
/** A URL (two or more letters before the colon, so `C:\…` stays a path). */
const URL_LIKE = /^[a-z][a-z0-9+.-]+:/i;
/** The schema of a kind, shipped in the package's schema/ directory. */
function schemaPath(kind) {
    return path.join(PACKAGE_ROOT, 'schema', `${kind}.schema.json`);
}
/**
 * The schema a file should point at: the nearest `schema/<kind>.schema.json` in the file's
 * directory or above it (a repository of questions that keeps its own copy, or this one), else
 * the one shipped with mldrill.
 */
function schemaFor(file, kind, exists = fs.existsSync) {
    for (let dir = path.dirname(file);; dir = path.dirname(dir)) {
        const candidate = path.join(dir, 'schema', `${kind}.schema.json`);
        if (exists(candidate))
            return candidate;
        if (path.dirname(dir) === dir)
            return schemaPath(kind);
    }
}
/** The modeline for a file at `file` (absolute): a relative path from it to its schema. */
export function schemaModeline(file, kind, exists = fs.existsSync) {
    const relative = path.relative(path.dirname(file), schemaFor(file, kind, exists)).split(path.sep).join('/');
    return `# yaml-language-server: $schema=${relative}`;
}
/**
 * fs.existsSync asked once per path, for one run over many files: a bank's files mostly point
 * at the same schema, and asking again for each one shows in a large lint. Made per run, so a
 * schema created since is found by the next.
 */
export function existsOnce() {
    const known = new Map();
    return (file) => {
        let answer = known.get(file);
        if (answer === undefined)
            known.set(file, (answer = fs.existsSync(file)));
        return answer;
    };
}
/** Warns when the leading comments lack a modeline, or its path leads nowhere or to the other kind's schema. */
export function checkSchemaComment(source, file, shown, kind, exists = fs.existsSync) {
    const warn = (line, column, message) => [{ file: shown, line, column, severity: 'warning', rule: 'schema-comment', message: stripControl(message) }];
    // Worked out only for a finding: it looks for schema/ in every directory above the file.
    const wanted = () => schemaModeline(file, kind, exists);
    // A byte order mark is not part of the first line.
    let start = source.startsWith('\uFEFF') ? 1 : 0;
    for (let line = 1; start < source.length; line++) {
        const end = source.indexOf('\n', start);
        const text = source.slice(start, end === -1 ? source.length : end).trimEnd();
        start = end === -1 ? source.length : end + 1;
        if (text.trim() === '')
            continue;
        if (!text.startsWith('#'))
            break;
        const match = MODELINE.exec(text);
        if (!match)
            continue;
        const target = match[1];
        const column = text.indexOf('$schema=') + '$schema='.length + 1;
        if (URL_LIKE.test(target))
            return [];
        const resolved = path.resolve(path.dirname(file), target);
        const other = kind === 'question' ? 'rubric' : 'question';
        if (path.basename(resolved) === `${other}.schema.json`) {
            return warn(line, column, `this is a ${kind} file but $schema points to the ${other} schema; write ${wanted()}`);
        }
        if (!exists(resolved)) {
            return warn(line, column, `$schema path "${target}" does not exist from this file, so editors cannot check it; write ${wanted()}`);
        }
        return [];
    }
    return warn(1, 1, `no "# yaml-language-server: $schema=…" line, so editors cannot complete or check this file; add this first line: ${wanted()}`);
}
