'use strict';

var fs = require('node:fs');
var path = require('node:path');
var start = require('./start-DA7aRZP1.js');
var require$$0 = require('node:events');
var require$$4 = require('node:process');
var os = require('node:os');
var node_url = require('node:url');

var _documentCurrentScript = typeof document !== 'undefined' ? document.currentScript : null;
const fatal = new TextDecoder('utf-8', { fatal: true });
/** The text of bytes, with an `encoding` finding (named `shown`) for each line that is not UTF-8. */
function decodeSource(bytes, shown) {
    const finding = (line, message) => ({ file: shown, line, column: 1, severity: 'error', rule: 'encoding', message });
    if (isUtf16(bytes))
        return { source: '', findings: [finding(1, 'the file is UTF-16, not UTF-8; save the file as UTF-8')] };
    // No text file holds a NUL: an image or archive renamed to .yaml is one finding, not a page of parser errors.
    if (bytes.subarray(0, BINARY_SAMPLE).includes(0))
        return { source: '', findings: [finding(1, 'the file is binary (it holds NUL bytes), not YAML text; check that it is the right file')] };
    try {
        return { source: fatal.decode(bytes), findings: [] };
    }
    catch {
        // Rare: find the lines, so the author need not hunt for one byte in a long file.
        const findings = [];
        let start = 0;
        for (let line = 1; start <= bytes.length; line++) {
            let end = bytes.indexOf(0x0a, start);
            if (end === -1)
                end = bytes.length;
            try {
                fatal.decode(bytes.subarray(start, end));
            }
            catch {
                findings.push(finding(line, `line ${line} has bytes that are not UTF-8 (perhaps Latin-1 or Windows-1252); save the file as UTF-8`));
            }
            start = end + 1;
        }
        return { source: new TextDecoder().decode(bytes), findings };
    }
}
/** How far into a file to look for a NUL: enough for any header of a binary format. */
const BINARY_SAMPLE = 8192;
/**
 * A UTF-16 byte order mark, or the NUL in every other byte that ASCII text in UTF-16 has: all
 * of them on even offsets or all on odd ones, which a binary file's NULs are not.
 */
function isUtf16(bytes) {
    if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)))
        return true;
    const sample = bytes.subarray(0, 64);
    const nuls = [0, 0];
    for (let i = 0; i < sample.length; i++)
        if (sample[i] === 0)
            nuls[i % 2]++;
    const [even, odd] = nuls;
    return sample.length >= 4 && even + odd >= sample.length / 4 && (even === 0 || odd === 0);
}

// Reading files that anyone may have put in place of the ones we expect: a FIFO (which blocks
// a plain open), /dev/zero (which never ends) or a huge sparse file. Every reader opens with
// O_NONBLOCK, checks what it opened, and knows the size before it reads a byte.
/** What a file is, in words, for a message: "a FIFO", "a directory"... */
function kindOfFile(stat) {
    if (stat.isFile())
        return 'a regular file';
    if (stat.isDirectory())
        return 'a directory';
    if (stat.isFIFO())
        return 'a FIFO';
    if (stat.isCharacterDevice())
        return 'a character device';
    if (stat.isBlockDevice())
        return 'a block device';
    if (stat.isSocket())
        return 'a socket';
    if (stat.isSymbolicLink())
        return 'a symbolic link';
    return 'not a regular file';
}
/** The file is something other than a regular file (after following links). */
class NotRegularError extends Error {
    file;
    kind;
    code = 'ENOTREG';
    constructor(file, kind) {
        super(`${file} is ${kind}, not a regular file`);
        this.file = file;
        this.kind = kind;
    }
}
/** The file holds more than the reader will take. */
class TooLargeError extends Error {
    file;
    size;
    limit;
    code = 'EFBIG';
    constructor(file, size, limit) {
        super(`${file} is ${size} bytes, more than the ${limit} read at most`);
        this.file = file;
        this.size = size;
        this.limit = limit;
    }
}
// O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever. It changes
// nothing for a regular file, the only kind read past the fstat.
const READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0);
/**
 * Opens file for reading if it is a regular file (links followed): its descriptor and fstat,
 * taken on the descriptor so nothing can be swapped in between. Throws NotRegularError
 * otherwise, and what open throws (ENOENT...).
 */
function openRegular(file) {
    const fd = fs.openSync(file, READ_FLAGS);
    try {
        const stat = fs.fstatSync(fd);
        if (!stat.isFile())
            throw new NotRegularError(file, kindOfFile(stat));
        return { fd, stat };
    }
    catch (error) {
        fs.closeSync(fd);
        throw error;
    }
}
/** Runs use on the open regular file, and closes it. */
function withRegularFile(file, use) {
    const { fd, stat } = openRegular(file);
    try {
        return use(fd, stat);
    }
    finally {
        fs.closeSync(fd);
    }
}
/**
 * The bytes of a regular file of at most maxBytes, refused (TooLargeError) before reading
 * when it is larger; never more than its size when opened, should it grow meanwhile.
 */
function readRegular(file, maxBytes) {
    return withRegularFile(file, (fd, stat) => {
        if (stat.size > maxBytes)
            throw new TooLargeError(file, stat.size, maxBytes);
        return readRange(fd, 0, stat.size);
    });
}
/** Fills target from the file at position until it is full or the file ends; the bytes read. */
function readFully(fd, target, position) {
    const bytes = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
    let done = 0;
    while (done < bytes.length) {
        const read = fs.readSync(fd, bytes, done, bytes.length - done, position + done);
        if (read === 0)
            break;
        done += read;
    }
    return done;
}
/** The bytes from `from` to `to`, fewer if the file ends first. */
function readRange(fd, from, to) {
    const buffer = Buffer.allocUnsafe(Math.max(0, to - from));
    return buffer.subarray(0, readFully(fd, buffer, from));
}
/**
 * Far below the ~512 MiB a string can hold, so a file of any size is read a chunk at a time;
 * a history line (one session, notes included) is a few KiB.
 */
const LINE_LIMITS = { chunkBytes: 16 * 1024 * 1024, maxLineBytes: 64 * 1024 * 1024 };
/**
 * Calls onLine with each complete line (without its newline) of the file's bytes from `from`
 * to `to`, and its offset, holding no more than a chunk and a line at once; a line longer than
 * maxLineBytes comes as undefined, unread. Returns where the unfinished last line starts (to
 * when there is none).
 */
function forEachLine(fd, from, to, onLine, limits = LINE_LIMITS) {
    let lineAt = from;
    // The start of the current line, from earlier chunks, while it fits; dropped once it cannot.
    let pending = [];
    let pendingBytes = 0;
    for (let at = from; at < to;) {
        const chunk = readRange(fd, at, Math.min(to, at + limits.chunkBytes));
        if (chunk.length === 0)
            break;
        let start = 0;
        for (let newline = chunk.indexOf(0x0a); newline >= 0; start = newline + 1, newline = chunk.indexOf(0x0a, start)) {
            const length = pendingBytes + newline - start;
            if (length > limits.maxLineBytes)
                onLine(undefined, lineAt);
            else
                onLine(pending.length ? Buffer.concat([...pending, chunk.subarray(start, newline)]) : chunk.subarray(start, newline), lineAt);
            lineAt = at + newline + 1;
            pending = [];
            pendingBytes = 0;
        }
        pendingBytes += chunk.length - start;
        if (pendingBytes <= limits.maxLineBytes)
            pending.push(chunk.subarray(start));
        else
            pending = [];
        at += chunk.length;
    }
    return lineAt;
}
/** readRegular's answer as data: the text of a regular file of at most maxBytes, or why not. */
function readSmallFile(file, maxBytes) {
    try {
        return withRegularFile(file, (fd, stat) => {
            if (stat.size > maxBytes)
                return { kind: 'too-large', bytes: stat.size };
            return { kind: 'text', text: readRange(fd, 0, stat.size).toString('utf8'), mode: stat.mode };
        });
    }
    catch (error) {
        if (error instanceof NotRegularError)
            return { kind: 'not-a-file' };
        const code = error.code ?? 'error';
        // A path through a file (`config.yaml/x`) names nothing, like a missing one.
        return code === 'ENOENT' || code === 'ENOTDIR' ? { kind: 'missing' } : { kind: 'unreadable', code };
    }
}
/** The bytes of a stream (stdin) to its end; undefined once it passes maxBytes, read no further. */
async function readStreamBytes(stream, maxBytes) {
    const chunks = [];
    let size = 0;
    for await (const chunk of stream) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
        size += bytes.length;
        if (size > maxBytes)
            return undefined;
        chunks.push(bytes);
    }
    return Buffer.concat(chunks);
}
/** The UTF-8 text of a stream (stdin) to its end; undefined once it passes maxBytes. */
async function readStream(stream, maxBytes) {
    return (await readStreamBytes(stream, maxBytes))?.toString('utf8');
}

// A finding is one problem in one file, at one place, with the rule that found it.
/**
 * Files larger than this are refused before parsing: ten times the largest question shipped, so
 * room for any real one, and a bound on what the YAML parser's slow error recovery is given.
 */
const MAX_FILE_BYTES = 256 * 1024;
/** `file:line:col: message`, the form editors and terminals turn into links. */
function formatFinding(finding) {
    const tag = finding.severity === 'warning' ? 'warning: ' : '';
    return start.safe `${finding.file}:${finding.line}:${finding.column}: ${tag}${finding.message} (${finding.rule})`;
}
function compareFindings(a, b) {
    return start.compareText(a.file, b.file) || a.line - b.line || a.column - b.column || start.compareText(a.rule, b.rule);
}

// The `# yaml-language-server: $schema=…` line that lets editors complete and check a file
// while the author types: what it should say for a file, and whether a file has a working one.
const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S*)/;
/** A URL (two or more letters before the colon, so `C:\…` stays a path). */
const URL_LIKE = /^[a-z][a-z0-9+.-]+:/i;
/** The schema of a kind, shipped in the package's schema/ directory. */
function schemaPath(kind) {
    return path.join(start.PACKAGE_ROOT, 'schema', `${kind}.schema.json`);
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
function schemaModeline(file, kind, exists = fs.existsSync) {
    const relative = path.relative(path.dirname(file), schemaFor(file, kind, exists)).split(path.sep).join('/');
    return `# yaml-language-server: $schema=${relative}`;
}
/**
 * fs.existsSync asked once per path, for one run over many files: a bank's files mostly point
 * at the same schema, and asking again for each one shows in a large lint. Made per run, so a
 * schema created since is found by the next.
 */
function existsOnce() {
    const known = new Map();
    return (file) => {
        let answer = known.get(file);
        if (answer === undefined)
            known.set(file, (answer = fs.existsSync(file)));
        return answer;
    };
}
/** Warns when the leading comments lack a modeline, or its path leads nowhere or to the other kind's schema. */
function checkSchemaComment(source, file, shown, kind, exists = fs.existsSync) {
    const warn = (line, column, message) => [{ file: shown, line, column, severity: 'warning', rule: 'schema-comment', message: start.stripControl(message) }];
    // Worked out only for a finding: it looks for schema/ in every directory above the file.
    const wanted = () => schemaModeline(file, kind, exists);
    // A byte order mark is not part of the first line.
    let start$1 = source.startsWith('\uFEFF') ? 1 : 0;
    for (let line = 1; start$1 < source.length; line++) {
        const end = source.indexOf('\n', start$1);
        const text = source.slice(start$1, end === -1 ? source.length : end).trimEnd();
        start$1 = end === -1 ? source.length : end + 1;
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

// Plain constants of the formats, kept apart from the zod schemas so that the command table
// can use them without loading zod.
const CATEGORIES = [
    'recommendation',
    'search-ranking',
    'ads',
    'trust-safety',
    'perception',
    'language',
    'generative-ai',
    'marketplaces',
    'platforms',
];
const CATEGORY_TITLES = {
    recommendation: 'Recommendation',
    'search-ranking': 'Search and ranking',
    ads: 'Ads',
    'trust-safety': 'Trust, safety and fraud',
    perception: 'Perception, speech and vision',
    language: 'Language, LLM and RAG',
    'generative-ai': 'Generative AI and agents',
    marketplaces: 'Forecasting and marketplaces',
    platforms: 'Data and ML platforms',
};
const DIFFICULTIES = ['easy', 'medium', 'hard'];
const DEFAULT_RUBRIC = 'ml-system-design';
/** What an interviewer's fact is about: the things a candidate clarifies. */
const FACT_TOPICS = ['goal', 'users', 'scale', 'latency', 'surface', 'data', 'labels', 'constraints', 'privacy', 'cost', 'scope'];

// Word forms: one light, rule-based stemmer (no dictionary: deterministic and fast) that every
// comparison of typed text with authored text goes through, so that "labelled", "labeling" and
// "labels" meet at one stem, and British and American spellings at one form: the grader's
// keywords, the interviewer's fact matcher and the follow-ups' conditions. Also the words too
// generic to be a keyword alone. A leaf: the bank's lint uses it as well.
/** British spellings that no suffix rule below brings to the American form. */
const SPELLING = {
    colour: 'color', colours: 'colors', favourite: 'favorite', favourites: 'favorites', behaviour: 'behavior', behaviours: 'behaviors',
    catalogue: 'catalog', catalogues: 'catalogs', centre: 'center', centres: 'centers', metre: 'meter', metres: 'meters',
    judgement: 'judgment', judgements: 'judgments', neighbour: 'neighbor', neighbours: 'neighbors', programme: 'program',
    licence: 'license', defence: 'defense', grey: 'gray', analyse: 'analyze', analysed: 'analyzed', analysing: 'analyzing',
    travelling: 'traveling', travelled: 'traveled', cancelled: 'canceled', cheque: 'check', dialogue: 'dialog',
};
/** Forms no rule reaches. */
const IRREGULAR = {
    daily: 'day', weekly: 'week', monthly: 'month', hourly: 'hour', yearly: 'year', annually: 'year', annual: 'year',
    people: 'person', children: 'child', men: 'man', women: 'woman', data: 'data', media: 'media', criteria: 'criterion',
    ran: 'run', running: 'run', spent: 'spend', spending: 'spend', bought: 'buy', sold: 'sell', paid: 'pay', seen: 'see', saw: 'see',
    shown: 'show', known: 'know', knew: 'know', built: 'build', taken: 'take', took: 'take', gave: 'give', given: 'give',
    better: 'good', best: 'good', worse: 'bad', worst: 'bad', is: 'be', are: 'be', was: 'be', were: 'be', been: 'be', am: 'be',
    has: 'have', had: 'have', does: 'do', did: 'do', done: 'do', news: 'news', series: 'series', analysis: 'analysis', bus: 'bus',
    this: 'this', its: 'it', us: 'us', gas: 'gas', yes: 'yes', as: 'as', gpus: 'gpu', cpus: 'cpu', tpus: 'tpu', use: 'use', uses: 'use', used: 'use', using: 'use', embed: 'embed', embedded: 'embed', embedding: 'embed', embeddings: 'embed',
};
/** English stop words: a keyword that is one of these alone says nothing. */
const STOP_WORDS = [
    'a', 'about', 'after', 'all', 'also', 'an', 'and', 'any', 'are', 'as', 'at', 'be', 'been', 'before', 'but', 'by',
    'can', 'could', 'do', 'does', 'each', 'for', 'from', 'had', 'has', 'have', 'how', 'i', 'if', 'in', 'into', 'is', 'it',
    'its', 'just', 'more', 'most', 'much', 'my', 'no', 'not', 'of', 'on', 'one', 'only', 'or', 'other', 'our', 'out',
    'over', 'per', 'so', 'some', 'such', 'than', 'that', 'the', 'their', 'them', 'then', 'there', 'these', 'they',
    'this', 'those', 'to', 'too', 'under', 'up', 'us', 'very', 'was', 'we', 'were', 'what', 'when', 'where', 'which',
    'while', 'who', 'why', 'will', 'with', 'would', 'you', 'your',
];
/**
 * Words every design answer says whatever it covers: alone, as a keyword, they tick items for
 * anyone. Documented in the README (rule generic-keyword).
 */
const GENERIC_WORDS = [
    'cost', 'data', 'design', 'explain', 'feature', 'flow', 'good', 'input', 'item', 'latency', 'map', 'metric', 'model',
    'need', 'offline', 'online', 'output', 'performance', 'pipeline', 'problem', 'quality', 'scale', 'service', 'store',
    'system', 'time', 'use', 'user',
];
/**
 * British spellings to American, whole-suffix rewrites on one word (both sides get them). Each
 * rewrite runs only on a word that holds its letters: the stemmer is lint's hottest code.
 */
function americanise(word) {
    if (!/^[a-z]+$/.test(word))
        return word;
    if (word.endsWith('ogue') || word.endsWith('ogues'))
        word = word.replace(/ogue(s?)$/, 'og$1');
    if (word.includes('our'))
        word = word.replace(/^(.{3,})our(s|ed|ing|ite|ites)?$/, '$1or$2');
    if (word.endsWith('tre') || word.endsWith('tres'))
        word = word.replace(/^(.{2,})tre(s?)$/, '$1ter$2');
    if (word.includes('is'))
        word = word.replace(/^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/, '$1iz$2');
    if (word.includes('ys'))
        word = word.replace(/^(.{3,})ys(e|es|ed|ing)$/, '$1yz$2');
    return word;
}
const VOWEL = /[aeiouy]/;
/**
 * Stems already worked out, by word as written. A run stems the same few thousand words over and
 * over (lint grades three example answers per question file), and a stem depends on the word
 * alone, so the memo can never give a caller a different answer. Cleared when it grows large.
 */
const STEMS = new Map();
const STEMS_KEPT = 50_000;
/** A light suffix stripper: plurals, -ing, -ed, -ation, a final e and a doubled consonant. */
function stem(raw, options = {}) {
    const known = STEMS.get(raw);
    if (known !== undefined)
        return known;
    const stemmed = stripSuffixes(raw);
    // A word met once (two words run together, say) is not worth keeping.
    if (options.once)
        return stemmed;
    if (STEMS.size >= STEMS_KEPT)
        STEMS.clear();
    STEMS.set(raw, stemmed);
    return stemmed;
}
function stripSuffixes(raw) {
    const lower = raw.toLowerCase();
    const spelled = Object.hasOwn(SPELLING, lower) ? SPELLING[lower] : lower;
    if (Object.hasOwn(IRREGULAR, spelled))
        return IRREGULAR[spelled];
    let word = americanise(spelled);
    if (word.length <= 3 || /\d/.test(word))
        return word;
    if (word.endsWith('ies'))
        word = `${word.slice(0, -3)}y`;
    else if (word.endsWith('ied') && word.length > 4)
        word = `${word.slice(0, -3)}y`;
    else if (word.endsWith('es') && (/(ss|x|ch|sh|z)es$/.test(word) || (word.endsWith('ses') && word.length > 5)))
        word = word.slice(0, -2);
    else if (word.endsWith('s') && !/(ss|us|is)$/.test(word) && !(word.endsWith('as') && word.length <= 5))
        word = word.slice(0, -1);
    if (word.endsWith('ization'))
        word = word.slice(0, -5);
    else if (word.endsWith('ation') && word.length >= 8)
        word = word.slice(0, -3);
    // A suffix comes off only where a syllable stays (string keeps its ing, shed its ed).
    else if (word.endsWith('ing') && word.length >= 6 && VOWEL.test(word.slice(0, -3)))
        word = word.slice(0, -3);
    else if (word.endsWith('ed') && !word.endsWith('eed') && word.length >= 6 && VOWEL.test(word.slice(0, -2)))
        word = word.slice(0, -2);
    else if (word.endsWith('ly') && word.length >= 6)
        word = word.slice(0, -2);
    if (word.endsWith('e') && word.length >= 5)
        word = word.slice(0, -1);
    // labell(ing) -> label, runn(ing) -> run; the bare word loses its double too (call -> cal).
    if (word.length >= 4 && isDoubledConsonant(word))
        word = word.slice(0, -1);
    return word;
}
/** Whether the word ends in the same ASCII consonant twice (y counts; the vowels a e i o u do not). */
function isDoubledConsonant(word) {
    const last = word.charCodeAt(word.length - 1);
    return last === word.charCodeAt(word.length - 2) && last >= 97 && last <= 122 && !'aeiou'.includes(word[word.length - 1]);
}
/** Words as they are written: runs of letters and digits. */
const WORD = /[\p{L}\p{N}]+/gu;
const STOP$1 = new Set(STOP_WORDS.map((word) => stem(word)));
const GENERIC$1 = new Set(GENERIC_WORDS.map((word) => stem(word)));
/** Why a keyword is too generic to count, or undefined when it is fine. */
function genericReason(phrase) {
    const words = phrase.toLowerCase().match(WORD) ?? [];
    if (words.length === 0)
        return 'no words';
    if (words.length > 1)
        return undefined;
    const stemmed = stem(words[0]);
    if (STOP$1.has(stemmed))
        return 'stop word';
    if (GENERIC$1.has(stemmed))
        return 'generic term';
    if (words[0].length <= 2 && !/\d/.test(words[0]))
        return 'too short';
    return undefined;
}
/** A word as a person writes it, with an apostrophe inside (don't, user's). */
const TYPED_WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
/** The default word forms: lowercase, accents folded, apostrophes dropped, each word stemmed. */
const wordForms = {
    stems(text) {
        const out = [];
        const folded = text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
        for (const match of folded.matchAll(TYPED_WORD)) {
            const word = match[0].replace(/['’](s|t|re|ll|ve|d|m)$/, '').replace(/['’]/g, '');
            if (word)
                out.push(stem(word));
        }
        return out;
    },
};
/** Whether the stems of phrase occur in order, side by side, in stems. */
function containsRun(stems, phrase) {
    if (phrase.length === 0)
        return false;
    outer: for (let i = 0; i + phrase.length <= stems.length; i++) {
        for (let j = 0; j < phrase.length; j++)
            if (stems[i + j] !== phrase[j])
                continue outer;
        return true;
    }
    return false;
}

// The words of an ask phrase or a candidate's question as the matcher compares them: stems
// (src/words.ts), synonyms folded to one word, stop words left out. Here, below the matcher,
// so that lint can tell when two facts' phrases read the same to it.
/** Words that carry no meaning for matching. */
const STOP = new Set(wordForms.stems(`a an the of to in on at for by with from and or but if then so than as is are was were be been do does did
  done have has had will would can could should shall may might must i we you they it its this that these those there here what which who whom
  whose when where why how any some all each every our your their my me us them he she his her about into over under up down out just also
  too very really much many more most few lot lots kind sort please tell know want wonder question let okay ok well right yes no not get go
  going like thing things one ones way need think say said sure roughly approximately around use`));
/** Words meaning the same for matching: each group folds to its first word. */
const SYNONYMS = [
    ['user', 'customer', 'person', 'member', 'viewer', 'shopper', 'buyer', 'consumer', 'subscriber', 'visitor', 'audience', 'player', 'reader', 'listener', 'human'],
    ['latency', 'lag', 'delay', 'slowness', 'responsiveness'],
    ['label', 'annotation', 'annotate', 'annotator', 'rater', 'judgment', 'tag'],
    ['data', 'dataset', 'log', 'history', 'historical'],
    ['cost', 'budget', 'spend', 'money', 'expense', 'bill', 'dollar', 'afford'],
    ['goal', 'objective', 'aim', 'purpose', 'kpi'],
    ['privacy', 'private', 'pii', 'personal', 'confidential'],
    ['traffic', 'qps', 'rps', 'throughput', 'volume'],
    ['scope', 'mvp', 'v1'],
    ['constraint', 'limit', 'limitation', 'restriction'],
    ['item', 'product', 'listing', 'post', 'video', 'document', 'ad', 'content'],
    ['fast', 'quick', 'speed', 'snappy', 'instant', 'rapid'],
    ['big', 'large', 'huge', 'size'],
    ['day', 'daily'],
];
const canonical = new Map();
for (const group of SYNONYMS) {
    const [head] = wordForms.stems(group[0]);
    for (const word of group)
        for (const stem of wordForms.stems(word))
            canonical.set(stem, head);
}
/** The word a stem folds to (itself when it has no synonym group). */
const canonicalWord = (stem) => canonical.get(stem) ?? stem;
/** The stems of text with synonyms folded, in order, stop words kept (for phrases). */
function folded(text, forms = wordForms) {
    return forms.stems(text).map(canonicalWord);
}
/** The distinct content words of text: folded stems without stop words. */
function askWords(text, forms = wordForms) {
    return [...new Set(folded(text, forms).filter((word) => !STOP.has(word)))];
}
const FILLER = new Set(wordForms.stems('a an the please'));
/**
 * Ask phrases of different facts that read the same once word forms and synonyms are folded
 * (question words kept: "who are the users" and "how many users" differ): [fact, phrase] pairs.
 */
function collidingAsks(facts, forms = wordForms) {
    const seen = new Map();
    const collisions = [];
    facts.forEach((fact, i) => {
        fact.ask.forEach((phrase, j) => {
            if (typeof phrase !== 'string')
                return;
            const key = folded(phrase, forms).filter((word) => !FILLER.has(word)).join(' ');
            if (!key)
                return;
            const earlier = seen.get(key);
            if (earlier && earlier[0] !== i)
                collisions.push({ first: earlier, second: [i, j] });
            else if (!earlier)
                seen.set(key, [i, j]);
        });
    });
    return collisions;
}

// Per-file checks of what the grader reads: keywords too generic to count, how many core items
// a question has, and the length of its strong example. Warnings: a file with them still works.
const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list$2 = (value) => (Array.isArray(value) ? value : []);
const MAX_CORE = 3;
const STRONG_LINES = { min: 15, max: 40 };
/** Non-empty lines of an example's notes, over every stage. */
function exampleLines(notes) {
    if (!isRecord(notes))
        return 0;
    return Object.values(notes).reduce((sum, text) => sum + (typeof text === 'string' ? text.split('\n').filter((line) => line.trim()).length : 0), 0);
}
function scoringChecks(data, kind, report) {
    const stages = kind === 'rubric' ? list$2(data.stages).map((stage, i) => [i, stage]) : Object.entries(isRecord(data.stages) ? data.stages : {});
    let core = 0;
    // The question's own words: a core item that they would tick is ticked by repeating the question back.
    const asked = kind === 'rubric' ? [] : [data.title, data.prompt].filter((text) => typeof text === 'string').map((text) => wordForms.stems(text));
    for (const [key, stage] of stages) {
        list$2(isRecord(stage) ? stage.checklist : undefined).forEach((item, i) => {
            if (!isRecord(item))
                return;
            if (item.core === true)
                core++;
            list$2(item.keywords).forEach((keyword, k) => {
                const reason = typeof keyword === 'string' ? genericReason(keyword) : undefined;
                if (reason && reason !== 'no words')
                    report(['stages', key, 'checklist', i, 'keywords', k], 'generic-keyword', `keyword "${String(keyword)}" is a ${reason} and never counts on its own; use a phrase that only this item's coverage would produce`);
                else if (item.core === true && typeof keyword === 'string' && asked.some((stems) => containsRun(stems, wordForms.stems(keyword)))) {
                    report(['stages', key, 'checklist', i, 'keywords', k], 'core-in-prompt', `keyword "${keyword}" of a core item is in the question's title or prompt, so repeating the question back ticks it; use a phrase only the insight would produce`);
                }
            });
        });
    }
    if (kind === 'rubric')
        return;
    if (core > MAX_CORE)
        report(['stages'], 'core-count', `the question has ${core} core items; keep 1 to ${MAX_CORE}: the insights it exists to test`);
    const strong = isRecord(data.examples) && isRecord(data.examples.strong) ? data.examples.strong : undefined;
    if (strong) {
        const lines = exampleLines(strong.notes);
        if (lines < STRONG_LINES.min || lines > STRONG_LINES.max)
            report(['examples', 'strong', 'notes'], 'example-length', `the strong example has ${lines} lines of notes; write ${STRONG_LINES.min} to ${STRONG_LINES.max}`);
    }
}

// Which follow-up the interviewer throws: one that reacts to the notes so far when one fits,
// else an unconditional one. Pure; the randomness is a parameter, so a seeded drill repeats.
/** Whether a condition holds over the notes; phrases match as words, in any word form. */
function whenHolds(when, notes, forms = wordForms) {
    const stems = forms.stems(notes);
    const said = (phrase) => containsRun(stems, forms.stems(phrase));
    if (when.mentioned?.length && !when.mentioned.some(said))
        return false;
    if (when.missing?.length && when.missing.some(said))
        return false;
    return Boolean(when.mentioned?.length || when.missing?.length);
}
/**
 * The follow-up to throw: one of those whose `when` holds over the notes so far, else one of the
 * unconditional ones, else any. Draws `random` exactly once, whatever the notes, so the rest of
 * a seeded session's draws never depend on what was typed.
 */
function chooseFollowup(followups, notesSoFar, random) {
    const draw = random();
    if (followups.length === 0)
        return null;
    const fitting = followups.filter((followup) => followup.when && whenHolds(followup.when, notesSoFar));
    const unconditional = followups.filter((followup) => !followup.when);
    const pool = fitting.length ? fitting : unconditional.length ? unconditional : followups;
    return pool[Math.min(pool.length - 1, Math.floor(draw * pool.length))];
}
/** The follow-up a shown curveball came from (by its text), for its answer key; undefined if none. */
function followupOf(followups, shownText) {
    return followups.find((followup) => followup.text === shownText);
}

// The staged interview as a pure state machine. Time is always passed in (`now`, in ms), so
// the engine never reads a clock and tests control every second.
/** The plan for a rubric's stages; with totalMinutes, every budget is scaled to fit it. */
function planStages(stages, totalMinutes) {
    const planned = stages.reduce((sum, stage) => sum + stage.minutes, 0);
    const factor = totalMinutes === undefined ? 1 : totalMinutes / planned;
    return stages.map((stage) => ({
        id: stage.id,
        title: stage.title,
        goal: stage.goal,
        budgetSeconds: Math.max(1, Math.round(stage.minutes * 60 * factor)),
    }));
}
function startSession(plan, now, curveball = null) {
    if (plan.length === 0)
        throw new Error('a session needs at least one stage');
    return {
        plan,
        progress: plan.map(() => ({ usedMs: 0, hintsShown: 0, notes: '', ticked: [] })),
        current: 0,
        runningSince: now,
        startedAt: now,
        endedAt: null,
        curveball,
    };
}
/**
 * Draws when a curveball comes: in the given stage, between 30% and 70% of its budget, with one
 * of the follow-ups. `random` is the session's seeded source, so the draw is reproducible. A
 * follow-up with a `when` depends on the notes, so then the text is chosen again when it is shown.
 */
function drawCurveball(plan, stage, followups, random) {
    const budget = plan[stage]?.budgetSeconds;
    if (budget === undefined || followups.length === 0)
        return null;
    const atSeconds = Math.round(budget * (0.3 + 0.4 * random()));
    const pick = random();
    const choices = followups.map((followup) => (typeof followup === 'string' ? { text: followup } : { text: followup.text, ...(followup.when ? { when: followup.when } : {}) }));
    const text = chooseFollowup(choices, '', () => pick).text;
    return { stage, atSeconds, text, shownAtSeconds: null, ...(choices.some((choice) => choice.when) ? { choices, pick } : {}) };
}
/** Everything written in the notes up to and including the current stage, the line being typed included. */
function notesSoFar(state) {
    return state.progress.slice(0, state.current + 1).map(notesWithDraft).join('\n');
}
/** True when the curveball's moment has come and it has not been shown yet. */
function curveballDue(state, now) {
    const curveball = state.curveball;
    return Boolean(curveball && curveball.shownAtSeconds === null && curveball.stage === state.current && usedSeconds(state, state.current, now) >= curveball.atSeconds);
}
function markCurveballShown(state, now) {
    const curveball = state.curveball;
    if (!curveball || curveball.shownAtSeconds !== null)
        return state;
    const { choices, pick } = curveball;
    const text = choices && pick !== undefined ? chooseFollowup(choices, notesSoFar(state), () => pick)?.text ?? curveball.text : curveball.text;
    const notesChars = state.progress[state.current]?.notes.length ?? 0;
    return { ...state, curveball: { ...curveball, text, shownAtSeconds: Math.round(usedSeconds(state, state.current, now)), notesChars } };
}
/**
 * What was written after the curveball came: the rest of its stage's notes (the line being typed
 * included) and the notes of every later stage. Empty until it is shown; the whole stage's notes
 * for a session saved before the moment was kept.
 */
function notesAfterCurveball(state) {
    const curveball = state.curveball;
    if (!curveball || curveball.shownAtSeconds === null)
        return '';
    return state.progress.slice(curveball.stage).map((progress, i) => (i === 0 ? notesWithDraft(progress).slice(curveball.notesChars ?? 0) : notesWithDraft(progress))).join('');
}
/** Keeps a question put to the interviewer and the answer it got. */
function addExchange(state, exchange) {
    return { ...state, exchanges: [...(state.exchanges ?? []), exchange] };
}
/** Ticks or unticks a checklist item of the current stage (interviewer mode). */
function toggleTick(state, itemId) {
    const progress = state.progress[state.current];
    if (!progress)
        return state;
    const ticked = progress.ticked.includes(itemId) ? progress.ticked.filter((id) => id !== itemId) : [...progress.ticked, itemId];
    return withProgress(state, state.current, { ...progress, ticked });
}
/**
 * Picks a session up where it was left (resume): the clock runs again from now, so the time the
 * program was not running is not counted.
 */
function resumeAt(state, now, paused) {
    if (isFinished(state))
        return { ...state, runningSince: null };
    return { ...state, runningSince: paused ? null : now, endedAt: null };
}
function isFinished(state) {
    return state.current >= state.plan.length;
}
function isPaused(state) {
    return !isFinished(state) && state.runningSince === null;
}
/** Active seconds spent in a stage so far (fractional). */
function usedSeconds(state, index, now) {
    const progress = state.progress[index];
    if (!progress)
        return 0;
    const running = index === state.current && state.runningSince !== null ? Math.max(0, now - state.runningSince) : 0;
    return (progress.usedMs + running) / 1000;
}
/** Seconds left in the current stage; negative once it runs over. */
function remainingSeconds(state, now) {
    const stage = state.plan[state.current];
    return stage ? stage.budgetSeconds - usedSeconds(state, state.current, now) : 0;
}
/** Folds the running stretch into the stage's used time (for a checkpoint on disk). */
function settle(state, now) {
    if (state.runningSince === null || isFinished(state))
        return state;
    const progress = state.progress.map((stage, i) => i === state.current ? { ...stage, usedMs: stage.usedMs + Math.max(0, now - state.runningSince) } : stage);
    return { ...state, progress, runningSince: now };
}
function pause(state, now) {
    if (isFinished(state) || state.runningSince === null)
        return state;
    return { ...settle(state, now), runningSince: null };
}
function resume(state, now) {
    if (isFinished(state) || state.runningSince !== null)
        return state;
    return { ...state, runningSince: now };
}
function togglePause(state, now) {
    return isPaused(state) ? resume(state, now) : pause(state, now);
}
/** Ends the current stage and starts the next one (or finishes the session). */
function nextStage(state, now) {
    if (isFinished(state))
        return state;
    const settled = settle(state, now);
    const current = settled.current + 1;
    const finished = current >= settled.plan.length;
    return { ...settled, current, runningSince: finished ? null : now, endedAt: finished ? now : null };
}
/** Goes back to the previous stage (before the self-assessment): its clock runs again from now. */
function previousStage(state, now) {
    if (isFinished(state) || state.current === 0)
        return state;
    const settled = settle(state, now);
    return { ...settled, current: settled.current - 1, runningSince: isPaused(state) ? null : now };
}
/** Stops the clock for good, wherever the session is (Ctrl-C, SIGTERM). */
function stop(state, now) {
    return { ...settle(state, now), runningSince: null, endedAt: state.endedAt ?? now };
}
/** Shows one more hint of the current stage, if there is one. */
function revealHint(state, available) {
    const progress = state.progress[state.current];
    if (!progress || progress.hintsShown >= available)
        return state;
    return withProgress(state, state.current, { ...progress, hintsShown: progress.hintsShown + 1 });
}
function setNotes(state, index, notes) {
    const progress = state.progress[index];
    if (!progress || progress.notes === notes)
        return state;
    return withProgress(state, index, { ...progress, notes });
}
/** Sets the line being typed in the current stage (see StageProgress.draft). */
function setDraft(state, draft) {
    const progress = state.progress[state.current];
    if (!progress || (progress.draft ?? '') === draft)
        return state;
    return withProgress(state, state.current, { ...progress, draft });
}
/** Opens (text), edits or closes (undefined) the question to the interviewer being typed in the current stage. */
function setQuestion(state, question) {
    const progress = state.progress[state.current];
    if (!progress || progress.question === question)
        return state;
    const { question: _closed, ...rest } = progress;
    return withProgress(state, state.current, question === undefined ? rest : { ...rest, question });
}
/** Opens (text), edits or closes (undefined) the diagram pad's line being typed. */
function setPadLine(state, line) {
    if (state.padLine === line)
        return state;
    const { padLine: _closed, ...rest } = state;
    return line === undefined ? rest : { ...rest, padLine: line };
}
/** The diagram's lines, without the one being typed. */
function diagramLines(state) {
    return state.diagram ? state.diagram.replace(/\n$/, '').split('\n') : [];
}
/** Adds the pad's line to the diagram (a blank one is not added); the pad stays open, empty. */
function addPadLine(state) {
    const line = state.padLine?.trim();
    if (!line)
        return setPadLine(state, state.padLine === undefined ? undefined : '');
    return { ...state, diagram: `${state.diagram ?? ''}${line}\n`, padLine: '' };
}
/** Takes the diagram's last line back into the pad to be edited (Enter puts it back, edited or not). */
function recallPadLine(state) {
    const lines = diagramLines(state);
    if (lines.length === 0)
        return state;
    const { diagram: _old, ...rest } = state;
    const kept = lines.slice(0, -1);
    return { ...rest, ...(kept.length ? { diagram: `${kept.join('\n')}\n` } : {}), padLine: lines.at(-1) };
}
/** The diagram with the pad's line being typed as its last line: what the record keeps, so nothing typed is lost. */
function diagramWithPadLine(state) {
    const typed = state.padLine?.trim();
    return typed ? `${state.diagram ?? ''}${typed}\n` : state.diagram ?? '';
}
/** Commits the current stage's draft as its last line of notes. */
function commitDraft(state) {
    const progress = state.progress[state.current];
    if (!progress?.draft)
        return state;
    return withProgress(state, state.current, { ...progress, notes: notesWithDraft(progress), draft: '' });
}
/** A stage's notes with the line being typed as their last line: what the record keeps, so nothing typed is lost. */
function notesWithDraft(progress) {
    return progress.draft ? `${progress.notes}${progress.draft}\n` : progress.notes;
}
function withProgress(state, index, progress) {
    return { ...state, progress: state.progress.map((stage, i) => (i === index ? progress : stage)) };
}
/** The whole plan's budget; takes anything with per-stage budgets (plans, report stages). */
function totalBudgetSeconds(plan) {
    return plan.reduce((sum, stage) => sum + stage.budgetSeconds, 0);
}

/** The share of a question's total weight its own items carry at least. */
const QUESTION_SHARE = 0.4;
/**
 * With another rubric than the question's own (`--rubric`), the question's hints and items
 * still join the stages whose ids match. A question item that `replaces` a rubric item takes
 * its place; rubric items the stage lists as `not_applicable` are left out. Then the question's
 * items are scaled up, all by one factor, until they carry QUESTION_SHARE of the weight: the
 * question-specific insight, not the generic checklist, decides the score.
 */
function buildInterview(question, rubric, totalMinutes) {
    const plan = planStages(rubric.stages, totalMinutes);
    const stages = rubric.stages.map((stage, i) => {
        const own = question.stages[stage.id];
        const ownItems = (own?.checklist ?? []).map(({ core, replaces, ...item }) => ({ ...item, weight: item.weight ?? 1, source: 'question', ...(core ? { core } : {}), ...(replaces ? { replaces } : {}) }));
        const dropped = new Set(own?.not_applicable ?? []);
        const items = [];
        for (const item of stage.checklist) {
            const replacement = ownItems.find((candidate) => candidate.replaces === item.id);
            if (replacement)
                items.push(replacement);
            else if (!dropped.has(item.id))
                items.push({ ...item, weight: item.weight ?? 1, source: 'rubric' });
        }
        items.push(...ownItems.filter((item) => !items.includes(item)));
        return { plan: plan[i], hints: own?.hints ?? [], items, redFlags: stage.red_flags ?? [] };
    });
    scaleQuestionItems(stages.flatMap((stage) => stage.items));
    return { question, rubric, stages };
}
/** Scales the question's items in place so they carry at least QUESTION_SHARE of the weight. */
function scaleQuestionItems(items) {
    const own = items.filter((item) => item.source === 'question');
    const ownWeight = own.reduce((sum, item) => sum + item.weight, 0);
    const otherWeight = items.reduce((sum, item) => sum + item.weight, 0) - ownWeight;
    if (ownWeight === 0 || ownWeight >= QUESTION_SHARE * (ownWeight + otherWeight))
        return;
    // own * f = share * (own * f + other)  =>  f = share * other / ((1 - share) * own)
    const factor = (QUESTION_SHARE * otherWeight) / ((1 - QUESTION_SHARE) * ownWeight);
    for (const item of own)
        item.weight = Math.round(item.weight * factor * 100) / 100;
}

var commander$1 = {};

var argument = {};

var error = {};

/**
 * CommanderError class
 */

var hasRequiredError;

function requireError () {
	if (hasRequiredError) return error;
	hasRequiredError = 1;
	class CommanderError extends Error {
	  /**
	   * Constructs the CommanderError class
	   * @param {number} exitCode suggested exit code which could be used with process.exit
	   * @param {string} code an id string representing the error
	   * @param {string} message human-readable description of the error
	   */
	  constructor(exitCode, code, message) {
	    super(message);
	    // properly capture stack trace in Node.js
	    Error.captureStackTrace(this, this.constructor);
	    this.name = this.constructor.name;
	    this.code = code;
	    this.exitCode = exitCode;
	    this.nestedError = undefined;
	  }
	}

	/**
	 * InvalidArgumentError class
	 */
	class InvalidArgumentError extends CommanderError {
	  /**
	   * Constructs the InvalidArgumentError class
	   * @param {string} [message] explanation of why argument is invalid
	   */
	  constructor(message) {
	    super(1, 'commander.invalidArgument', message);
	    // properly capture stack trace in Node.js
	    Error.captureStackTrace(this, this.constructor);
	    this.name = this.constructor.name;
	  }
	}

	error.CommanderError = CommanderError;
	error.InvalidArgumentError = InvalidArgumentError;
	return error;
}

var hasRequiredArgument;

function requireArgument () {
	if (hasRequiredArgument) return argument;
	hasRequiredArgument = 1;
	const { InvalidArgumentError } = requireError();

	class Argument {
	  /**
	   * Initialize a new command argument with the given name and description.
	   * The default is that the argument is required, and you can explicitly
	   * indicate this with <> around the name. Put [] around the name for an optional argument.
	   *
	   * @param {string} name
	   * @param {string} [description]
	   */

	  constructor(name, description) {
	    this.description = description || '';
	    this.variadic = false;
	    this.parseArg = undefined;
	    this.defaultValue = undefined;
	    this.defaultValueDescription = undefined;
	    this.argChoices = undefined;

	    switch (name[0]) {
	      case '<': // e.g. <required>
	        this.required = true;
	        this._name = name.slice(1, -1);
	        break;
	      case '[': // e.g. [optional]
	        this.required = false;
	        this._name = name.slice(1, -1);
	        break;
	      default:
	        this.required = true;
	        this._name = name;
	        break;
	    }

	    if (this._name.endsWith('...')) {
	      this.variadic = true;
	      this._name = this._name.slice(0, -3);
	    }
	  }

	  /**
	   * Return argument name.
	   *
	   * @return {string}
	   */

	  name() {
	    return this._name;
	  }

	  /**
	   * @package
	   */

	  _collectValue(value, previous) {
	    if (previous === this.defaultValue || !Array.isArray(previous)) {
	      return [value];
	    }

	    previous.push(value);
	    return previous;
	  }

	  /**
	   * Set the default value, and optionally supply the description to be displayed in the help.
	   *
	   * @param {*} value
	   * @param {string} [description]
	   * @return {Argument}
	   */

	  default(value, description) {
	    this.defaultValue = value;
	    this.defaultValueDescription = description;
	    return this;
	  }

	  /**
	   * Set the custom handler for processing CLI command arguments into argument values.
	   *
	   * @param {Function} [fn]
	   * @return {Argument}
	   */

	  argParser(fn) {
	    this.parseArg = fn;
	    return this;
	  }

	  /**
	   * Only allow argument value to be one of choices.
	   *
	   * @param {string[]} values
	   * @return {Argument}
	   */

	  choices(values) {
	    this.argChoices = values.slice();
	    this.parseArg = (arg, previous) => {
	      if (!this.argChoices.includes(arg)) {
	        throw new InvalidArgumentError(
	          `Allowed choices are ${this.argChoices.join(', ')}.`,
	        );
	      }
	      if (this.variadic) {
	        return this._collectValue(arg, previous);
	      }
	      return arg;
	    };
	    return this;
	  }

	  /**
	   * Make argument required.
	   *
	   * @returns {Argument}
	   */
	  argRequired() {
	    this.required = true;
	    return this;
	  }

	  /**
	   * Make argument optional.
	   *
	   * @returns {Argument}
	   */
	  argOptional() {
	    this.required = false;
	    return this;
	  }
	}

	/**
	 * Takes an argument and returns its human readable equivalent for help usage.
	 *
	 * @param {Argument} arg
	 * @return {string}
	 * @private
	 */

	function humanReadableArgName(arg) {
	  const nameOutput = arg.name() + (arg.variadic === true ? '...' : '');

	  return arg.required ? '<' + nameOutput + '>' : '[' + nameOutput + ']';
	}

	argument.Argument = Argument;
	argument.humanReadableArgName = humanReadableArgName;
	return argument;
}

var command = {};

var help = {};

var hasRequiredHelp;

function requireHelp () {
	if (hasRequiredHelp) return help;
	hasRequiredHelp = 1;
	const { humanReadableArgName } = requireArgument();

	/**
	 * TypeScript import types for JSDoc, used by Visual Studio Code IntelliSense and `npm run typescript-checkJS`
	 * https://www.typescriptlang.org/docs/handbook/jsdoc-supported-types.html#import-types
	 * @typedef { import("./argument.js").Argument } Argument
	 * @typedef { import("./command.js").Command } Command
	 * @typedef { import("./option.js").Option } Option
	 */

	// Although this is a class, methods are static in style to allow override using subclass or just functions.
	class Help {
	  constructor() {
	    this.helpWidth = undefined;
	    this.minWidthToWrap = 40;
	    this.sortSubcommands = false;
	    this.sortOptions = false;
	    this.showGlobalOptions = false;
	  }

	  /**
	   * prepareContext is called by Commander after applying overrides from `Command.configureHelp()`
	   * and just before calling `formatHelp()`.
	   *
	   * Commander just uses the helpWidth and the rest is provided for optional use by more complex subclasses.
	   *
	   * @param {{ error?: boolean, helpWidth?: number, outputHasColors?: boolean }} contextOptions
	   */
	  prepareContext(contextOptions) {
	    this.helpWidth = this.helpWidth ?? contextOptions.helpWidth ?? 80;
	  }

	  /**
	   * Get an array of the visible subcommands. Includes a placeholder for the implicit help command, if there is one.
	   *
	   * @param {Command} cmd
	   * @returns {Command[]}
	   */

	  visibleCommands(cmd) {
	    const visibleCommands = cmd.commands.filter((cmd) => !cmd._hidden);
	    const helpCommand = cmd._getHelpCommand();
	    if (helpCommand && !helpCommand._hidden) {
	      visibleCommands.push(helpCommand);
	    }
	    if (this.sortSubcommands) {
	      visibleCommands.sort((a, b) => {
	        // @ts-ignore: because overloaded return type
	        return a.name().localeCompare(b.name());
	      });
	    }
	    return visibleCommands;
	  }

	  /**
	   * Compare options for sort.
	   *
	   * @param {Option} a
	   * @param {Option} b
	   * @returns {number}
	   */
	  compareOptions(a, b) {
	    const getSortKey = (option) => {
	      // WYSIWYG for order displayed in help. Short used for comparison if present. No special handling for negated.
	      return option.short
	        ? option.short.replace(/^-/, '')
	        : option.long.replace(/^--/, '');
	    };
	    return getSortKey(a).localeCompare(getSortKey(b));
	  }

	  /**
	   * Get an array of the visible options. Includes a placeholder for the implicit help option, if there is one.
	   *
	   * @param {Command} cmd
	   * @returns {Option[]}
	   */

	  visibleOptions(cmd) {
	    const visibleOptions = cmd.options.filter((option) => !option.hidden);
	    // Built-in help option.
	    const helpOption = cmd._getHelpOption();
	    if (helpOption && !helpOption.hidden) {
	      // Automatically hide conflicting flags. Bit dubious but a historical behaviour that is convenient for single-command programs.
	      const removeShort = helpOption.short && cmd._findOption(helpOption.short);
	      const removeLong = helpOption.long && cmd._findOption(helpOption.long);
	      if (!removeShort && !removeLong) {
	        visibleOptions.push(helpOption); // no changes needed
	      } else if (helpOption.long && !removeLong) {
	        visibleOptions.push(
	          cmd.createOption(helpOption.long, helpOption.description),
	        );
	      } else if (helpOption.short && !removeShort) {
	        visibleOptions.push(
	          cmd.createOption(helpOption.short, helpOption.description),
	        );
	      }
	    }
	    if (this.sortOptions) {
	      visibleOptions.sort(this.compareOptions);
	    }
	    return visibleOptions;
	  }

	  /**
	   * Get an array of the visible global options. (Not including help.)
	   *
	   * @param {Command} cmd
	   * @returns {Option[]}
	   */

	  visibleGlobalOptions(cmd) {
	    if (!this.showGlobalOptions) return [];

	    const globalOptions = [];
	    for (
	      let ancestorCmd = cmd.parent;
	      ancestorCmd;
	      ancestorCmd = ancestorCmd.parent
	    ) {
	      const visibleOptions = ancestorCmd.options.filter(
	        (option) => !option.hidden,
	      );
	      globalOptions.push(...visibleOptions);
	    }
	    if (this.sortOptions) {
	      globalOptions.sort(this.compareOptions);
	    }
	    return globalOptions;
	  }

	  /**
	   * Get an array of the arguments if any have a description.
	   *
	   * @param {Command} cmd
	   * @returns {Argument[]}
	   */

	  visibleArguments(cmd) {
	    // Side effect! Apply the legacy descriptions before the arguments are displayed.
	    if (cmd._argsDescription) {
	      cmd.registeredArguments.forEach((argument) => {
	        argument.description =
	          argument.description || cmd._argsDescription[argument.name()] || '';
	      });
	    }

	    // If there are any arguments with a description then return all the arguments.
	    if (cmd.registeredArguments.find((argument) => argument.description)) {
	      return cmd.registeredArguments;
	    }
	    return [];
	  }

	  /**
	   * Get the command term to show in the list of subcommands.
	   *
	   * @param {Command} cmd
	   * @returns {string}
	   */

	  subcommandTerm(cmd) {
	    // Legacy. Ignores custom usage string, and nested commands.
	    const args = cmd.registeredArguments
	      .map((arg) => humanReadableArgName(arg))
	      .join(' ');
	    return (
	      cmd._name +
	      (cmd._aliases[0] ? '|' + cmd._aliases[0] : '') +
	      (cmd.options.length ? ' [options]' : '') + // simplistic check for non-help option
	      (args ? ' ' + args : '')
	    );
	  }

	  /**
	   * Get the option term to show in the list of options.
	   *
	   * @param {Option} option
	   * @returns {string}
	   */

	  optionTerm(option) {
	    return option.flags;
	  }

	  /**
	   * Get the argument term to show in the list of arguments.
	   *
	   * @param {Argument} argument
	   * @returns {string}
	   */

	  argumentTerm(argument) {
	    return argument.name();
	  }

	  /**
	   * Get the longest command term length.
	   *
	   * @param {Command} cmd
	   * @param {Help} helper
	   * @returns {number}
	   */

	  longestSubcommandTermLength(cmd, helper) {
	    return helper.visibleCommands(cmd).reduce((max, command) => {
	      return Math.max(
	        max,
	        this.displayWidth(
	          helper.styleSubcommandTerm(helper.subcommandTerm(command)),
	        ),
	      );
	    }, 0);
	  }

	  /**
	   * Get the longest option term length.
	   *
	   * @param {Command} cmd
	   * @param {Help} helper
	   * @returns {number}
	   */

	  longestOptionTermLength(cmd, helper) {
	    return helper.visibleOptions(cmd).reduce((max, option) => {
	      return Math.max(
	        max,
	        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
	      );
	    }, 0);
	  }

	  /**
	   * Get the longest global option term length.
	   *
	   * @param {Command} cmd
	   * @param {Help} helper
	   * @returns {number}
	   */

	  longestGlobalOptionTermLength(cmd, helper) {
	    return helper.visibleGlobalOptions(cmd).reduce((max, option) => {
	      return Math.max(
	        max,
	        this.displayWidth(helper.styleOptionTerm(helper.optionTerm(option))),
	      );
	    }, 0);
	  }

	  /**
	   * Get the longest argument term length.
	   *
	   * @param {Command} cmd
	   * @param {Help} helper
	   * @returns {number}
	   */

	  longestArgumentTermLength(cmd, helper) {
	    return helper.visibleArguments(cmd).reduce((max, argument) => {
	      return Math.max(
	        max,
	        this.displayWidth(
	          helper.styleArgumentTerm(helper.argumentTerm(argument)),
	        ),
	      );
	    }, 0);
	  }

	  /**
	   * Get the command usage to be displayed at the top of the built-in help.
	   *
	   * @param {Command} cmd
	   * @returns {string}
	   */

	  commandUsage(cmd) {
	    // Usage
	    let cmdName = cmd._name;
	    if (cmd._aliases[0]) {
	      cmdName = cmdName + '|' + cmd._aliases[0];
	    }
	    let ancestorCmdNames = '';
	    for (
	      let ancestorCmd = cmd.parent;
	      ancestorCmd;
	      ancestorCmd = ancestorCmd.parent
	    ) {
	      ancestorCmdNames = ancestorCmd.name() + ' ' + ancestorCmdNames;
	    }
	    return ancestorCmdNames + cmdName + ' ' + cmd.usage();
	  }

	  /**
	   * Get the description for the command.
	   *
	   * @param {Command} cmd
	   * @returns {string}
	   */

	  commandDescription(cmd) {
	    // @ts-ignore: because overloaded return type
	    return cmd.description();
	  }

	  /**
	   * Get the subcommand summary to show in the list of subcommands.
	   * (Fallback to description for backwards compatibility.)
	   *
	   * @param {Command} cmd
	   * @returns {string}
	   */

	  subcommandDescription(cmd) {
	    // @ts-ignore: because overloaded return type
	    return cmd.summary() || cmd.description();
	  }

	  /**
	   * Get the option description to show in the list of options.
	   *
	   * @param {Option} option
	   * @return {string}
	   */

	  optionDescription(option) {
	    const extraInfo = [];

	    if (option.argChoices) {
	      extraInfo.push(
	        // use stringify to match the display of the default value
	        `choices: ${option.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
	      );
	    }
	    if (option.defaultValue !== undefined) {
	      // default for boolean and negated more for programmer than end user,
	      // but show true/false for boolean option as may be for hand-rolled env or config processing.
	      const showDefault =
	        option.required ||
	        option.optional ||
	        (option.isBoolean() && typeof option.defaultValue === 'boolean');
	      if (showDefault) {
	        extraInfo.push(
	          `default: ${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`,
	        );
	      }
	    }
	    // preset for boolean and negated are more for programmer than end user
	    if (option.presetArg !== undefined && option.optional) {
	      extraInfo.push(`preset: ${JSON.stringify(option.presetArg)}`);
	    }
	    if (option.envVar !== undefined) {
	      extraInfo.push(`env: ${option.envVar}`);
	    }
	    if (extraInfo.length > 0) {
	      const extraDescription = `(${extraInfo.join(', ')})`;
	      if (option.description) {
	        return `${option.description} ${extraDescription}`;
	      }
	      return extraDescription;
	    }

	    return option.description;
	  }

	  /**
	   * Get the argument description to show in the list of arguments.
	   *
	   * @param {Argument} argument
	   * @return {string}
	   */

	  argumentDescription(argument) {
	    const extraInfo = [];
	    if (argument.argChoices) {
	      extraInfo.push(
	        // use stringify to match the display of the default value
	        `choices: ${argument.argChoices.map((choice) => JSON.stringify(choice)).join(', ')}`,
	      );
	    }
	    if (argument.defaultValue !== undefined) {
	      extraInfo.push(
	        `default: ${argument.defaultValueDescription || JSON.stringify(argument.defaultValue)}`,
	      );
	    }
	    if (extraInfo.length > 0) {
	      const extraDescription = `(${extraInfo.join(', ')})`;
	      if (argument.description) {
	        return `${argument.description} ${extraDescription}`;
	      }
	      return extraDescription;
	    }
	    return argument.description;
	  }

	  /**
	   * Format a list of items, given a heading and an array of formatted items.
	   *
	   * @param {string} heading
	   * @param {string[]} items
	   * @param {Help} helper
	   * @returns string[]
	   */
	  formatItemList(heading, items, helper) {
	    if (items.length === 0) return [];

	    return [helper.styleTitle(heading), ...items, ''];
	  }

	  /**
	   * Group items by their help group heading.
	   *
	   * @param {Command[] | Option[]} unsortedItems
	   * @param {Command[] | Option[]} visibleItems
	   * @param {Function} getGroup
	   * @returns {Map<string, Command[] | Option[]>}
	   */
	  groupItems(unsortedItems, visibleItems, getGroup) {
	    const result = new Map();
	    // Add groups in order of appearance in unsortedItems.
	    unsortedItems.forEach((item) => {
	      const group = getGroup(item);
	      if (!result.has(group)) result.set(group, []);
	    });
	    // Add items in order of appearance in visibleItems.
	    visibleItems.forEach((item) => {
	      const group = getGroup(item);
	      if (!result.has(group)) {
	        result.set(group, []);
	      }
	      result.get(group).push(item);
	    });
	    return result;
	  }

	  /**
	   * Generate the built-in help text.
	   *
	   * @param {Command} cmd
	   * @param {Help} helper
	   * @returns {string}
	   */

	  formatHelp(cmd, helper) {
	    const termWidth = helper.padWidth(cmd, helper);
	    const helpWidth = helper.helpWidth ?? 80; // in case prepareContext() was not called

	    function callFormatItem(term, description) {
	      return helper.formatItem(term, termWidth, description, helper);
	    }

	    // Usage
	    let output = [
	      `${helper.styleTitle('Usage:')} ${helper.styleUsage(helper.commandUsage(cmd))}`,
	      '',
	    ];

	    // Description
	    const commandDescription = helper.commandDescription(cmd);
	    if (commandDescription.length > 0) {
	      output = output.concat([
	        helper.boxWrap(
	          helper.styleCommandDescription(commandDescription),
	          helpWidth,
	        ),
	        '',
	      ]);
	    }

	    // Arguments
	    const argumentList = helper.visibleArguments(cmd).map((argument) => {
	      return callFormatItem(
	        helper.styleArgumentTerm(helper.argumentTerm(argument)),
	        helper.styleArgumentDescription(helper.argumentDescription(argument)),
	      );
	    });
	    output = output.concat(
	      this.formatItemList('Arguments:', argumentList, helper),
	    );

	    // Options
	    const optionGroups = this.groupItems(
	      cmd.options,
	      helper.visibleOptions(cmd),
	      (option) => option.helpGroupHeading ?? 'Options:',
	    );
	    optionGroups.forEach((options, group) => {
	      const optionList = options.map((option) => {
	        return callFormatItem(
	          helper.styleOptionTerm(helper.optionTerm(option)),
	          helper.styleOptionDescription(helper.optionDescription(option)),
	        );
	      });
	      output = output.concat(this.formatItemList(group, optionList, helper));
	    });

	    if (helper.showGlobalOptions) {
	      const globalOptionList = helper
	        .visibleGlobalOptions(cmd)
	        .map((option) => {
	          return callFormatItem(
	            helper.styleOptionTerm(helper.optionTerm(option)),
	            helper.styleOptionDescription(helper.optionDescription(option)),
	          );
	        });
	      output = output.concat(
	        this.formatItemList('Global Options:', globalOptionList, helper),
	      );
	    }

	    // Commands
	    const commandGroups = this.groupItems(
	      cmd.commands,
	      helper.visibleCommands(cmd),
	      (sub) => sub.helpGroup() || 'Commands:',
	    );
	    commandGroups.forEach((commands, group) => {
	      const commandList = commands.map((sub) => {
	        return callFormatItem(
	          helper.styleSubcommandTerm(helper.subcommandTerm(sub)),
	          helper.styleSubcommandDescription(helper.subcommandDescription(sub)),
	        );
	      });
	      output = output.concat(this.formatItemList(group, commandList, helper));
	    });

	    return output.join('\n');
	  }

	  /**
	   * Return display width of string, ignoring ANSI escape sequences. Used in padding and wrapping calculations.
	   *
	   * @param {string} str
	   * @returns {number}
	   */
	  displayWidth(str) {
	    return stripColor(str).length;
	  }

	  /**
	   * Style the title for displaying in the help. Called with 'Usage:', 'Options:', etc.
	   *
	   * @param {string} str
	   * @returns {string}
	   */
	  styleTitle(str) {
	    return str;
	  }

	  styleUsage(str) {
	    // Usage has lots of parts the user might like to color separately! Assume default usage string which is formed like:
	    //    command subcommand [options] [command] <foo> [bar]
	    return str
	      .split(' ')
	      .map((word) => {
	        if (word === '[options]') return this.styleOptionText(word);
	        if (word === '[command]') return this.styleSubcommandText(word);
	        if (word[0] === '[' || word[0] === '<')
	          return this.styleArgumentText(word);
	        return this.styleCommandText(word); // Restrict to initial words?
	      })
	      .join(' ');
	  }
	  styleCommandDescription(str) {
	    return this.styleDescriptionText(str);
	  }
	  styleOptionDescription(str) {
	    return this.styleDescriptionText(str);
	  }
	  styleSubcommandDescription(str) {
	    return this.styleDescriptionText(str);
	  }
	  styleArgumentDescription(str) {
	    return this.styleDescriptionText(str);
	  }
	  styleDescriptionText(str) {
	    return str;
	  }
	  styleOptionTerm(str) {
	    return this.styleOptionText(str);
	  }
	  styleSubcommandTerm(str) {
	    // This is very like usage with lots of parts! Assume default string which is formed like:
	    //    subcommand [options] <foo> [bar]
	    return str
	      .split(' ')
	      .map((word) => {
	        if (word === '[options]') return this.styleOptionText(word);
	        if (word[0] === '[' || word[0] === '<')
	          return this.styleArgumentText(word);
	        return this.styleSubcommandText(word); // Restrict to initial words?
	      })
	      .join(' ');
	  }
	  styleArgumentTerm(str) {
	    return this.styleArgumentText(str);
	  }
	  styleOptionText(str) {
	    return str;
	  }
	  styleArgumentText(str) {
	    return str;
	  }
	  styleSubcommandText(str) {
	    return str;
	  }
	  styleCommandText(str) {
	    return str;
	  }

	  /**
	   * Calculate the pad width from the maximum term length.
	   *
	   * @param {Command} cmd
	   * @param {Help} helper
	   * @returns {number}
	   */

	  padWidth(cmd, helper) {
	    return Math.max(
	      helper.longestOptionTermLength(cmd, helper),
	      helper.longestGlobalOptionTermLength(cmd, helper),
	      helper.longestSubcommandTermLength(cmd, helper),
	      helper.longestArgumentTermLength(cmd, helper),
	    );
	  }

	  /**
	   * Detect manually wrapped and indented strings by checking for line break followed by whitespace.
	   *
	   * @param {string} str
	   * @returns {boolean}
	   */
	  preformatted(str) {
	    return /\n[^\S\r\n]/.test(str);
	  }

	  /**
	   * Format the "item", which consists of a term and description. Pad the term and wrap the description, indenting the following lines.
	   *
	   * So "TTT", 5, "DDD DDDD DD DDD" might be formatted for this.helpWidth=17 like so:
	   *   TTT  DDD DDDD
	   *        DD DDD
	   *
	   * @param {string} term
	   * @param {number} termWidth
	   * @param {string} description
	   * @param {Help} helper
	   * @returns {string}
	   */
	  formatItem(term, termWidth, description, helper) {
	    const itemIndent = 2;
	    const itemIndentStr = ' '.repeat(itemIndent);
	    if (!description) return itemIndentStr + term;

	    // Pad the term out to a consistent width, so descriptions are aligned.
	    const paddedTerm = term.padEnd(
	      termWidth + term.length - helper.displayWidth(term),
	    );

	    // Format the description.
	    const spacerWidth = 2; // between term and description
	    const helpWidth = this.helpWidth ?? 80; // in case prepareContext() was not called
	    const remainingWidth = helpWidth - termWidth - spacerWidth - itemIndent;
	    let formattedDescription;
	    if (
	      remainingWidth < this.minWidthToWrap ||
	      helper.preformatted(description)
	    ) {
	      formattedDescription = description;
	    } else {
	      const wrappedDescription = helper.boxWrap(description, remainingWidth);
	      formattedDescription = wrappedDescription.replace(
	        /\n/g,
	        '\n' + ' '.repeat(termWidth + spacerWidth),
	      );
	    }

	    // Construct and overall indent.
	    return (
	      itemIndentStr +
	      paddedTerm +
	      ' '.repeat(spacerWidth) +
	      formattedDescription.replace(/\n/g, `\n${itemIndentStr}`)
	    );
	  }

	  /**
	   * Wrap a string at whitespace, preserving existing line breaks.
	   * Wrapping is skipped if the width is less than `minWidthToWrap`.
	   *
	   * @param {string} str
	   * @param {number} width
	   * @returns {string}
	   */
	  boxWrap(str, width) {
	    if (width < this.minWidthToWrap) return str;

	    const rawLines = str.split(/\r\n|\n/);
	    // split up text by whitespace
	    const chunkPattern = /[\s]*[^\s]+/g;
	    const wrappedLines = [];
	    rawLines.forEach((line) => {
	      const chunks = line.match(chunkPattern);
	      if (chunks === null) {
	        wrappedLines.push('');
	        return;
	      }

	      let sumChunks = [chunks.shift()];
	      let sumWidth = this.displayWidth(sumChunks[0]);
	      chunks.forEach((chunk) => {
	        const visibleWidth = this.displayWidth(chunk);
	        // Accumulate chunks while they fit into width.
	        if (sumWidth + visibleWidth <= width) {
	          sumChunks.push(chunk);
	          sumWidth += visibleWidth;
	          return;
	        }
	        wrappedLines.push(sumChunks.join(''));

	        const nextChunk = chunk.trimStart(); // trim space at line break
	        sumChunks = [nextChunk];
	        sumWidth = this.displayWidth(nextChunk);
	      });
	      wrappedLines.push(sumChunks.join(''));
	    });

	    return wrappedLines.join('\n');
	  }
	}

	/**
	 * Strip style ANSI escape sequences from the string. In particular, SGR (Select Graphic Rendition) codes.
	 *
	 * @param {string} str
	 * @returns {string}
	 * @package
	 */

	function stripColor(str) {
	  // eslint-disable-next-line no-control-regex
	  const sgrPattern = /\x1b\[\d*(;\d*)*m/g;
	  return str.replace(sgrPattern, '');
	}

	help.Help = Help;
	help.stripColor = stripColor;
	return help;
}

var option = {};

var hasRequiredOption;

function requireOption () {
	if (hasRequiredOption) return option;
	hasRequiredOption = 1;
	const { InvalidArgumentError } = requireError();

	class Option {
	  /**
	   * Initialize a new `Option` with the given `flags` and `description`.
	   *
	   * @param {string} flags
	   * @param {string} [description]
	   */

	  constructor(flags, description) {
	    this.flags = flags;
	    this.description = description || '';

	    this.required = flags.includes('<'); // A value must be supplied when the option is specified.
	    this.optional = flags.includes('['); // A value is optional when the option is specified.
	    // variadic test ignores <value,...> et al which might be used to describe custom splitting of single argument
	    this.variadic = /\w\.\.\.[>\]]$/.test(flags); // The option can take multiple values.
	    this.mandatory = false; // The option must have a value after parsing, which usually means it must be specified on command line.
	    const optionFlags = splitOptionFlags(flags);
	    this.short = optionFlags.shortFlag; // May be a short flag, undefined, or even a long flag (if option has two long flags).
	    this.long = optionFlags.longFlag;
	    this.negate = false;
	    if (this.long) {
	      this.negate = this.long.startsWith('--no-');
	    }
	    this.defaultValue = undefined;
	    this.defaultValueDescription = undefined;
	    this.presetArg = undefined;
	    this.envVar = undefined;
	    this.parseArg = undefined;
	    this.hidden = false;
	    this.argChoices = undefined;
	    this.conflictsWith = [];
	    this.implied = undefined;
	    this.helpGroupHeading = undefined; // soft initialised when option added to command
	  }

	  /**
	   * Set the default value, and optionally supply the description to be displayed in the help.
	   *
	   * @param {*} value
	   * @param {string} [description]
	   * @return {Option}
	   */

	  default(value, description) {
	    this.defaultValue = value;
	    this.defaultValueDescription = description;
	    return this;
	  }

	  /**
	   * Preset to use when option used without option-argument, especially optional but also boolean and negated.
	   * The custom processing (parseArg) is called.
	   *
	   * @example
	   * new Option('--color').default('GREYSCALE').preset('RGB');
	   * new Option('--donate [amount]').preset('20').argParser(parseFloat);
	   *
	   * @param {*} arg
	   * @return {Option}
	   */

	  preset(arg) {
	    this.presetArg = arg;
	    return this;
	  }

	  /**
	   * Add option name(s) that conflict with this option.
	   * An error will be displayed if conflicting options are found during parsing.
	   *
	   * @example
	   * new Option('--rgb').conflicts('cmyk');
	   * new Option('--js').conflicts(['ts', 'jsx']);
	   *
	   * @param {(string | string[])} names
	   * @return {Option}
	   */

	  conflicts(names) {
	    this.conflictsWith = this.conflictsWith.concat(names);
	    return this;
	  }

	  /**
	   * Specify implied option values for when this option is set and the implied options are not.
	   *
	   * The custom processing (parseArg) is not called on the implied values.
	   *
	   * @example
	   * program
	   *   .addOption(new Option('--log', 'write logging information to file'))
	   *   .addOption(new Option('--trace', 'log extra details').implies({ log: 'trace.txt' }));
	   *
	   * @param {object} impliedOptionValues
	   * @return {Option}
	   */
	  implies(impliedOptionValues) {
	    let newImplied = impliedOptionValues;
	    if (typeof impliedOptionValues === 'string') {
	      // string is not documented, but easy mistake and we can do what user probably intended.
	      newImplied = { [impliedOptionValues]: true };
	    }
	    this.implied = Object.assign(this.implied || {}, newImplied);
	    return this;
	  }

	  /**
	   * Set environment variable to check for option value.
	   *
	   * An environment variable is only used if when processed the current option value is
	   * undefined, or the source of the current value is 'default' or 'config' or 'env'.
	   *
	   * @param {string} name
	   * @return {Option}
	   */

	  env(name) {
	    this.envVar = name;
	    return this;
	  }

	  /**
	   * Set the custom handler for processing CLI option arguments into option values.
	   *
	   * @param {Function} [fn]
	   * @return {Option}
	   */

	  argParser(fn) {
	    this.parseArg = fn;
	    return this;
	  }

	  /**
	   * Whether the option is mandatory and must have a value after parsing.
	   *
	   * @param {boolean} [mandatory=true]
	   * @return {Option}
	   */

	  makeOptionMandatory(mandatory = true) {
	    this.mandatory = !!mandatory;
	    return this;
	  }

	  /**
	   * Hide option in help.
	   *
	   * @param {boolean} [hide=true]
	   * @return {Option}
	   */

	  hideHelp(hide = true) {
	    this.hidden = !!hide;
	    return this;
	  }

	  /**
	   * @package
	   */

	  _collectValue(value, previous) {
	    if (previous === this.defaultValue || !Array.isArray(previous)) {
	      return [value];
	    }

	    previous.push(value);
	    return previous;
	  }

	  /**
	   * Only allow option value to be one of choices.
	   *
	   * @param {string[]} values
	   * @return {Option}
	   */

	  choices(values) {
	    this.argChoices = values.slice();
	    this.parseArg = (arg, previous) => {
	      if (!this.argChoices.includes(arg)) {
	        throw new InvalidArgumentError(
	          `Allowed choices are ${this.argChoices.join(', ')}.`,
	        );
	      }
	      if (this.variadic) {
	        return this._collectValue(arg, previous);
	      }
	      return arg;
	    };
	    return this;
	  }

	  /**
	   * Return option name.
	   *
	   * @return {string}
	   */

	  name() {
	    if (this.long) {
	      return this.long.replace(/^--/, '');
	    }
	    return this.short.replace(/^-/, '');
	  }

	  /**
	   * Return option name, in a camelcase format that can be used
	   * as an object attribute key.
	   *
	   * @return {string}
	   */

	  attributeName() {
	    if (this.negate) {
	      return camelcase(this.name().replace(/^no-/, ''));
	    }
	    return camelcase(this.name());
	  }

	  /**
	   * Set the help group heading.
	   *
	   * @param {string} heading
	   * @return {Option}
	   */
	  helpGroup(heading) {
	    this.helpGroupHeading = heading;
	    return this;
	  }

	  /**
	   * Check if `arg` matches the short or long flag.
	   *
	   * @param {string} arg
	   * @return {boolean}
	   * @package
	   */

	  is(arg) {
	    return this.short === arg || this.long === arg;
	  }

	  /**
	   * Return whether a boolean option.
	   *
	   * Options are one of boolean, negated, required argument, or optional argument.
	   *
	   * @return {boolean}
	   * @package
	   */

	  isBoolean() {
	    return !this.required && !this.optional && !this.negate;
	  }
	}

	/**
	 * This class is to make it easier to work with dual options, without changing the existing
	 * implementation. We support separate dual options for separate positive and negative options,
	 * like `--build` and `--no-build`, which share a single option value. This works nicely for some
	 * use cases, but is tricky for others where we want separate behaviours despite
	 * the single shared option value.
	 */
	class DualOptions {
	  /**
	   * @param {Option[]} options
	   */
	  constructor(options) {
	    this.positiveOptions = new Map();
	    this.negativeOptions = new Map();
	    this.dualOptions = new Set();
	    options.forEach((option) => {
	      if (option.negate) {
	        this.negativeOptions.set(option.attributeName(), option);
	      } else {
	        this.positiveOptions.set(option.attributeName(), option);
	      }
	    });
	    this.negativeOptions.forEach((value, key) => {
	      if (this.positiveOptions.has(key)) {
	        this.dualOptions.add(key);
	      }
	    });
	  }

	  /**
	   * Did the value come from the option, and not from possible matching dual option?
	   *
	   * @param {*} value
	   * @param {Option} option
	   * @returns {boolean}
	   */
	  valueFromOption(value, option) {
	    const optionKey = option.attributeName();
	    if (!this.dualOptions.has(optionKey)) return true;

	    // Use the value to deduce if (probably) came from the option.
	    const preset = this.negativeOptions.get(optionKey).presetArg;
	    const negativeValue = preset !== undefined ? preset : false;
	    return option.negate === (negativeValue === value);
	  }
	}

	/**
	 * Convert string from kebab-case to camelCase.
	 *
	 * @param {string} str
	 * @return {string}
	 * @private
	 */

	function camelcase(str) {
	  return str.split('-').reduce((str, word) => {
	    return str + word[0].toUpperCase() + word.slice(1);
	  });
	}

	/**
	 * Split the short and long flag out of something like '-m,--mixed <value>'
	 *
	 * @private
	 */

	function splitOptionFlags(flags) {
	  let shortFlag;
	  let longFlag;
	  // short flag, single dash and single character
	  const shortFlagExp = /^-[^-]$/;
	  // long flag, double dash and at least one character
	  const longFlagExp = /^--[^-]/;

	  const flagParts = flags.split(/[ |,]+/).concat('guard');
	  // Normal is short and/or long.
	  if (shortFlagExp.test(flagParts[0])) shortFlag = flagParts.shift();
	  if (longFlagExp.test(flagParts[0])) longFlag = flagParts.shift();
	  // Long then short. Rarely used but fine.
	  if (!shortFlag && shortFlagExp.test(flagParts[0]))
	    shortFlag = flagParts.shift();
	  // Allow two long flags, like '--ws, --workspace'
	  // This is the supported way to have a shortish option flag.
	  if (!shortFlag && longFlagExp.test(flagParts[0])) {
	    shortFlag = longFlag;
	    longFlag = flagParts.shift();
	  }

	  // Check for unprocessed flag. Fail noisily rather than silently ignore.
	  if (flagParts[0].startsWith('-')) {
	    const unsupportedFlag = flagParts[0];
	    const baseError = `option creation failed due to '${unsupportedFlag}' in option flags '${flags}'`;
	    if (/^-[^-][^-]/.test(unsupportedFlag))
	      throw new Error(
	        `${baseError}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`,
	      );
	    if (shortFlagExp.test(unsupportedFlag))
	      throw new Error(`${baseError}
- too many short flags`);
	    if (longFlagExp.test(unsupportedFlag))
	      throw new Error(`${baseError}
- too many long flags`);

	    throw new Error(`${baseError}
- unrecognised flag format`);
	  }
	  if (shortFlag === undefined && longFlag === undefined)
	    throw new Error(
	      `option creation failed due to no flags found in '${flags}'.`,
	    );

	  return { shortFlag, longFlag };
	}

	option.Option = Option;
	option.DualOptions = DualOptions;
	return option;
}

var suggestSimilar = {};

var hasRequiredSuggestSimilar;

function requireSuggestSimilar () {
	if (hasRequiredSuggestSimilar) return suggestSimilar;
	hasRequiredSuggestSimilar = 1;
	const maxDistance = 3;

	function editDistance(a, b) {
	  // https://en.wikipedia.org/wiki/Damerau–Levenshtein_distance
	  // Calculating optimal string alignment distance, no substring is edited more than once.
	  // (Simple implementation.)

	  // Quick early exit, return worst case.
	  if (Math.abs(a.length - b.length) > maxDistance)
	    return Math.max(a.length, b.length);

	  // distance between prefix substrings of a and b
	  const d = [];

	  // pure deletions turn a into empty string
	  for (let i = 0; i <= a.length; i++) {
	    d[i] = [i];
	  }
	  // pure insertions turn empty string into b
	  for (let j = 0; j <= b.length; j++) {
	    d[0][j] = j;
	  }

	  // fill matrix
	  for (let j = 1; j <= b.length; j++) {
	    for (let i = 1; i <= a.length; i++) {
	      let cost = 1;
	      if (a[i - 1] === b[j - 1]) {
	        cost = 0;
	      } else {
	        cost = 1;
	      }
	      d[i][j] = Math.min(
	        d[i - 1][j] + 1, // deletion
	        d[i][j - 1] + 1, // insertion
	        d[i - 1][j - 1] + cost, // substitution
	      );
	      // transposition
	      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
	        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
	      }
	    }
	  }

	  return d[a.length][b.length];
	}

	/**
	 * Find close matches, restricted to same number of edits.
	 *
	 * @param {string} word
	 * @param {string[]} candidates
	 * @returns {string}
	 */

	function suggestSimilar$1(word, candidates) {
	  if (!candidates || candidates.length === 0) return '';
	  // remove possible duplicates
	  candidates = Array.from(new Set(candidates));

	  const searchingOptions = word.startsWith('--');
	  if (searchingOptions) {
	    word = word.slice(2);
	    candidates = candidates.map((candidate) => candidate.slice(2));
	  }

	  let similar = [];
	  let bestDistance = maxDistance;
	  const minSimilarity = 0.4;
	  candidates.forEach((candidate) => {
	    if (candidate.length <= 1) return; // no one character guesses

	    const distance = editDistance(word, candidate);
	    const length = Math.max(word.length, candidate.length);
	    const similarity = (length - distance) / length;
	    if (similarity > minSimilarity) {
	      if (distance < bestDistance) {
	        // better edit distance, throw away previous worse matches
	        bestDistance = distance;
	        similar = [candidate];
	      } else if (distance === bestDistance) {
	        similar.push(candidate);
	      }
	    }
	  });

	  similar.sort((a, b) => a.localeCompare(b));
	  if (searchingOptions) {
	    similar = similar.map((candidate) => `--${candidate}`);
	  }

	  if (similar.length > 1) {
	    return `\n(Did you mean one of ${similar.join(', ')}?)`;
	  }
	  if (similar.length === 1) {
	    return `\n(Did you mean ${similar[0]}?)`;
	  }
	  return '';
	}

	suggestSimilar.suggestSimilar = suggestSimilar$1;
	return suggestSimilar;
}

var hasRequiredCommand;

function requireCommand () {
	if (hasRequiredCommand) return command;
	hasRequiredCommand = 1;
	const EventEmitter = require$$0.EventEmitter;
	const childProcess = start.require$$1;
	const path$1 = path;
	const fs$1 = fs;
	const process = require$$4;

	const { Argument, humanReadableArgName } = requireArgument();
	const { CommanderError } = requireError();
	const { Help, stripColor } = requireHelp();
	const { Option, DualOptions } = requireOption();
	const { suggestSimilar } = requireSuggestSimilar();

	class Command extends EventEmitter {
	  /**
	   * Initialize a new `Command`.
	   *
	   * @param {string} [name]
	   */

	  constructor(name) {
	    super();
	    /** @type {Command[]} */
	    this.commands = [];
	    /** @type {Option[]} */
	    this.options = [];
	    this.parent = null;
	    this._allowUnknownOption = false;
	    this._allowExcessArguments = false;
	    /** @type {Argument[]} */
	    this.registeredArguments = [];
	    this._args = this.registeredArguments; // deprecated old name
	    /** @type {string[]} */
	    this.args = []; // cli args with options removed
	    this.rawArgs = [];
	    this.processedArgs = []; // like .args but after custom processing and collecting variadic
	    this._scriptPath = null;
	    this._name = name || '';
	    this._optionValues = {};
	    this._optionValueSources = {}; // default, env, cli etc
	    this._storeOptionsAsProperties = false;
	    this._actionHandler = null;
	    this._executableHandler = false;
	    this._executableFile = null; // custom name for executable
	    this._executableDir = null; // custom search directory for subcommands
	    this._defaultCommandName = null;
	    this._exitCallback = null;
	    this._aliases = [];
	    this._combineFlagAndOptionalValue = true;
	    this._description = '';
	    this._summary = '';
	    this._argsDescription = undefined; // legacy
	    this._enablePositionalOptions = false;
	    this._passThroughOptions = false;
	    this._lifeCycleHooks = {}; // a hash of arrays
	    /** @type {(boolean | string)} */
	    this._showHelpAfterError = false;
	    this._showSuggestionAfterError = true;
	    this._savedState = null; // used in save/restoreStateBeforeParse

	    // see configureOutput() for docs
	    this._outputConfiguration = {
	      writeOut: (str) => process.stdout.write(str),
	      writeErr: (str) => process.stderr.write(str),
	      outputError: (str, write) => write(str),
	      getOutHelpWidth: () =>
	        process.stdout.isTTY ? process.stdout.columns : undefined,
	      getErrHelpWidth: () =>
	        process.stderr.isTTY ? process.stderr.columns : undefined,
	      getOutHasColors: () =>
	        useColor() ?? (process.stdout.isTTY && process.stdout.hasColors?.()),
	      getErrHasColors: () =>
	        useColor() ?? (process.stderr.isTTY && process.stderr.hasColors?.()),
	      stripColor: (str) => stripColor(str),
	    };

	    this._hidden = false;
	    /** @type {(Option | null | undefined)} */
	    this._helpOption = undefined; // Lazy created on demand. May be null if help option is disabled.
	    this._addImplicitHelpCommand = undefined; // undecided whether true or false yet, not inherited
	    /** @type {Command} */
	    this._helpCommand = undefined; // lazy initialised, inherited
	    this._helpConfiguration = {};
	    /** @type {string | undefined} */
	    this._helpGroupHeading = undefined; // soft initialised when added to parent
	    /** @type {string | undefined} */
	    this._defaultCommandGroup = undefined;
	    /** @type {string | undefined} */
	    this._defaultOptionGroup = undefined;
	  }

	  /**
	   * Copy settings that are useful to have in common across root command and subcommands.
	   *
	   * (Used internally when adding a command using `.command()` so subcommands inherit parent settings.)
	   *
	   * @param {Command} sourceCommand
	   * @return {Command} `this` command for chaining
	   */
	  copyInheritedSettings(sourceCommand) {
	    this._outputConfiguration = sourceCommand._outputConfiguration;
	    this._helpOption = sourceCommand._helpOption;
	    this._helpCommand = sourceCommand._helpCommand;
	    this._helpConfiguration = sourceCommand._helpConfiguration;
	    this._exitCallback = sourceCommand._exitCallback;
	    this._storeOptionsAsProperties = sourceCommand._storeOptionsAsProperties;
	    this._combineFlagAndOptionalValue =
	      sourceCommand._combineFlagAndOptionalValue;
	    this._allowExcessArguments = sourceCommand._allowExcessArguments;
	    this._enablePositionalOptions = sourceCommand._enablePositionalOptions;
	    this._showHelpAfterError = sourceCommand._showHelpAfterError;
	    this._showSuggestionAfterError = sourceCommand._showSuggestionAfterError;

	    return this;
	  }

	  /**
	   * @returns {Command[]}
	   * @private
	   */

	  _getCommandAndAncestors() {
	    const result = [];
	    // eslint-disable-next-line @typescript-eslint/no-this-alias
	    for (let command = this; command; command = command.parent) {
	      result.push(command);
	    }
	    return result;
	  }

	  /**
	   * Define a command.
	   *
	   * There are two styles of command: pay attention to where to put the description.
	   *
	   * @example
	   * // Command implemented using action handler (description is supplied separately to `.command`)
	   * program
	   *   .command('clone <source> [destination]')
	   *   .description('clone a repository into a newly created directory')
	   *   .action((source, destination) => {
	   *     console.log('clone command called');
	   *   });
	   *
	   * // Command implemented using separate executable file (description is second parameter to `.command`)
	   * program
	   *   .command('start <service>', 'start named service')
	   *   .command('stop [service]', 'stop named service, or all if no name supplied');
	   *
	   * @param {string} nameAndArgs - command name and arguments, args are `<required>` or `[optional]` and last may also be `variadic...`
	   * @param {(object | string)} [actionOptsOrExecDesc] - configuration options (for action), or description (for executable)
	   * @param {object} [execOpts] - configuration options (for executable)
	   * @return {Command} returns new command for action handler, or `this` for executable command
	   */

	  command(nameAndArgs, actionOptsOrExecDesc, execOpts) {
	    let desc = actionOptsOrExecDesc;
	    let opts = execOpts;
	    if (typeof desc === 'object' && desc !== null) {
	      opts = desc;
	      desc = null;
	    }
	    opts = opts || {};
	    const [, name, args] = nameAndArgs.match(/([^ ]+) *(.*)/);

	    const cmd = this.createCommand(name);
	    if (desc) {
	      cmd.description(desc);
	      cmd._executableHandler = true;
	    }
	    if (opts.isDefault) this._defaultCommandName = cmd._name;
	    cmd._hidden = !!(opts.noHelp || opts.hidden); // noHelp is deprecated old name for hidden
	    cmd._executableFile = opts.executableFile || null; // Custom name for executable file, set missing to null to match constructor
	    if (args) cmd.arguments(args);
	    this._registerCommand(cmd);
	    cmd.parent = this;
	    cmd.copyInheritedSettings(this);

	    if (desc) return this;
	    return cmd;
	  }

	  /**
	   * Factory routine to create a new unattached command.
	   *
	   * See .command() for creating an attached subcommand, which uses this routine to
	   * create the command. You can override createCommand to customise subcommands.
	   *
	   * @param {string} [name]
	   * @return {Command} new command
	   */

	  createCommand(name) {
	    return new Command(name);
	  }

	  /**
	   * You can customise the help with a subclass of Help by overriding createHelp,
	   * or by overriding Help properties using configureHelp().
	   *
	   * @return {Help}
	   */

	  createHelp() {
	    return Object.assign(new Help(), this.configureHelp());
	  }

	  /**
	   * You can customise the help by overriding Help properties using configureHelp(),
	   * or with a subclass of Help by overriding createHelp().
	   *
	   * @param {object} [configuration] - configuration options
	   * @return {(Command | object)} `this` command for chaining, or stored configuration
	   */

	  configureHelp(configuration) {
	    if (configuration === undefined) return this._helpConfiguration;

	    this._helpConfiguration = configuration;
	    return this;
	  }

	  /**
	   * The default output goes to stdout and stderr. You can customise this for special
	   * applications. You can also customise the display of errors by overriding outputError.
	   *
	   * The configuration properties are all functions:
	   *
	   *     // change how output being written, defaults to stdout and stderr
	   *     writeOut(str)
	   *     writeErr(str)
	   *     // change how output being written for errors, defaults to writeErr
	   *     outputError(str, write) // used for displaying errors and not used for displaying help
	   *     // specify width for wrapping help
	   *     getOutHelpWidth()
	   *     getErrHelpWidth()
	   *     // color support, currently only used with Help
	   *     getOutHasColors()
	   *     getErrHasColors()
	   *     stripColor() // used to remove ANSI escape codes if output does not have colors
	   *
	   * @param {object} [configuration] - configuration options
	   * @return {(Command | object)} `this` command for chaining, or stored configuration
	   */

	  configureOutput(configuration) {
	    if (configuration === undefined) return this._outputConfiguration;

	    this._outputConfiguration = {
	      ...this._outputConfiguration,
	      ...configuration,
	    };
	    return this;
	  }

	  /**
	   * Display the help or a custom message after an error occurs.
	   *
	   * @param {(boolean|string)} [displayHelp]
	   * @return {Command} `this` command for chaining
	   */
	  showHelpAfterError(displayHelp = true) {
	    if (typeof displayHelp !== 'string') displayHelp = !!displayHelp;
	    this._showHelpAfterError = displayHelp;
	    return this;
	  }

	  /**
	   * Display suggestion of similar commands for unknown commands, or options for unknown options.
	   *
	   * @param {boolean} [displaySuggestion]
	   * @return {Command} `this` command for chaining
	   */
	  showSuggestionAfterError(displaySuggestion = true) {
	    this._showSuggestionAfterError = !!displaySuggestion;
	    return this;
	  }

	  /**
	   * Add a prepared subcommand.
	   *
	   * See .command() for creating an attached subcommand which inherits settings from its parent.
	   *
	   * @param {Command} cmd - new subcommand
	   * @param {object} [opts] - configuration options
	   * @return {Command} `this` command for chaining
	   */

	  addCommand(cmd, opts) {
	    if (!cmd._name) {
	      throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
	    }

	    opts = opts || {};
	    if (opts.isDefault) this._defaultCommandName = cmd._name;
	    if (opts.noHelp || opts.hidden) cmd._hidden = true; // modifying passed command due to existing implementation

	    this._registerCommand(cmd);
	    cmd.parent = this;
	    cmd._checkForBrokenPassThrough();

	    return this;
	  }

	  /**
	   * Factory routine to create a new unattached argument.
	   *
	   * See .argument() for creating an attached argument, which uses this routine to
	   * create the argument. You can override createArgument to return a custom argument.
	   *
	   * @param {string} name
	   * @param {string} [description]
	   * @return {Argument} new argument
	   */

	  createArgument(name, description) {
	    return new Argument(name, description);
	  }

	  /**
	   * Define argument syntax for command.
	   *
	   * The default is that the argument is required, and you can explicitly
	   * indicate this with <> around the name. Put [] around the name for an optional argument.
	   *
	   * @example
	   * program.argument('<input-file>');
	   * program.argument('[output-file]');
	   *
	   * @param {string} name
	   * @param {string} [description]
	   * @param {(Function|*)} [parseArg] - custom argument processing function or default value
	   * @param {*} [defaultValue]
	   * @return {Command} `this` command for chaining
	   */
	  argument(name, description, parseArg, defaultValue) {
	    const argument = this.createArgument(name, description);
	    if (typeof parseArg === 'function') {
	      argument.default(defaultValue).argParser(parseArg);
	    } else {
	      argument.default(parseArg);
	    }
	    this.addArgument(argument);
	    return this;
	  }

	  /**
	   * Define argument syntax for command, adding multiple at once (without descriptions).
	   *
	   * See also .argument().
	   *
	   * @example
	   * program.arguments('<cmd> [env]');
	   *
	   * @param {string} names
	   * @return {Command} `this` command for chaining
	   */

	  arguments(names) {
	    names
	      .trim()
	      .split(/ +/)
	      .forEach((detail) => {
	        this.argument(detail);
	      });
	    return this;
	  }

	  /**
	   * Define argument syntax for command, adding a prepared argument.
	   *
	   * @param {Argument} argument
	   * @return {Command} `this` command for chaining
	   */
	  addArgument(argument) {
	    const previousArgument = this.registeredArguments.slice(-1)[0];
	    if (previousArgument?.variadic) {
	      throw new Error(
	        `only the last argument can be variadic '${previousArgument.name()}'`,
	      );
	    }
	    if (
	      argument.required &&
	      argument.defaultValue !== undefined &&
	      argument.parseArg === undefined
	    ) {
	      throw new Error(
	        `a default value for a required argument is never used: '${argument.name()}'`,
	      );
	    }
	    this.registeredArguments.push(argument);
	    return this;
	  }

	  /**
	   * Customise or override default help command. By default a help command is automatically added if your command has subcommands.
	   *
	   * @example
	   *    program.helpCommand('help [cmd]');
	   *    program.helpCommand('help [cmd]', 'show help');
	   *    program.helpCommand(false); // suppress default help command
	   *    program.helpCommand(true); // add help command even if no subcommands
	   *
	   * @param {string|boolean} enableOrNameAndArgs - enable with custom name and/or arguments, or boolean to override whether added
	   * @param {string} [description] - custom description
	   * @return {Command} `this` command for chaining
	   */

	  helpCommand(enableOrNameAndArgs, description) {
	    if (typeof enableOrNameAndArgs === 'boolean') {
	      this._addImplicitHelpCommand = enableOrNameAndArgs;
	      if (enableOrNameAndArgs && this._defaultCommandGroup) {
	        // make the command to store the group
	        this._initCommandGroup(this._getHelpCommand());
	      }
	      return this;
	    }

	    const nameAndArgs = enableOrNameAndArgs ?? 'help [command]';
	    const [, helpName, helpArgs] = nameAndArgs.match(/([^ ]+) *(.*)/);
	    const helpDescription = description ?? 'display help for command';

	    const helpCommand = this.createCommand(helpName);
	    helpCommand.helpOption(false);
	    if (helpArgs) helpCommand.arguments(helpArgs);
	    if (helpDescription) helpCommand.description(helpDescription);

	    this._addImplicitHelpCommand = true;
	    this._helpCommand = helpCommand;
	    // init group unless lazy create
	    if (enableOrNameAndArgs || description) this._initCommandGroup(helpCommand);

	    return this;
	  }

	  /**
	   * Add prepared custom help command.
	   *
	   * @param {(Command|string|boolean)} helpCommand - custom help command, or deprecated enableOrNameAndArgs as for `.helpCommand()`
	   * @param {string} [deprecatedDescription] - deprecated custom description used with custom name only
	   * @return {Command} `this` command for chaining
	   */
	  addHelpCommand(helpCommand, deprecatedDescription) {
	    // If not passed an object, call through to helpCommand for backwards compatibility,
	    // as addHelpCommand was originally used like helpCommand is now.
	    if (typeof helpCommand !== 'object') {
	      this.helpCommand(helpCommand, deprecatedDescription);
	      return this;
	    }

	    this._addImplicitHelpCommand = true;
	    this._helpCommand = helpCommand;
	    this._initCommandGroup(helpCommand);
	    return this;
	  }

	  /**
	   * Lazy create help command.
	   *
	   * @return {(Command|null)}
	   * @package
	   */
	  _getHelpCommand() {
	    const hasImplicitHelpCommand =
	      this._addImplicitHelpCommand ??
	      (this.commands.length &&
	        !this._actionHandler &&
	        !this._findCommand('help'));

	    if (hasImplicitHelpCommand) {
	      if (this._helpCommand === undefined) {
	        this.helpCommand(undefined, undefined); // use default name and description
	      }
	      return this._helpCommand;
	    }
	    return null;
	  }

	  /**
	   * Add hook for life cycle event.
	   *
	   * @param {string} event
	   * @param {Function} listener
	   * @return {Command} `this` command for chaining
	   */

	  hook(event, listener) {
	    const allowedValues = ['preSubcommand', 'preAction', 'postAction'];
	    if (!allowedValues.includes(event)) {
	      throw new Error(`Unexpected value for event passed to hook : '${event}'.
Expecting one of '${allowedValues.join("', '")}'`);
	    }
	    if (this._lifeCycleHooks[event]) {
	      this._lifeCycleHooks[event].push(listener);
	    } else {
	      this._lifeCycleHooks[event] = [listener];
	    }
	    return this;
	  }

	  /**
	   * Register callback to use as replacement for calling process.exit.
	   *
	   * @param {Function} [fn] optional callback which will be passed a CommanderError, defaults to throwing
	   * @return {Command} `this` command for chaining
	   */

	  exitOverride(fn) {
	    if (fn) {
	      this._exitCallback = fn;
	    } else {
	      this._exitCallback = (err) => {
	        if (err.code !== 'commander.executeSubCommandAsync') {
	          throw err;
	        }
	      };
	    }
	    return this;
	  }

	  /**
	   * Call process.exit, and _exitCallback if defined.
	   *
	   * @param {number} exitCode exit code for using with process.exit
	   * @param {string} code an id string representing the error
	   * @param {string} message human-readable description of the error
	   * @return never
	   * @private
	   */

	  _exit(exitCode, code, message) {
	    if (this._exitCallback) {
	      this._exitCallback(new CommanderError(exitCode, code, message));
	      // Expecting this line is not reached.
	    }
	    process.exit(exitCode);
	  }

	  /**
	   * Register callback `fn` for the command.
	   *
	   * @example
	   * program
	   *   .command('serve')
	   *   .description('start service')
	   *   .action(function() {
	   *      // do work here
	   *   });
	   *
	   * @param {Function} fn
	   * @return {Command} `this` command for chaining
	   */

	  action(fn) {
	    const listener = (args) => {
	      // The .action callback takes an extra parameter which is the command or options.
	      const expectedArgsCount = this.registeredArguments.length;
	      const actionArgs = args.slice(0, expectedArgsCount);
	      if (this._storeOptionsAsProperties) {
	        actionArgs[expectedArgsCount] = this; // backwards compatible "options"
	      } else {
	        actionArgs[expectedArgsCount] = this.opts();
	      }
	      actionArgs.push(this);

	      return fn.apply(this, actionArgs);
	    };
	    this._actionHandler = listener;
	    return this;
	  }

	  /**
	   * Factory routine to create a new unattached option.
	   *
	   * See .option() for creating an attached option, which uses this routine to
	   * create the option. You can override createOption to return a custom option.
	   *
	   * @param {string} flags
	   * @param {string} [description]
	   * @return {Option} new option
	   */

	  createOption(flags, description) {
	    return new Option(flags, description);
	  }

	  /**
	   * Wrap parseArgs to catch 'commander.invalidArgument'.
	   *
	   * @param {(Option | Argument)} target
	   * @param {string} value
	   * @param {*} previous
	   * @param {string} invalidArgumentMessage
	   * @private
	   */

	  _callParseArg(target, value, previous, invalidArgumentMessage) {
	    try {
	      return target.parseArg(value, previous);
	    } catch (err) {
	      if (err.code === 'commander.invalidArgument') {
	        const message = `${invalidArgumentMessage} ${err.message}`;
	        this.error(message, { exitCode: err.exitCode, code: err.code });
	      }
	      throw err;
	    }
	  }

	  /**
	   * Check for option flag conflicts.
	   * Register option if no conflicts found, or throw on conflict.
	   *
	   * @param {Option} option
	   * @private
	   */

	  _registerOption(option) {
	    const matchingOption =
	      (option.short && this._findOption(option.short)) ||
	      (option.long && this._findOption(option.long));
	    if (matchingOption) {
	      const matchingFlag =
	        option.long && this._findOption(option.long)
	          ? option.long
	          : option.short;
	      throw new Error(`Cannot add option '${option.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${matchingFlag}'
-  already used by option '${matchingOption.flags}'`);
	    }

	    this._initOptionGroup(option);
	    this.options.push(option);
	  }

	  /**
	   * Check for command name and alias conflicts with existing commands.
	   * Register command if no conflicts found, or throw on conflict.
	   *
	   * @param {Command} command
	   * @private
	   */

	  _registerCommand(command) {
	    const knownBy = (cmd) => {
	      return [cmd.name()].concat(cmd.aliases());
	    };

	    const alreadyUsed = knownBy(command).find((name) =>
	      this._findCommand(name),
	    );
	    if (alreadyUsed) {
	      const existingCmd = knownBy(this._findCommand(alreadyUsed)).join('|');
	      const newCmd = knownBy(command).join('|');
	      throw new Error(
	        `cannot add command '${newCmd}' as already have command '${existingCmd}'`,
	      );
	    }

	    this._initCommandGroup(command);
	    this.commands.push(command);
	  }

	  /**
	   * Add an option.
	   *
	   * @param {Option} option
	   * @return {Command} `this` command for chaining
	   */
	  addOption(option) {
	    this._registerOption(option);

	    const oname = option.name();
	    const name = option.attributeName();

	    // store default value
	    if (option.negate) {
	      // --no-foo is special and defaults foo to true, unless a --foo option is already defined
	      const positiveLongFlag = option.long.replace(/^--no-/, '--');
	      if (!this._findOption(positiveLongFlag)) {
	        this.setOptionValueWithSource(
	          name,
	          option.defaultValue === undefined ? true : option.defaultValue,
	          'default',
	        );
	      }
	    } else if (option.defaultValue !== undefined) {
	      this.setOptionValueWithSource(name, option.defaultValue, 'default');
	    }

	    // handler for cli and env supplied values
	    const handleOptionValue = (val, invalidValueMessage, valueSource) => {
	      // val is null for optional option used without an optional-argument.
	      // val is undefined for boolean and negated option.
	      if (val == null && option.presetArg !== undefined) {
	        val = option.presetArg;
	      }

	      // custom processing
	      const oldValue = this.getOptionValue(name);
	      if (val !== null && option.parseArg) {
	        val = this._callParseArg(option, val, oldValue, invalidValueMessage);
	      } else if (val !== null && option.variadic) {
	        val = option._collectValue(val, oldValue);
	      }

	      // Fill-in appropriate missing values. Long winded but easy to follow.
	      if (val == null) {
	        if (option.negate) {
	          val = false;
	        } else if (option.isBoolean() || option.optional) {
	          val = true;
	        } else {
	          val = ''; // not normal, parseArg might have failed or be a mock function for testing
	        }
	      }
	      this.setOptionValueWithSource(name, val, valueSource);
	    };

	    this.on('option:' + oname, (val) => {
	      const invalidValueMessage = `error: option '${option.flags}' argument '${val}' is invalid.`;
	      handleOptionValue(val, invalidValueMessage, 'cli');
	    });

	    if (option.envVar) {
	      this.on('optionEnv:' + oname, (val) => {
	        const invalidValueMessage = `error: option '${option.flags}' value '${val}' from env '${option.envVar}' is invalid.`;
	        handleOptionValue(val, invalidValueMessage, 'env');
	      });
	    }

	    return this;
	  }

	  /**
	   * Internal implementation shared by .option() and .requiredOption()
	   *
	   * @return {Command} `this` command for chaining
	   * @private
	   */
	  _optionEx(config, flags, description, fn, defaultValue) {
	    if (typeof flags === 'object' && flags instanceof Option) {
	      throw new Error(
	        'To add an Option object use addOption() instead of option() or requiredOption()',
	      );
	    }
	    const option = this.createOption(flags, description);
	    option.makeOptionMandatory(!!config.mandatory);
	    if (typeof fn === 'function') {
	      option.default(defaultValue).argParser(fn);
	    } else if (fn instanceof RegExp) {
	      // deprecated
	      const regex = fn;
	      fn = (val, def) => {
	        const m = regex.exec(val);
	        return m ? m[0] : def;
	      };
	      option.default(defaultValue).argParser(fn);
	    } else {
	      option.default(fn);
	    }

	    return this.addOption(option);
	  }

	  /**
	   * Define option with `flags`, `description`, and optional argument parsing function or `defaultValue` or both.
	   *
	   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space. A required
	   * option-argument is indicated by `<>` and an optional option-argument by `[]`.
	   *
	   * See the README for more details, and see also addOption() and requiredOption().
	   *
	   * @example
	   * program
	   *     .option('-p, --pepper', 'add pepper')
	   *     .option('--pt, --pizza-type <TYPE>', 'type of pizza') // required option-argument
	   *     .option('-c, --cheese [CHEESE]', 'add extra cheese', 'mozzarella') // optional option-argument with default
	   *     .option('-t, --tip <VALUE>', 'add tip to purchase cost', parseFloat) // custom parse function
	   *
	   * @param {string} flags
	   * @param {string} [description]
	   * @param {(Function|*)} [parseArg] - custom option processing function or default value
	   * @param {*} [defaultValue]
	   * @return {Command} `this` command for chaining
	   */

	  option(flags, description, parseArg, defaultValue) {
	    return this._optionEx({}, flags, description, parseArg, defaultValue);
	  }

	  /**
	   * Add a required option which must have a value after parsing. This usually means
	   * the option must be specified on the command line. (Otherwise the same as .option().)
	   *
	   * The `flags` string contains the short and/or long flags, separated by comma, a pipe or space.
	   *
	   * @param {string} flags
	   * @param {string} [description]
	   * @param {(Function|*)} [parseArg] - custom option processing function or default value
	   * @param {*} [defaultValue]
	   * @return {Command} `this` command for chaining
	   */

	  requiredOption(flags, description, parseArg, defaultValue) {
	    return this._optionEx(
	      { mandatory: true },
	      flags,
	      description,
	      parseArg,
	      defaultValue,
	    );
	  }

	  /**
	   * Alter parsing of short flags with optional values.
	   *
	   * @example
	   * // for `.option('-f,--flag [value]'):
	   * program.combineFlagAndOptionalValue(true);  // `-f80` is treated like `--flag=80`, this is the default behaviour
	   * program.combineFlagAndOptionalValue(false) // `-fb` is treated like `-f -b`
	   *
	   * @param {boolean} [combine] - if `true` or omitted, an optional value can be specified directly after the flag.
	   * @return {Command} `this` command for chaining
	   */
	  combineFlagAndOptionalValue(combine = true) {
	    this._combineFlagAndOptionalValue = !!combine;
	    return this;
	  }

	  /**
	   * Allow unknown options on the command line.
	   *
	   * @param {boolean} [allowUnknown] - if `true` or omitted, no error will be thrown for unknown options.
	   * @return {Command} `this` command for chaining
	   */
	  allowUnknownOption(allowUnknown = true) {
	    this._allowUnknownOption = !!allowUnknown;
	    return this;
	  }

	  /**
	   * Allow excess command-arguments on the command line. Pass false to make excess arguments an error.
	   *
	   * @param {boolean} [allowExcess] - if `true` or omitted, no error will be thrown for excess arguments.
	   * @return {Command} `this` command for chaining
	   */
	  allowExcessArguments(allowExcess = true) {
	    this._allowExcessArguments = !!allowExcess;
	    return this;
	  }

	  /**
	   * Enable positional options. Positional means global options are specified before subcommands which lets
	   * subcommands reuse the same option names, and also enables subcommands to turn on passThroughOptions.
	   * The default behaviour is non-positional and global options may appear anywhere on the command line.
	   *
	   * @param {boolean} [positional]
	   * @return {Command} `this` command for chaining
	   */
	  enablePositionalOptions(positional = true) {
	    this._enablePositionalOptions = !!positional;
	    return this;
	  }

	  /**
	   * Pass through options that come after command-arguments rather than treat them as command-options,
	   * so actual command-options come before command-arguments. Turning this on for a subcommand requires
	   * positional options to have been enabled on the program (parent commands).
	   * The default behaviour is non-positional and options may appear before or after command-arguments.
	   *
	   * @param {boolean} [passThrough] for unknown options.
	   * @return {Command} `this` command for chaining
	   */
	  passThroughOptions(passThrough = true) {
	    this._passThroughOptions = !!passThrough;
	    this._checkForBrokenPassThrough();
	    return this;
	  }

	  /**
	   * @private
	   */

	  _checkForBrokenPassThrough() {
	    if (
	      this.parent &&
	      this._passThroughOptions &&
	      !this.parent._enablePositionalOptions
	    ) {
	      throw new Error(
	        `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`,
	      );
	    }
	  }

	  /**
	   * Whether to store option values as properties on command object,
	   * or store separately (specify false). In both cases the option values can be accessed using .opts().
	   *
	   * @param {boolean} [storeAsProperties=true]
	   * @return {Command} `this` command for chaining
	   */

	  storeOptionsAsProperties(storeAsProperties = true) {
	    if (this.options.length) {
	      throw new Error('call .storeOptionsAsProperties() before adding options');
	    }
	    if (Object.keys(this._optionValues).length) {
	      throw new Error(
	        'call .storeOptionsAsProperties() before setting option values',
	      );
	    }
	    this._storeOptionsAsProperties = !!storeAsProperties;
	    return this;
	  }

	  /**
	   * Retrieve option value.
	   *
	   * @param {string} key
	   * @return {object} value
	   */

	  getOptionValue(key) {
	    if (this._storeOptionsAsProperties) {
	      return this[key];
	    }
	    return this._optionValues[key];
	  }

	  /**
	   * Store option value.
	   *
	   * @param {string} key
	   * @param {object} value
	   * @return {Command} `this` command for chaining
	   */

	  setOptionValue(key, value) {
	    return this.setOptionValueWithSource(key, value, undefined);
	  }

	  /**
	   * Store option value and where the value came from.
	   *
	   * @param {string} key
	   * @param {object} value
	   * @param {string} source - expected values are default/config/env/cli/implied
	   * @return {Command} `this` command for chaining
	   */

	  setOptionValueWithSource(key, value, source) {
	    if (this._storeOptionsAsProperties) {
	      this[key] = value;
	    } else {
	      this._optionValues[key] = value;
	    }
	    this._optionValueSources[key] = source;
	    return this;
	  }

	  /**
	   * Get source of option value.
	   * Expected values are default | config | env | cli | implied
	   *
	   * @param {string} key
	   * @return {string}
	   */

	  getOptionValueSource(key) {
	    return this._optionValueSources[key];
	  }

	  /**
	   * Get source of option value. See also .optsWithGlobals().
	   * Expected values are default | config | env | cli | implied
	   *
	   * @param {string} key
	   * @return {string}
	   */

	  getOptionValueSourceWithGlobals(key) {
	    // global overwrites local, like optsWithGlobals
	    let source;
	    this._getCommandAndAncestors().forEach((cmd) => {
	      if (cmd.getOptionValueSource(key) !== undefined) {
	        source = cmd.getOptionValueSource(key);
	      }
	    });
	    return source;
	  }

	  /**
	   * Get user arguments from implied or explicit arguments.
	   * Side-effects: set _scriptPath if args included script. Used for default program name, and subcommand searches.
	   *
	   * @private
	   */

	  _prepareUserArgs(argv, parseOptions) {
	    if (argv !== undefined && !Array.isArray(argv)) {
	      throw new Error('first parameter to parse must be array or undefined');
	    }
	    parseOptions = parseOptions || {};

	    // auto-detect argument conventions if nothing supplied
	    if (argv === undefined && parseOptions.from === undefined) {
	      if (process.versions?.electron) {
	        parseOptions.from = 'electron';
	      }
	      // check node specific options for scenarios where user CLI args follow executable without scriptname
	      const execArgv = process.execArgv ?? [];
	      if (
	        execArgv.includes('-e') ||
	        execArgv.includes('--eval') ||
	        execArgv.includes('-p') ||
	        execArgv.includes('--print')
	      ) {
	        parseOptions.from = 'eval'; // internal usage, not documented
	      }
	    }

	    // default to using process.argv
	    if (argv === undefined) {
	      argv = process.argv;
	    }
	    this.rawArgs = argv.slice();

	    // extract the user args and scriptPath
	    let userArgs;
	    switch (parseOptions.from) {
	      case undefined:
	      case 'node':
	        this._scriptPath = argv[1];
	        userArgs = argv.slice(2);
	        break;
	      case 'electron':
	        // @ts-ignore: because defaultApp is an unknown property
	        if (process.defaultApp) {
	          this._scriptPath = argv[1];
	          userArgs = argv.slice(2);
	        } else {
	          userArgs = argv.slice(1);
	        }
	        break;
	      case 'user':
	        userArgs = argv.slice(0);
	        break;
	      case 'eval':
	        userArgs = argv.slice(1);
	        break;
	      default:
	        throw new Error(
	          `unexpected parse option { from: '${parseOptions.from}' }`,
	        );
	    }

	    // Find default name for program from arguments.
	    if (!this._name && this._scriptPath)
	      this.nameFromFilename(this._scriptPath);
	    this._name = this._name || 'program';

	    return userArgs;
	  }

	  /**
	   * Parse `argv`, setting options and invoking commands when defined.
	   *
	   * Use parseAsync instead of parse if any of your action handlers are async.
	   *
	   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
	   *
	   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
	   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
	   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
	   * - `'user'`: just user arguments
	   *
	   * @example
	   * program.parse(); // parse process.argv and auto-detect electron and special node flags
	   * program.parse(process.argv); // assume argv[0] is app and argv[1] is script
	   * program.parse(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
	   *
	   * @param {string[]} [argv] - optional, defaults to process.argv
	   * @param {object} [parseOptions] - optionally specify style of options with from: node/user/electron
	   * @param {string} [parseOptions.from] - where the args are from: 'node', 'user', 'electron'
	   * @return {Command} `this` command for chaining
	   */

	  parse(argv, parseOptions) {
	    this._prepareForParse();
	    const userArgs = this._prepareUserArgs(argv, parseOptions);
	    this._parseCommand([], userArgs);

	    return this;
	  }

	  /**
	   * Parse `argv`, setting options and invoking commands when defined.
	   *
	   * Call with no parameters to parse `process.argv`. Detects Electron and special node options like `node --eval`. Easy mode!
	   *
	   * Or call with an array of strings to parse, and optionally where the user arguments start by specifying where the arguments are `from`:
	   * - `'node'`: default, `argv[0]` is the application and `argv[1]` is the script being run, with user arguments after that
	   * - `'electron'`: `argv[0]` is the application and `argv[1]` varies depending on whether the electron application is packaged
	   * - `'user'`: just user arguments
	   *
	   * @example
	   * await program.parseAsync(); // parse process.argv and auto-detect electron and special node flags
	   * await program.parseAsync(process.argv); // assume argv[0] is app and argv[1] is script
	   * await program.parseAsync(my-args, { from: 'user' }); // just user supplied arguments, nothing special about argv[0]
	   *
	   * @param {string[]} [argv]
	   * @param {object} [parseOptions]
	   * @param {string} parseOptions.from - where the args are from: 'node', 'user', 'electron'
	   * @return {Promise}
	   */

	  async parseAsync(argv, parseOptions) {
	    this._prepareForParse();
	    const userArgs = this._prepareUserArgs(argv, parseOptions);
	    await this._parseCommand([], userArgs);

	    return this;
	  }

	  _prepareForParse() {
	    if (this._savedState === null) {
	      this.saveStateBeforeParse();
	    } else {
	      this.restoreStateBeforeParse();
	    }
	  }

	  /**
	   * Called the first time parse is called to save state and allow a restore before subsequent calls to parse.
	   * Not usually called directly, but available for subclasses to save their custom state.
	   *
	   * This is called in a lazy way. Only commands used in parsing chain will have state saved.
	   */
	  saveStateBeforeParse() {
	    this._savedState = {
	      // name is stable if supplied by author, but may be unspecified for root command and deduced during parsing
	      _name: this._name,
	      // option values before parse have default values (including false for negated options)
	      // shallow clones
	      _optionValues: { ...this._optionValues },
	      _optionValueSources: { ...this._optionValueSources },
	    };
	  }

	  /**
	   * Restore state before parse for calls after the first.
	   * Not usually called directly, but available for subclasses to save their custom state.
	   *
	   * This is called in a lazy way. Only commands used in parsing chain will have state restored.
	   */
	  restoreStateBeforeParse() {
	    if (this._storeOptionsAsProperties)
	      throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);

	    // clear state from _prepareUserArgs
	    this._name = this._savedState._name;
	    this._scriptPath = null;
	    this.rawArgs = [];
	    // clear state from setOptionValueWithSource
	    this._optionValues = { ...this._savedState._optionValues };
	    this._optionValueSources = { ...this._savedState._optionValueSources };
	    // clear state from _parseCommand
	    this.args = [];
	    // clear state from _processArguments
	    this.processedArgs = [];
	  }

	  /**
	   * Throw if expected executable is missing. Add lots of help for author.
	   *
	   * @param {string} executableFile
	   * @param {string} executableDir
	   * @param {string} subcommandName
	   */
	  _checkForMissingExecutable(executableFile, executableDir, subcommandName) {
	    if (fs$1.existsSync(executableFile)) return;

	    const executableDirMessage = executableDir
	      ? `searched for local subcommand relative to directory '${executableDir}'`
	      : 'no directory for search for local subcommand, use .executableDir() to supply a custom directory';
	    const executableMissing = `'${executableFile}' does not exist
 - if '${subcommandName}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${executableDirMessage}`;
	    throw new Error(executableMissing);
	  }

	  /**
	   * Execute a sub-command executable.
	   *
	   * @private
	   */

	  _executeSubCommand(subcommand, args) {
	    args = args.slice();
	    let launchWithNode = false; // Use node for source targets so do not need to get permissions correct, and on Windows.
	    const sourceExt = ['.js', '.ts', '.tsx', '.mjs', '.cjs'];

	    function findFile(baseDir, baseName) {
	      // Look for specified file
	      const localBin = path$1.resolve(baseDir, baseName);
	      if (fs$1.existsSync(localBin)) return localBin;

	      // Stop looking if candidate already has an expected extension.
	      if (sourceExt.includes(path$1.extname(baseName))) return undefined;

	      // Try all the extensions.
	      const foundExt = sourceExt.find((ext) =>
	        fs$1.existsSync(`${localBin}${ext}`),
	      );
	      if (foundExt) return `${localBin}${foundExt}`;

	      return undefined;
	    }

	    // Not checking for help first. Unlikely to have mandatory and executable, and can't robustly test for help flags in external command.
	    this._checkForMissingMandatoryOptions();
	    this._checkForConflictingOptions();

	    // executableFile and executableDir might be full path, or just a name
	    let executableFile =
	      subcommand._executableFile || `${this._name}-${subcommand._name}`;
	    let executableDir = this._executableDir || '';
	    if (this._scriptPath) {
	      let resolvedScriptPath; // resolve possible symlink for installed npm binary
	      try {
	        resolvedScriptPath = fs$1.realpathSync(this._scriptPath);
	      } catch {
	        resolvedScriptPath = this._scriptPath;
	      }
	      executableDir = path$1.resolve(
	        path$1.dirname(resolvedScriptPath),
	        executableDir,
	      );
	    }

	    // Look for a local file in preference to a command in PATH.
	    if (executableDir) {
	      let localFile = findFile(executableDir, executableFile);

	      // Legacy search using prefix of script name instead of command name
	      if (!localFile && !subcommand._executableFile && this._scriptPath) {
	        const legacyName = path$1.basename(
	          this._scriptPath,
	          path$1.extname(this._scriptPath),
	        );
	        if (legacyName !== this._name) {
	          localFile = findFile(
	            executableDir,
	            `${legacyName}-${subcommand._name}`,
	          );
	        }
	      }
	      executableFile = localFile || executableFile;
	    }

	    launchWithNode = sourceExt.includes(path$1.extname(executableFile));

	    let proc;
	    if (process.platform !== 'win32') {
	      if (launchWithNode) {
	        args.unshift(executableFile);
	        // add executable arguments to spawn
	        args = incrementNodeInspectorPort(process.execArgv).concat(args);

	        proc = childProcess.spawn(process.argv[0], args, { stdio: 'inherit' });
	      } else {
	        proc = childProcess.spawn(executableFile, args, { stdio: 'inherit' });
	      }
	    } else {
	      this._checkForMissingExecutable(
	        executableFile,
	        executableDir,
	        subcommand._name,
	      );
	      args.unshift(executableFile);
	      // add executable arguments to spawn
	      args = incrementNodeInspectorPort(process.execArgv).concat(args);
	      proc = childProcess.spawn(process.execPath, args, { stdio: 'inherit' });
	    }

	    if (!proc.killed) {
	      // testing mainly to avoid leak warnings during unit tests with mocked spawn
	      const signals = ['SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGINT', 'SIGHUP'];
	      signals.forEach((signal) => {
	        process.on(signal, () => {
	          if (proc.killed === false && proc.exitCode === null) {
	            // @ts-ignore because signals not typed to known strings
	            proc.kill(signal);
	          }
	        });
	      });
	    }

	    // By default terminate process when spawned process terminates.
	    const exitCallback = this._exitCallback;
	    proc.on('close', (code) => {
	      code = code ?? 1; // code is null if spawned process terminated due to a signal
	      if (!exitCallback) {
	        process.exit(code);
	      } else {
	        exitCallback(
	          new CommanderError(
	            code,
	            'commander.executeSubCommandAsync',
	            '(close)',
	          ),
	        );
	      }
	    });
	    proc.on('error', (err) => {
	      // @ts-ignore: because err.code is an unknown property
	      if (err.code === 'ENOENT') {
	        this._checkForMissingExecutable(
	          executableFile,
	          executableDir,
	          subcommand._name,
	        );
	        // @ts-ignore: because err.code is an unknown property
	      } else if (err.code === 'EACCES') {
	        throw new Error(`'${executableFile}' not executable`);
	      }
	      if (!exitCallback) {
	        process.exit(1);
	      } else {
	        const wrappedError = new CommanderError(
	          1,
	          'commander.executeSubCommandAsync',
	          '(error)',
	        );
	        wrappedError.nestedError = err;
	        exitCallback(wrappedError);
	      }
	    });

	    // Store the reference to the child process
	    this.runningCommand = proc;
	  }

	  /**
	   * @private
	   */

	  _dispatchSubcommand(commandName, operands, unknown) {
	    const subCommand = this._findCommand(commandName);
	    if (!subCommand) this.help({ error: true });

	    subCommand._prepareForParse();
	    let promiseChain;
	    promiseChain = this._chainOrCallSubCommandHook(
	      promiseChain,
	      subCommand,
	      'preSubcommand',
	    );
	    promiseChain = this._chainOrCall(promiseChain, () => {
	      if (subCommand._executableHandler) {
	        this._executeSubCommand(subCommand, operands.concat(unknown));
	      } else {
	        return subCommand._parseCommand(operands, unknown);
	      }
	    });
	    return promiseChain;
	  }

	  /**
	   * Invoke help directly if possible, or dispatch if necessary.
	   * e.g. help foo
	   *
	   * @private
	   */

	  _dispatchHelpCommand(subcommandName) {
	    if (!subcommandName) {
	      this.help();
	    }
	    const subCommand = this._findCommand(subcommandName);
	    if (subCommand && !subCommand._executableHandler) {
	      subCommand.help();
	    }

	    // Fallback to parsing the help flag to invoke the help.
	    return this._dispatchSubcommand(
	      subcommandName,
	      [],
	      [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? '--help'],
	    );
	  }

	  /**
	   * Check this.args against expected this.registeredArguments.
	   *
	   * @private
	   */

	  _checkNumberOfArguments() {
	    // too few
	    this.registeredArguments.forEach((arg, i) => {
	      if (arg.required && this.args[i] == null) {
	        this.missingArgument(arg.name());
	      }
	    });
	    // too many
	    if (
	      this.registeredArguments.length > 0 &&
	      this.registeredArguments[this.registeredArguments.length - 1].variadic
	    ) {
	      return;
	    }
	    if (this.args.length > this.registeredArguments.length) {
	      this._excessArguments(this.args);
	    }
	  }

	  /**
	   * Process this.args using this.registeredArguments and save as this.processedArgs!
	   *
	   * @private
	   */

	  _processArguments() {
	    const myParseArg = (argument, value, previous) => {
	      // Extra processing for nice error message on parsing failure.
	      let parsedValue = value;
	      if (value !== null && argument.parseArg) {
	        const invalidValueMessage = `error: command-argument value '${value}' is invalid for argument '${argument.name()}'.`;
	        parsedValue = this._callParseArg(
	          argument,
	          value,
	          previous,
	          invalidValueMessage,
	        );
	      }
	      return parsedValue;
	    };

	    this._checkNumberOfArguments();

	    const processedArgs = [];
	    this.registeredArguments.forEach((declaredArg, index) => {
	      let value = declaredArg.defaultValue;
	      if (declaredArg.variadic) {
	        // Collect together remaining arguments for passing together as an array.
	        if (index < this.args.length) {
	          value = this.args.slice(index);
	          if (declaredArg.parseArg) {
	            value = value.reduce((processed, v) => {
	              return myParseArg(declaredArg, v, processed);
	            }, declaredArg.defaultValue);
	          }
	        } else if (value === undefined) {
	          value = [];
	        }
	      } else if (index < this.args.length) {
	        value = this.args[index];
	        if (declaredArg.parseArg) {
	          value = myParseArg(declaredArg, value, declaredArg.defaultValue);
	        }
	      }
	      processedArgs[index] = value;
	    });
	    this.processedArgs = processedArgs;
	  }

	  /**
	   * Once we have a promise we chain, but call synchronously until then.
	   *
	   * @param {(Promise|undefined)} promise
	   * @param {Function} fn
	   * @return {(Promise|undefined)}
	   * @private
	   */

	  _chainOrCall(promise, fn) {
	    // thenable
	    if (promise?.then && typeof promise.then === 'function') {
	      // already have a promise, chain callback
	      return promise.then(() => fn());
	    }
	    // callback might return a promise
	    return fn();
	  }

	  /**
	   *
	   * @param {(Promise|undefined)} promise
	   * @param {string} event
	   * @return {(Promise|undefined)}
	   * @private
	   */

	  _chainOrCallHooks(promise, event) {
	    let result = promise;
	    const hooks = [];
	    this._getCommandAndAncestors()
	      .reverse()
	      .filter((cmd) => cmd._lifeCycleHooks[event] !== undefined)
	      .forEach((hookedCommand) => {
	        hookedCommand._lifeCycleHooks[event].forEach((callback) => {
	          hooks.push({ hookedCommand, callback });
	        });
	      });
	    if (event === 'postAction') {
	      hooks.reverse();
	    }

	    hooks.forEach((hookDetail) => {
	      result = this._chainOrCall(result, () => {
	        return hookDetail.callback(hookDetail.hookedCommand, this);
	      });
	    });
	    return result;
	  }

	  /**
	   *
	   * @param {(Promise|undefined)} promise
	   * @param {Command} subCommand
	   * @param {string} event
	   * @return {(Promise|undefined)}
	   * @private
	   */

	  _chainOrCallSubCommandHook(promise, subCommand, event) {
	    let result = promise;
	    if (this._lifeCycleHooks[event] !== undefined) {
	      this._lifeCycleHooks[event].forEach((hook) => {
	        result = this._chainOrCall(result, () => {
	          return hook(this, subCommand);
	        });
	      });
	    }
	    return result;
	  }

	  /**
	   * Process arguments in context of this command.
	   * Returns action result, in case it is a promise.
	   *
	   * @private
	   */

	  _parseCommand(operands, unknown) {
	    const parsed = this.parseOptions(unknown);
	    this._parseOptionsEnv(); // after cli, so parseArg not called on both cli and env
	    this._parseOptionsImplied();
	    operands = operands.concat(parsed.operands);
	    unknown = parsed.unknown;
	    this.args = operands.concat(unknown);

	    if (operands && this._findCommand(operands[0])) {
	      return this._dispatchSubcommand(operands[0], operands.slice(1), unknown);
	    }
	    if (
	      this._getHelpCommand() &&
	      operands[0] === this._getHelpCommand().name()
	    ) {
	      return this._dispatchHelpCommand(operands[1]);
	    }
	    if (this._defaultCommandName) {
	      this._outputHelpIfRequested(unknown); // Run the help for default command from parent rather than passing to default command
	      return this._dispatchSubcommand(
	        this._defaultCommandName,
	        operands,
	        unknown,
	      );
	    }
	    if (
	      this.commands.length &&
	      this.args.length === 0 &&
	      !this._actionHandler &&
	      !this._defaultCommandName
	    ) {
	      // probably missing subcommand and no handler, user needs help (and exit)
	      this.help({ error: true });
	    }

	    this._outputHelpIfRequested(parsed.unknown);
	    this._checkForMissingMandatoryOptions();
	    this._checkForConflictingOptions();

	    // We do not always call this check to avoid masking a "better" error, like unknown command.
	    const checkForUnknownOptions = () => {
	      if (parsed.unknown.length > 0) {
	        this.unknownOption(parsed.unknown[0]);
	      }
	    };

	    const commandEvent = `command:${this.name()}`;
	    if (this._actionHandler) {
	      checkForUnknownOptions();
	      this._processArguments();

	      let promiseChain;
	      promiseChain = this._chainOrCallHooks(promiseChain, 'preAction');
	      promiseChain = this._chainOrCall(promiseChain, () =>
	        this._actionHandler(this.processedArgs),
	      );
	      if (this.parent) {
	        promiseChain = this._chainOrCall(promiseChain, () => {
	          this.parent.emit(commandEvent, operands, unknown); // legacy
	        });
	      }
	      promiseChain = this._chainOrCallHooks(promiseChain, 'postAction');
	      return promiseChain;
	    }
	    if (this.parent?.listenerCount(commandEvent)) {
	      checkForUnknownOptions();
	      this._processArguments();
	      this.parent.emit(commandEvent, operands, unknown); // legacy
	    } else if (operands.length) {
	      if (this._findCommand('*')) {
	        // legacy default command
	        return this._dispatchSubcommand('*', operands, unknown);
	      }
	      if (this.listenerCount('command:*')) {
	        // skip option check, emit event for possible misspelling suggestion
	        this.emit('command:*', operands, unknown);
	      } else if (this.commands.length) {
	        this.unknownCommand();
	      } else {
	        checkForUnknownOptions();
	        this._processArguments();
	      }
	    } else if (this.commands.length) {
	      checkForUnknownOptions();
	      // This command has subcommands and nothing hooked up at this level, so display help (and exit).
	      this.help({ error: true });
	    } else {
	      checkForUnknownOptions();
	      this._processArguments();
	      // fall through for caller to handle after calling .parse()
	    }
	  }

	  /**
	   * Find matching command.
	   *
	   * @private
	   * @return {Command | undefined}
	   */
	  _findCommand(name) {
	    if (!name) return undefined;
	    return this.commands.find(
	      (cmd) => cmd._name === name || cmd._aliases.includes(name),
	    );
	  }

	  /**
	   * Return an option matching `arg` if any.
	   *
	   * @param {string} arg
	   * @return {Option}
	   * @package
	   */

	  _findOption(arg) {
	    return this.options.find((option) => option.is(arg));
	  }

	  /**
	   * Display an error message if a mandatory option does not have a value.
	   * Called after checking for help flags in leaf subcommand.
	   *
	   * @private
	   */

	  _checkForMissingMandatoryOptions() {
	    // Walk up hierarchy so can call in subcommand after checking for displaying help.
	    this._getCommandAndAncestors().forEach((cmd) => {
	      cmd.options.forEach((anOption) => {
	        if (
	          anOption.mandatory &&
	          cmd.getOptionValue(anOption.attributeName()) === undefined
	        ) {
	          cmd.missingMandatoryOptionValue(anOption);
	        }
	      });
	    });
	  }

	  /**
	   * Display an error message if conflicting options are used together in this.
	   *
	   * @private
	   */
	  _checkForConflictingLocalOptions() {
	    const definedNonDefaultOptions = this.options.filter((option) => {
	      const optionKey = option.attributeName();
	      if (this.getOptionValue(optionKey) === undefined) {
	        return false;
	      }
	      return this.getOptionValueSource(optionKey) !== 'default';
	    });

	    const optionsWithConflicting = definedNonDefaultOptions.filter(
	      (option) => option.conflictsWith.length > 0,
	    );

	    optionsWithConflicting.forEach((option) => {
	      const conflictingAndDefined = definedNonDefaultOptions.find((defined) =>
	        option.conflictsWith.includes(defined.attributeName()),
	      );
	      if (conflictingAndDefined) {
	        this._conflictingOption(option, conflictingAndDefined);
	      }
	    });
	  }

	  /**
	   * Display an error message if conflicting options are used together.
	   * Called after checking for help flags in leaf subcommand.
	   *
	   * @private
	   */
	  _checkForConflictingOptions() {
	    // Walk up hierarchy so can call in subcommand after checking for displaying help.
	    this._getCommandAndAncestors().forEach((cmd) => {
	      cmd._checkForConflictingLocalOptions();
	    });
	  }

	  /**
	   * Parse options from `argv` removing known options,
	   * and return argv split into operands and unknown arguments.
	   *
	   * Side effects: modifies command by storing options. Does not reset state if called again.
	   *
	   * Examples:
	   *
	   *     argv => operands, unknown
	   *     --known kkk op => [op], []
	   *     op --known kkk => [op], []
	   *     sub --unknown uuu op => [sub], [--unknown uuu op]
	   *     sub -- --unknown uuu op => [sub --unknown uuu op], []
	   *
	   * @param {string[]} args
	   * @return {{operands: string[], unknown: string[]}}
	   */

	  parseOptions(args) {
	    const operands = []; // operands, not options or values
	    const unknown = []; // first unknown option and remaining unknown args
	    let dest = operands;

	    function maybeOption(arg) {
	      return arg.length > 1 && arg[0] === '-';
	    }

	    const negativeNumberArg = (arg) => {
	      // return false if not a negative number
	      if (!/^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(arg)) return false;
	      // negative number is ok unless digit used as an option in command hierarchy
	      return !this._getCommandAndAncestors().some((cmd) =>
	        cmd.options
	          .map((opt) => opt.short)
	          .some((short) => /^-\d$/.test(short)),
	      );
	    };

	    // parse options
	    let activeVariadicOption = null;
	    let activeGroup = null; // working through group of short options, like -abc
	    let i = 0;
	    while (i < args.length || activeGroup) {
	      const arg = activeGroup ?? args[i++];
	      activeGroup = null;

	      // literal
	      if (arg === '--') {
	        if (dest === unknown) dest.push(arg);
	        dest.push(...args.slice(i));
	        break;
	      }

	      if (
	        activeVariadicOption &&
	        (!maybeOption(arg) || negativeNumberArg(arg))
	      ) {
	        this.emit(`option:${activeVariadicOption.name()}`, arg);
	        continue;
	      }
	      activeVariadicOption = null;

	      if (maybeOption(arg)) {
	        const option = this._findOption(arg);
	        // recognised option, call listener to assign value with possible custom processing
	        if (option) {
	          if (option.required) {
	            const value = args[i++];
	            if (value === undefined) this.optionMissingArgument(option);
	            this.emit(`option:${option.name()}`, value);
	          } else if (option.optional) {
	            let value = null;
	            // historical behaviour is optional value is following arg unless an option
	            if (
	              i < args.length &&
	              (!maybeOption(args[i]) || negativeNumberArg(args[i]))
	            ) {
	              value = args[i++];
	            }
	            this.emit(`option:${option.name()}`, value);
	          } else {
	            // boolean flag
	            this.emit(`option:${option.name()}`);
	          }
	          activeVariadicOption = option.variadic ? option : null;
	          continue;
	        }
	      }

	      // Look for combo options following single dash, eat first one if known.
	      if (arg.length > 2 && arg[0] === '-' && arg[1] !== '-') {
	        const option = this._findOption(`-${arg[1]}`);
	        if (option) {
	          if (
	            option.required ||
	            (option.optional && this._combineFlagAndOptionalValue)
	          ) {
	            // option with value following in same argument
	            this.emit(`option:${option.name()}`, arg.slice(2));
	          } else {
	            // boolean option
	            this.emit(`option:${option.name()}`);
	            // remove the processed option and keep processing group
	            activeGroup = `-${arg.slice(2)}`;
	          }
	          continue;
	        }
	      }

	      // Look for known long flag with value, like --foo=bar
	      if (/^--[^=]+=/.test(arg)) {
	        const index = arg.indexOf('=');
	        const option = this._findOption(arg.slice(0, index));
	        if (option && (option.required || option.optional)) {
	          this.emit(`option:${option.name()}`, arg.slice(index + 1));
	          continue;
	        }
	      }

	      // Not a recognised option by this command.
	      // Might be a command-argument, or subcommand option, or unknown option, or help command or option.

	      // An unknown option means further arguments also classified as unknown so can be reprocessed by subcommands.
	      // A negative number in a leaf command is not an unknown option.
	      if (
	        dest === operands &&
	        maybeOption(arg) &&
	        !(this.commands.length === 0 && negativeNumberArg(arg))
	      ) {
	        dest = unknown;
	      }

	      // If using positionalOptions, stop processing our options at subcommand.
	      if (
	        (this._enablePositionalOptions || this._passThroughOptions) &&
	        operands.length === 0 &&
	        unknown.length === 0
	      ) {
	        if (this._findCommand(arg)) {
	          operands.push(arg);
	          unknown.push(...args.slice(i));
	          break;
	        } else if (
	          this._getHelpCommand() &&
	          arg === this._getHelpCommand().name()
	        ) {
	          operands.push(arg, ...args.slice(i));
	          break;
	        } else if (this._defaultCommandName) {
	          unknown.push(arg, ...args.slice(i));
	          break;
	        }
	      }

	      // If using passThroughOptions, stop processing options at first command-argument.
	      if (this._passThroughOptions) {
	        dest.push(arg, ...args.slice(i));
	        break;
	      }

	      // add arg
	      dest.push(arg);
	    }

	    return { operands, unknown };
	  }

	  /**
	   * Return an object containing local option values as key-value pairs.
	   *
	   * @return {object}
	   */
	  opts() {
	    if (this._storeOptionsAsProperties) {
	      // Preserve original behaviour so backwards compatible when still using properties
	      const result = {};
	      const len = this.options.length;

	      for (let i = 0; i < len; i++) {
	        const key = this.options[i].attributeName();
	        result[key] =
	          key === this._versionOptionName ? this._version : this[key];
	      }
	      return result;
	    }

	    return this._optionValues;
	  }

	  /**
	   * Return an object containing merged local and global option values as key-value pairs.
	   *
	   * @return {object}
	   */
	  optsWithGlobals() {
	    // globals overwrite locals
	    return this._getCommandAndAncestors().reduce(
	      (combinedOptions, cmd) => Object.assign(combinedOptions, cmd.opts()),
	      {},
	    );
	  }

	  /**
	   * Display error message and exit (or call exitOverride).
	   *
	   * @param {string} message
	   * @param {object} [errorOptions]
	   * @param {string} [errorOptions.code] - an id string representing the error
	   * @param {number} [errorOptions.exitCode] - used with process.exit
	   */
	  error(message, errorOptions) {
	    // output handling
	    this._outputConfiguration.outputError(
	      `${message}\n`,
	      this._outputConfiguration.writeErr,
	    );
	    if (typeof this._showHelpAfterError === 'string') {
	      this._outputConfiguration.writeErr(`${this._showHelpAfterError}\n`);
	    } else if (this._showHelpAfterError) {
	      this._outputConfiguration.writeErr('\n');
	      this.outputHelp({ error: true });
	    }

	    // exit handling
	    const config = errorOptions || {};
	    const exitCode = config.exitCode || 1;
	    const code = config.code || 'commander.error';
	    this._exit(exitCode, code, message);
	  }

	  /**
	   * Apply any option related environment variables, if option does
	   * not have a value from cli or client code.
	   *
	   * @private
	   */
	  _parseOptionsEnv() {
	    this.options.forEach((option) => {
	      if (option.envVar && option.envVar in process.env) {
	        const optionKey = option.attributeName();
	        // Priority check. Do not overwrite cli or options from unknown source (client-code).
	        if (
	          this.getOptionValue(optionKey) === undefined ||
	          ['default', 'config', 'env'].includes(
	            this.getOptionValueSource(optionKey),
	          )
	        ) {
	          if (option.required || option.optional) {
	            // option can take a value
	            // keep very simple, optional always takes value
	            this.emit(`optionEnv:${option.name()}`, process.env[option.envVar]);
	          } else {
	            // boolean
	            // keep very simple, only care that envVar defined and not the value
	            this.emit(`optionEnv:${option.name()}`);
	          }
	        }
	      }
	    });
	  }

	  /**
	   * Apply any implied option values, if option is undefined or default value.
	   *
	   * @private
	   */
	  _parseOptionsImplied() {
	    const dualHelper = new DualOptions(this.options);
	    const hasCustomOptionValue = (optionKey) => {
	      return (
	        this.getOptionValue(optionKey) !== undefined &&
	        !['default', 'implied'].includes(this.getOptionValueSource(optionKey))
	      );
	    };
	    this.options
	      .filter(
	        (option) =>
	          option.implied !== undefined &&
	          hasCustomOptionValue(option.attributeName()) &&
	          dualHelper.valueFromOption(
	            this.getOptionValue(option.attributeName()),
	            option,
	          ),
	      )
	      .forEach((option) => {
	        Object.keys(option.implied)
	          .filter((impliedKey) => !hasCustomOptionValue(impliedKey))
	          .forEach((impliedKey) => {
	            this.setOptionValueWithSource(
	              impliedKey,
	              option.implied[impliedKey],
	              'implied',
	            );
	          });
	      });
	  }

	  /**
	   * Argument `name` is missing.
	   *
	   * @param {string} name
	   * @private
	   */

	  missingArgument(name) {
	    const message = `error: missing required argument '${name}'`;
	    this.error(message, { code: 'commander.missingArgument' });
	  }

	  /**
	   * `Option` is missing an argument.
	   *
	   * @param {Option} option
	   * @private
	   */

	  optionMissingArgument(option) {
	    const message = `error: option '${option.flags}' argument missing`;
	    this.error(message, { code: 'commander.optionMissingArgument' });
	  }

	  /**
	   * `Option` does not have a value, and is a mandatory option.
	   *
	   * @param {Option} option
	   * @private
	   */

	  missingMandatoryOptionValue(option) {
	    const message = `error: required option '${option.flags}' not specified`;
	    this.error(message, { code: 'commander.missingMandatoryOptionValue' });
	  }

	  /**
	   * `Option` conflicts with another option.
	   *
	   * @param {Option} option
	   * @param {Option} conflictingOption
	   * @private
	   */
	  _conflictingOption(option, conflictingOption) {
	    // The calling code does not know whether a negated option is the source of the
	    // value, so do some work to take an educated guess.
	    const findBestOptionFromValue = (option) => {
	      const optionKey = option.attributeName();
	      const optionValue = this.getOptionValue(optionKey);
	      const negativeOption = this.options.find(
	        (target) => target.negate && optionKey === target.attributeName(),
	      );
	      const positiveOption = this.options.find(
	        (target) => !target.negate && optionKey === target.attributeName(),
	      );
	      if (
	        negativeOption &&
	        ((negativeOption.presetArg === undefined && optionValue === false) ||
	          (negativeOption.presetArg !== undefined &&
	            optionValue === negativeOption.presetArg))
	      ) {
	        return negativeOption;
	      }
	      return positiveOption || option;
	    };

	    const getErrorMessage = (option) => {
	      const bestOption = findBestOptionFromValue(option);
	      const optionKey = bestOption.attributeName();
	      const source = this.getOptionValueSource(optionKey);
	      if (source === 'env') {
	        return `environment variable '${bestOption.envVar}'`;
	      }
	      return `option '${bestOption.flags}'`;
	    };

	    const message = `error: ${getErrorMessage(option)} cannot be used with ${getErrorMessage(conflictingOption)}`;
	    this.error(message, { code: 'commander.conflictingOption' });
	  }

	  /**
	   * Unknown option `flag`.
	   *
	   * @param {string} flag
	   * @private
	   */

	  unknownOption(flag) {
	    if (this._allowUnknownOption) return;
	    let suggestion = '';

	    if (flag.startsWith('--') && this._showSuggestionAfterError) {
	      // Looping to pick up the global options too
	      let candidateFlags = [];
	      // eslint-disable-next-line @typescript-eslint/no-this-alias
	      let command = this;
	      do {
	        const moreFlags = command
	          .createHelp()
	          .visibleOptions(command)
	          .filter((option) => option.long)
	          .map((option) => option.long);
	        candidateFlags = candidateFlags.concat(moreFlags);
	        command = command.parent;
	      } while (command && !command._enablePositionalOptions);
	      suggestion = suggestSimilar(flag, candidateFlags);
	    }

	    const message = `error: unknown option '${flag}'${suggestion}`;
	    this.error(message, { code: 'commander.unknownOption' });
	  }

	  /**
	   * Excess arguments, more than expected.
	   *
	   * @param {string[]} receivedArgs
	   * @private
	   */

	  _excessArguments(receivedArgs) {
	    if (this._allowExcessArguments) return;

	    const expected = this.registeredArguments.length;
	    const s = expected === 1 ? '' : 's';
	    const forSubcommand = this.parent ? ` for '${this.name()}'` : '';
	    const message = `error: too many arguments${forSubcommand}. Expected ${expected} argument${s} but got ${receivedArgs.length}.`;
	    this.error(message, { code: 'commander.excessArguments' });
	  }

	  /**
	   * Unknown command.
	   *
	   * @private
	   */

	  unknownCommand() {
	    const unknownName = this.args[0];
	    let suggestion = '';

	    if (this._showSuggestionAfterError) {
	      const candidateNames = [];
	      this.createHelp()
	        .visibleCommands(this)
	        .forEach((command) => {
	          candidateNames.push(command.name());
	          // just visible alias
	          if (command.alias()) candidateNames.push(command.alias());
	        });
	      suggestion = suggestSimilar(unknownName, candidateNames);
	    }

	    const message = `error: unknown command '${unknownName}'${suggestion}`;
	    this.error(message, { code: 'commander.unknownCommand' });
	  }

	  /**
	   * Get or set the program version.
	   *
	   * This method auto-registers the "-V, --version" option which will print the version number.
	   *
	   * You can optionally supply the flags and description to override the defaults.
	   *
	   * @param {string} [str]
	   * @param {string} [flags]
	   * @param {string} [description]
	   * @return {(this | string | undefined)} `this` command for chaining, or version string if no arguments
	   */

	  version(str, flags, description) {
	    if (str === undefined) return this._version;
	    this._version = str;
	    flags = flags || '-V, --version';
	    description = description || 'output the version number';
	    const versionOption = this.createOption(flags, description);
	    this._versionOptionName = versionOption.attributeName();
	    this._registerOption(versionOption);

	    this.on('option:' + versionOption.name(), () => {
	      this._outputConfiguration.writeOut(`${str}\n`);
	      this._exit(0, 'commander.version', str);
	    });
	    return this;
	  }

	  /**
	   * Set the description.
	   *
	   * @param {string} [str]
	   * @param {object} [argsDescription]
	   * @return {(string|Command)}
	   */
	  description(str, argsDescription) {
	    if (str === undefined && argsDescription === undefined)
	      return this._description;
	    this._description = str;
	    if (argsDescription) {
	      this._argsDescription = argsDescription;
	    }
	    return this;
	  }

	  /**
	   * Set the summary. Used when listed as subcommand of parent.
	   *
	   * @param {string} [str]
	   * @return {(string|Command)}
	   */
	  summary(str) {
	    if (str === undefined) return this._summary;
	    this._summary = str;
	    return this;
	  }

	  /**
	   * Set an alias for the command.
	   *
	   * You may call more than once to add multiple aliases. Only the first alias is shown in the auto-generated help.
	   *
	   * @param {string} [alias]
	   * @return {(string|Command)}
	   */

	  alias(alias) {
	    if (alias === undefined) return this._aliases[0]; // just return first, for backwards compatibility

	    /** @type {Command} */
	    // eslint-disable-next-line @typescript-eslint/no-this-alias
	    let command = this;
	    if (
	      this.commands.length !== 0 &&
	      this.commands[this.commands.length - 1]._executableHandler
	    ) {
	      // assume adding alias for last added executable subcommand, rather than this
	      command = this.commands[this.commands.length - 1];
	    }

	    if (alias === command._name)
	      throw new Error("Command alias can't be the same as its name");
	    const matchingCommand = this.parent?._findCommand(alias);
	    if (matchingCommand) {
	      // c.f. _registerCommand
	      const existingCmd = [matchingCommand.name()]
	        .concat(matchingCommand.aliases())
	        .join('|');
	      throw new Error(
	        `cannot add alias '${alias}' to command '${this.name()}' as already have command '${existingCmd}'`,
	      );
	    }

	    command._aliases.push(alias);
	    return this;
	  }

	  /**
	   * Set aliases for the command.
	   *
	   * Only the first alias is shown in the auto-generated help.
	   *
	   * @param {string[]} [aliases]
	   * @return {(string[]|Command)}
	   */

	  aliases(aliases) {
	    // Getter for the array of aliases is the main reason for having aliases() in addition to alias().
	    if (aliases === undefined) return this._aliases;

	    aliases.forEach((alias) => this.alias(alias));
	    return this;
	  }

	  /**
	   * Set / get the command usage `str`.
	   *
	   * @param {string} [str]
	   * @return {(string|Command)}
	   */

	  usage(str) {
	    if (str === undefined) {
	      if (this._usage) return this._usage;

	      const args = this.registeredArguments.map((arg) => {
	        return humanReadableArgName(arg);
	      });
	      return []
	        .concat(
	          this.options.length || this._helpOption !== null ? '[options]' : [],
	          this.commands.length ? '[command]' : [],
	          this.registeredArguments.length ? args : [],
	        )
	        .join(' ');
	    }

	    this._usage = str;
	    return this;
	  }

	  /**
	   * Get or set the name of the command.
	   *
	   * @param {string} [str]
	   * @return {(string|Command)}
	   */

	  name(str) {
	    if (str === undefined) return this._name;
	    this._name = str;
	    return this;
	  }

	  /**
	   * Set/get the help group heading for this subcommand in parent command's help.
	   *
	   * @param {string} [heading]
	   * @return {Command | string}
	   */

	  helpGroup(heading) {
	    if (heading === undefined) return this._helpGroupHeading ?? '';
	    this._helpGroupHeading = heading;
	    return this;
	  }

	  /**
	   * Set/get the default help group heading for subcommands added to this command.
	   * (This does not override a group set directly on the subcommand using .helpGroup().)
	   *
	   * @example
	   * program.commandsGroup('Development Commands:);
	   * program.command('watch')...
	   * program.command('lint')...
	   * ...
	   *
	   * @param {string} [heading]
	   * @returns {Command | string}
	   */
	  commandsGroup(heading) {
	    if (heading === undefined) return this._defaultCommandGroup ?? '';
	    this._defaultCommandGroup = heading;
	    return this;
	  }

	  /**
	   * Set/get the default help group heading for options added to this command.
	   * (This does not override a group set directly on the option using .helpGroup().)
	   *
	   * @example
	   * program
	   *   .optionsGroup('Development Options:')
	   *   .option('-d, --debug', 'output extra debugging')
	   *   .option('-p, --profile', 'output profiling information')
	   *
	   * @param {string} [heading]
	   * @returns {Command | string}
	   */
	  optionsGroup(heading) {
	    if (heading === undefined) return this._defaultOptionGroup ?? '';
	    this._defaultOptionGroup = heading;
	    return this;
	  }

	  /**
	   * @param {Option} option
	   * @private
	   */
	  _initOptionGroup(option) {
	    if (this._defaultOptionGroup && !option.helpGroupHeading)
	      option.helpGroup(this._defaultOptionGroup);
	  }

	  /**
	   * @param {Command} cmd
	   * @private
	   */
	  _initCommandGroup(cmd) {
	    if (this._defaultCommandGroup && !cmd.helpGroup())
	      cmd.helpGroup(this._defaultCommandGroup);
	  }

	  /**
	   * Set the name of the command from script filename, such as process.argv[1],
	   * or require.main.filename, or __filename.
	   *
	   * (Used internally and public although not documented in README.)
	   *
	   * @example
	   * program.nameFromFilename(require.main.filename);
	   *
	   * @param {string} filename
	   * @return {Command}
	   */

	  nameFromFilename(filename) {
	    this._name = path$1.basename(filename, path$1.extname(filename));

	    return this;
	  }

	  /**
	   * Get or set the directory for searching for executable subcommands of this command.
	   *
	   * @example
	   * program.executableDir(__dirname);
	   * // or
	   * program.executableDir('subcommands');
	   *
	   * @param {string} [path]
	   * @return {(string|null|Command)}
	   */

	  executableDir(path) {
	    if (path === undefined) return this._executableDir;
	    this._executableDir = path;
	    return this;
	  }

	  /**
	   * Return program help documentation.
	   *
	   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to wrap for stderr instead of stdout
	   * @return {string}
	   */

	  helpInformation(contextOptions) {
	    const helper = this.createHelp();
	    const context = this._getOutputContext(contextOptions);
	    helper.prepareContext({
	      error: context.error,
	      helpWidth: context.helpWidth,
	      outputHasColors: context.hasColors,
	    });
	    const text = helper.formatHelp(this, helper);
	    if (context.hasColors) return text;
	    return this._outputConfiguration.stripColor(text);
	  }

	  /**
	   * @typedef HelpContext
	   * @type {object}
	   * @property {boolean} error
	   * @property {number} helpWidth
	   * @property {boolean} hasColors
	   * @property {function} write - includes stripColor if needed
	   *
	   * @returns {HelpContext}
	   * @private
	   */

	  _getOutputContext(contextOptions) {
	    contextOptions = contextOptions || {};
	    const error = !!contextOptions.error;
	    let baseWrite;
	    let hasColors;
	    let helpWidth;
	    if (error) {
	      baseWrite = (str) => this._outputConfiguration.writeErr(str);
	      hasColors = this._outputConfiguration.getErrHasColors();
	      helpWidth = this._outputConfiguration.getErrHelpWidth();
	    } else {
	      baseWrite = (str) => this._outputConfiguration.writeOut(str);
	      hasColors = this._outputConfiguration.getOutHasColors();
	      helpWidth = this._outputConfiguration.getOutHelpWidth();
	    }
	    const write = (str) => {
	      if (!hasColors) str = this._outputConfiguration.stripColor(str);
	      return baseWrite(str);
	    };
	    return { error, write, hasColors, helpWidth };
	  }

	  /**
	   * Output help information for this command.
	   *
	   * Outputs built-in help, and custom text added using `.addHelpText()`.
	   *
	   * @param {{ error: boolean } | Function} [contextOptions] - pass {error:true} to write to stderr instead of stdout
	   */

	  outputHelp(contextOptions) {
	    let deprecatedCallback;
	    if (typeof contextOptions === 'function') {
	      deprecatedCallback = contextOptions;
	      contextOptions = undefined;
	    }

	    const outputContext = this._getOutputContext(contextOptions);
	    /** @type {HelpTextEventContext} */
	    const eventContext = {
	      error: outputContext.error,
	      write: outputContext.write,
	      command: this,
	    };

	    this._getCommandAndAncestors()
	      .reverse()
	      .forEach((command) => command.emit('beforeAllHelp', eventContext));
	    this.emit('beforeHelp', eventContext);

	    let helpInformation = this.helpInformation({ error: outputContext.error });
	    if (deprecatedCallback) {
	      helpInformation = deprecatedCallback(helpInformation);
	      if (
	        typeof helpInformation !== 'string' &&
	        !Buffer.isBuffer(helpInformation)
	      ) {
	        throw new Error('outputHelp callback must return a string or a Buffer');
	      }
	    }
	    outputContext.write(helpInformation);

	    if (this._getHelpOption()?.long) {
	      this.emit(this._getHelpOption().long); // deprecated
	    }
	    this.emit('afterHelp', eventContext);
	    this._getCommandAndAncestors().forEach((command) =>
	      command.emit('afterAllHelp', eventContext),
	    );
	  }

	  /**
	   * You can pass in flags and a description to customise the built-in help option.
	   * Pass in false to disable the built-in help option.
	   *
	   * @example
	   * program.helpOption('-?, --help' 'show help'); // customise
	   * program.helpOption(false); // disable
	   *
	   * @param {(string | boolean)} flags
	   * @param {string} [description]
	   * @return {Command} `this` command for chaining
	   */

	  helpOption(flags, description) {
	    // Support enabling/disabling built-in help option.
	    if (typeof flags === 'boolean') {
	      if (flags) {
	        if (this._helpOption === null) this._helpOption = undefined; // reenable
	        if (this._defaultOptionGroup) {
	          // make the option to store the group
	          this._initOptionGroup(this._getHelpOption());
	        }
	      } else {
	        this._helpOption = null; // disable
	      }
	      return this;
	    }

	    // Customise flags and description.
	    this._helpOption = this.createOption(
	      flags ?? '-h, --help',
	      description ?? 'display help for command',
	    );
	    // init group unless lazy create
	    if (flags || description) this._initOptionGroup(this._helpOption);

	    return this;
	  }

	  /**
	   * Lazy create help option.
	   * Returns null if has been disabled with .helpOption(false).
	   *
	   * @returns {(Option | null)} the help option
	   * @package
	   */
	  _getHelpOption() {
	    // Lazy create help option on demand.
	    if (this._helpOption === undefined) {
	      this.helpOption(undefined, undefined);
	    }
	    return this._helpOption;
	  }

	  /**
	   * Supply your own option to use for the built-in help option.
	   * This is an alternative to using helpOption() to customise the flags and description etc.
	   *
	   * @param {Option} option
	   * @return {Command} `this` command for chaining
	   */
	  addHelpOption(option) {
	    this._helpOption = option;
	    this._initOptionGroup(option);
	    return this;
	  }

	  /**
	   * Output help information and exit.
	   *
	   * Outputs built-in help, and custom text added using `.addHelpText()`.
	   *
	   * @param {{ error: boolean }} [contextOptions] - pass {error:true} to write to stderr instead of stdout
	   */

	  help(contextOptions) {
	    this.outputHelp(contextOptions);
	    let exitCode = Number(process.exitCode ?? 0); // process.exitCode does allow a string or an integer, but we prefer just a number
	    if (
	      exitCode === 0 &&
	      contextOptions &&
	      typeof contextOptions !== 'function' &&
	      contextOptions.error
	    ) {
	      exitCode = 1;
	    }
	    // message: do not have all displayed text available so only passing placeholder.
	    this._exit(exitCode, 'commander.help', '(outputHelp)');
	  }

	  /**
	   * // Do a little typing to coordinate emit and listener for the help text events.
	   * @typedef HelpTextEventContext
	   * @type {object}
	   * @property {boolean} error
	   * @property {Command} command
	   * @property {function} write
	   */

	  /**
	   * Add additional text to be displayed with the built-in help.
	   *
	   * Position is 'before' or 'after' to affect just this command,
	   * and 'beforeAll' or 'afterAll' to affect this command and all its subcommands.
	   *
	   * @param {string} position - before or after built-in help
	   * @param {(string | Function)} text - string to add, or a function returning a string
	   * @return {Command} `this` command for chaining
	   */

	  addHelpText(position, text) {
	    const allowedValues = ['beforeAll', 'before', 'after', 'afterAll'];
	    if (!allowedValues.includes(position)) {
	      throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${allowedValues.join("', '")}'`);
	    }

	    const helpEvent = `${position}Help`;
	    this.on(helpEvent, (/** @type {HelpTextEventContext} */ context) => {
	      let helpStr;
	      if (typeof text === 'function') {
	        helpStr = text({ error: context.error, command: context.command });
	      } else {
	        helpStr = text;
	      }
	      // Ignore falsy value when nothing to output.
	      if (helpStr) {
	        context.write(`${helpStr}\n`);
	      }
	    });
	    return this;
	  }

	  /**
	   * Output help information if help flags specified
	   *
	   * @param {Array} args - array of options to search for help flags
	   * @private
	   */

	  _outputHelpIfRequested(args) {
	    const helpOption = this._getHelpOption();
	    const helpRequested = helpOption && args.find((arg) => helpOption.is(arg));
	    if (helpRequested) {
	      this.outputHelp();
	      // (Do not have all displayed text available so only passing placeholder.)
	      this._exit(0, 'commander.helpDisplayed', '(outputHelp)');
	    }
	  }
	}

	/**
	 * Scan arguments and increment port number for inspect calls (to avoid conflicts when spawning new command).
	 *
	 * @param {string[]} args - array of arguments from node.execArgv
	 * @returns {string[]}
	 * @private
	 */

	function incrementNodeInspectorPort(args) {
	  // Testing for these options:
	  //  --inspect[=[host:]port]
	  //  --inspect-brk[=[host:]port]
	  //  --inspect-port=[host:]port
	  return args.map((arg) => {
	    if (!arg.startsWith('--inspect')) {
	      return arg;
	    }
	    let debugOption;
	    let debugHost = '127.0.0.1';
	    let debugPort = '9229';
	    let match;
	    if ((match = arg.match(/^(--inspect(-brk)?)$/)) !== null) {
	      // e.g. --inspect
	      debugOption = match[1];
	    } else if (
	      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null
	    ) {
	      debugOption = match[1];
	      if (/^\d+$/.test(match[3])) {
	        // e.g. --inspect=1234
	        debugPort = match[3];
	      } else {
	        // e.g. --inspect=localhost
	        debugHost = match[3];
	      }
	    } else if (
	      (match = arg.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null
	    ) {
	      // e.g. --inspect=localhost:1234
	      debugOption = match[1];
	      debugHost = match[3];
	      debugPort = match[4];
	    }

	    if (debugOption && debugPort !== '0') {
	      return `${debugOption}=${debugHost}:${parseInt(debugPort) + 1}`;
	    }
	    return arg;
	  });
	}

	/**
	 * @returns {boolean | undefined}
	 * @package
	 */
	function useColor() {
	  // Test for common conventions.
	  // NB: the observed behaviour is in combination with how author adds color! For example:
	  //   - we do not test NODE_DISABLE_COLORS, but util:styletext does
	  //   - we do test NO_COLOR, but Chalk does not
	  //
	  // References:
	  // https://no-color.org
	  // https://bixense.com/clicolors/
	  // https://github.com/nodejs/node/blob/0a00217a5f67ef4a22384cfc80eb6dd9a917fdc1/lib/internal/tty.js#L109
	  // https://github.com/chalk/supports-color/blob/c214314a14bcb174b12b3014b2b0a8de375029ae/index.js#L33
	  // (https://force-color.org recent web page from 2023, does not match major javascript implementations)

	  if (
	    process.env.NO_COLOR ||
	    process.env.FORCE_COLOR === '0' ||
	    process.env.FORCE_COLOR === 'false'
	  )
	    return false;
	  if (process.env.FORCE_COLOR || process.env.CLICOLOR_FORCE !== undefined)
	    return true;
	  return undefined;
	}

	command.Command = Command;
	command.useColor = useColor; // exporting for tests
	return command;
}

var hasRequiredCommander;

function requireCommander () {
	if (hasRequiredCommander) return commander$1;
	hasRequiredCommander = 1;
	const { Argument } = requireArgument();
	const { Command } = requireCommand();
	const { CommanderError, InvalidArgumentError } = requireError();
	const { Help } = requireHelp();
	const { Option } = requireOption();

	commander$1.program = new Command();

	commander$1.createCommand = (name) => new Command(name);
	commander$1.createOption = (flags, description) => new Option(flags, description);
	commander$1.createArgument = (name, description) => new Argument(name, description);

	/**
	 * Expose classes
	 */

	commander$1.Command = Command;
	commander$1.Option = Option;
	commander$1.Argument = Argument;
	commander$1.Help = Help;

	commander$1.CommanderError = CommanderError;
	commander$1.InvalidArgumentError = InvalidArgumentError;
	commander$1.InvalidOptionArgumentError = InvalidArgumentError; // Deprecated
	return commander$1;
}

var commanderExports = requireCommander();

// commander, in one place. The bundle (scripts/bundle.mjs) carries commander's code itself, so
// that commander's require of node:child_process, used only by executable subcommands, can be
// left for later.

var commander = /*#__PURE__*/Object.freeze({
    __proto__: null,
    Argument: commanderExports.Argument,
    Command: commanderExports.Command,
    CommanderError: commanderExports.CommanderError,
    Help: commanderExports.Help,
    InvalidArgumentError: commanderExports.InvalidArgumentError,
    Option: commanderExports.Option
});

// Calendar dates in the user's time zone: the process's own (TZ, which Date follows), or one
// named through Intl (Io.timeZone), so tests can pick one without touching the process.
// Building a formatter costs far more than using one; stats format thousands of instants.
const formatters = new Map();
function formatter(kind, timeZone) {
    const key = `${kind} ${timeZone ?? ''}`;
    let format = formatters.get(key);
    if (!format) {
        format = new Intl.DateTimeFormat('en-CA', {
            timeZone: timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit',
            ...(kind === 'datetime' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
        });
        formatters.set(key, format);
    }
    return format;
}
function parts(kind, ms, timeZone) {
    const out = {};
    for (const part of formatter(kind, timeZone).formatToParts(new Date(ms)))
        out[part.type] = part.value;
    return out;
}
const two = (n) => String(n).padStart(2, '0');
/**
 * In the system's zone, Date's own local fields give the same answer as Intl without its
 * start-up cost (a dozen milliseconds, a tenth of a `history` run).
 */
function systemParts(ms) {
    const date = new Date(ms);
    return { year: String(date.getFullYear()).padStart(4, '0'), month: two(date.getMonth() + 1), day: two(date.getDate()), hour: two(date.getHours()), minute: two(date.getMinutes()) };
}
/** The local calendar date (YYYY-MM-DD) of an instant, in timeZone (default: the system's). */
function localDate(ms, timeZone) {
    const get = timeZone ? parts('date', ms, timeZone) : systemParts(ms);
    return `${get.year}-${get.month}-${get.day}`;
}
/** The local date and time (YYYY-MM-DD HH:MM) of an instant, in timeZone. */
function localDateTime(ms, timeZone) {
    const get = timeZone ? parts('datetime', ms, timeZone) : systemParts(ms);
    return `${get.year}-${get.month}-${get.day} ${get.hour}:${get.minute}`;
}
/** Parses a strict YYYY-MM-DD that names a real calendar day; undefined otherwise. */
function parseDate(text) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match)
        return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
        return undefined;
    return { year, month, day };
}
/** The date (YYYY-MM-DD) as a count of days since 1970-01-01. */
function dayNumber(date) {
    return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}
/** The date (YYYY-MM-DD) of a day number. */
function dateOfDay(day) {
    return new Date(day * 86_400_000).toISOString().slice(0, 10);
}
/** One Date for localDayNumber to ask offsets of, rather than one per session. */
const scratch = new Date(0);
/**
 * dayNumber(localDate(ms, timeZone)) without the text between: stats turns every session's
 * start into one. In the system's zone, the local day is the instant moved by the zone's
 * offset at that instant, a fraction of the work.
 */
function localDayNumber(ms, timeZone) {
    if (timeZone)
        return dayNumber(localDate(ms, timeZone));
    scratch.setTime(ms);
    return Math.floor((ms - scratch.getTimezoneOffset() * 60_000) / 86_400_000);
}
/** The IANA name of timeZone, or of the system's zone when it is undefined. */
function zoneName(timeZone) {
    return formatter('date', timeZone).resolvedOptions().timeZone;
}

// Where bank files live and how their paths are shown. Kept free of the YAML parser and zod,
// so that a run served from the cache (src/bank/cache.ts) never loads them.
/**
 * The directories to load: built-in, then the config file's, then each --bank, then each entry of MLDRILL_BANK. One
 * that does not exist is a usage error rather than an empty bank: a mistyped path would
 * otherwise pass unnoticed, and `lint` would check nothing and pass.
 */
function bankDirectories(cwd, env, options = {}) {
    const builtin = options.noBuiltin ? [] : [path.join(start.PACKAGE_ROOT, 'rubrics'), path.join(start.PACKAGE_ROOT, 'questions')];
    const given = (options.bank ?? []).filter(Boolean).map((dir) => ({ dir, from: 'option' }));
    const inEnv = (env.MLDRILL_BANK ?? '').split(path.delimiter).filter(Boolean).map((dir) => ({ dir, from: 'environment' }));
    return [...builtin, ...(options.configBank ?? []), ...[...given, ...inEnv].map(({ dir, from }) => {
            const full = path.resolve(cwd, dir);
            if (!fs.existsSync(full))
                throw new start.MissingBankError(dir, from);
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
function findYamlFiles(entries, walk = {}) {
    return [...findYamlEntries(entries, walk).values()];
}
/** findYamlFiles, keyed by the real path that tells two ways to one file apart from two files. */
function findYamlEntries(entries, walk = {}) {
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
function displayPath(cwd, file) {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

// The output formats the commands accept, kept apart from their formatters so that the command
// table can offer them without loading any formatting code.
/** daily, random, show and list. */
const OUTPUT_FORMATS = ['text', 'plain', 'json', 'markdown'];
/** lint. */
const LINT_FORMATS = ['stylish', 'json', 'github'];

// Where the config file lives: $MLDRILL_CONFIG, else $XDG_CONFIG_HOME/mldrill/config.yaml, else
// ~/.config/mldrill/config.yaml (on Windows %APPDATA%\mldrill\config.yaml).
function configPath(env, homedir, platform = process.platform) {
    if (env.MLDRILL_CONFIG)
        return path.resolve(env.MLDRILL_CONFIG);
    if (env.XDG_CONFIG_HOME)
        return path.join(path.resolve(env.XDG_CONFIG_HOME), 'mldrill', 'config.yaml');
    if (platform === 'win32' && env.APPDATA)
        return path.join(env.APPDATA, 'mldrill', 'config.yaml');
    return path.join(homedir, '.config', 'mldrill', 'config.yaml');
}
/** A path from the config file: `~` is the home directory, a relative path is relative to the file. */
function pathFromConfig(value, file, homedir) {
    if (value === '~' || value.startsWith('~/') || value.startsWith('~\\'))
        return path.join(homedir, value.slice(1));
    return path.resolve(path.dirname(file), value);
}

// The settings the config file may hold: one table that the reader validates against, the
// `config` command shows, `config init` writes out and `schema config` turns into a JSON Schema.
// Plain data, free of the YAML parser and zod, so the command table can use it for nothing.
const COLOURS = ['auto', 'always', 'never'];
/** Every key, in the order `config` shows them and `config init` writes them. */
const SETTINGS = [
    { key: 'minutes', type: 'number', default: null, min: 1, max: 600, option: 'minutes', example: '45', description: "drill: scale the whole interview to this many minutes (unset: the rubric's own timings)" },
    { key: 'rubric', type: 'text', default: null, option: 'rubric', example: 'ml-system-design-short', description: "drill: the rubric to drill with instead of each question's own" },
    { key: 'strict', type: 'boolean', default: false, option: 'strict', description: 'drill: move on automatically when a stage runs out of time (--no-strict turns it off)' },
    { key: 'curveballs', type: 'boolean', default: true, option: 'curveballs', description: 'drill: throw in a follow-up during the deep-dive (--curveballs turns it back on)' },
    { key: 'ready', type: 'boolean', default: true, option: 'ready', description: 'drill: wait for Enter before the clock starts (--no-ready skips the wait)' },
    { key: 'interviewer', type: 'boolean', default: false, option: 'interviewer', description: 'drill: mock-interviewer mode (--no-interviewer turns it off)' },
    { key: 'bank', type: 'paths', default: [], env: ['MLDRILL_BANK'], description: 'directories of your own questions and rubrics, loaded with the built-in ones (relative to this file)' },
    { key: 'colour', type: 'choice', default: 'auto', values: COLOURS, env: ['NO_COLOR', 'FORCE_COLOR'], description: 'auto (colour on a terminal), always or never; NO_COLOR and FORCE_COLOR still win' },
    { key: 'state_dir', type: 'text', default: null, path: true, env: ['MLDRILL_HOME'], example: '~/.local/state/mldrill', description: 'where the history is kept (relative to this file; unset: $XDG_STATE_HOME/mldrill or ~/.local/state/mldrill)' },
    { key: 'llm.url', type: 'text', default: null, url: true, env: ['MLDRILL_LLM_URL'], example: 'http://127.0.0.1:11434/v1', description: 'the second rater: base URL of an OpenAI-compatible API (unset: nothing is sent anywhere)' },
    { key: 'llm.model', type: 'text', default: null, env: ['MLDRILL_LLM_MODEL'], example: 'llama3.1:8b', description: 'the second rater: the model to ask' },
    { key: 'llm.api_key', type: 'text', default: null, secret: true, env: ['MLDRILL_LLM_API_KEY'], initCommentOnly: true, example: 'sk-...', description: 'the second rater: an API key; better kept in MLDRILL_LLM_API_KEY than in this file' },
    { key: 'llm.schedule_from', type: 'choice', default: 'self', values: ['self', 'ai'], description: "next: rate each practised question for spaced repetition from your own score (self) or from the AI grader's where it rated the session (ai)" },
];
/** The keys allowed at the top level and inside each section, for "did you mean". */
function keysIn(section) {
    const names = new Set();
    for (const { key } of SETTINGS) {
        const [head, tail] = key.split('.');
        if (section === undefined)
            names.add(head);
        else if (head === section && tail !== undefined)
            names.add(tail);
    }
    return [...names];
}
/** The sections (mappings) of the file: `llm`. */
const SECTIONS$1 = [...new Set(SETTINGS.filter(({ key }) => key.includes('.')).map(({ key }) => key.split('.')[0]))];
function settingFor(key) {
    return SETTINGS.find((setting) => setting.key === key);
}

// Reads and checks the config file. Returns values and located findings; never prints.
//
// Like a bank file (src/bank/check-file.ts), the file is first read with js-yaml, which keeps no
// positions; any finding, or a caller that shows where each key is (`mldrill config`), reads it
// again with the exact parser, and every finding comes from that reading.
/** Nobody writes a config file this long. */
const MAX_CONFIG_BYTES = 64 * 1024;
const NEEDS_POSITIONS = Symbol('needs positions');
/** The config file at `file`, or undefined when there is none. */
async function readConfig(file, homedir, options = {}) {
    const read = readSmallFile(file, MAX_CONFIG_BYTES);
    const whole = (rule, message) => ({
        file, values: new Map(), places: new Map(), keyReadable: false,
        findings: [{ file, line: 1, column: 1, severity: 'error', rule, message }],
    });
    switch (read.kind) {
        case 'missing':
            return undefined;
        // The rule names the remedy, which app/config.ts words.
        case 'not-a-file':
            return whole('not-a-file', 'the config file is not a regular file');
        case 'too-large':
            return whole('file-too-large', `the config file is larger than ${MAX_CONFIG_BYTES / 1024} KiB; it should hold a few settings`);
        case 'unreadable':
            return whole('unreadable', `cannot read the config file (${read.code})`);
    }
    let result;
    if (!options.positions) {
        const { fastData } = await Promise.resolve().then(function () { return require('./fast-parse-DnjREA6l.js'); });
        const data = fastData(read.text);
        if (data !== undefined) {
            // A bare symbol, not an Error: no stack to capture on a path taken for every file with a finding.
            // eslint-disable-next-line @typescript-eslint/only-throw-error
            const parsed = { file, data, findings: [], locate: () => { throw NEEDS_POSITIONS; } };
            try {
                result = check(parsed, homedir, false);
            }
            catch (error) {
                if (error !== NEEDS_POSITIONS)
                    throw error;
            }
        }
    }
    if (!result) {
        const { parseYaml } = await Promise.resolve().then(function () { return require('./parse-C60j6b4E.js'); });
        result = check(parseYaml(file, read.text), homedir, true);
    }
    result.keyReadable = result.values.has('llm.api_key') && process.platform !== 'win32' && (read.mode & 0o077) !== 0;
    return result;
}
/** Validates parsed data against the settings table. */
function check(parsed, homedir, positions) {
    const file = parsed.file;
    const values = new Map();
    const places = new Map();
    const findings = [...parsed.findings];
    const fail = (pathTo, rule, message, at = 'value') => {
        const { line, column } = parsed.locate(pathTo, at);
        findings.push({ file, line, column, severity: 'error', rule, message: start.stripControl(message) });
    };
    const data = parsed.data;
    // An empty file, or one with only comments, sets nothing.
    if (findings.length > 0 || data === null || data === undefined)
        return { file, values, places, findings, keyReadable: false };
    if (!isMapping(data)) {
        fail([], 'type', `the config file must be a mapping of settings (key: value), not ${describe(data)}`);
        return { file, values, places, findings, keyReadable: false };
    }
    const take = (pathTo, value) => {
        const key = pathTo.join('.');
        const setting = settingFor(key);
        const problem = valueProblem(setting, value);
        if (problem)
            return fail(pathTo, problem.rule, `${key} ${problem.message}`);
        if (value === null)
            return;
        let taken = value;
        if (setting.type === 'paths') {
            const list = typeof value === 'string' ? [value] : value;
            taken = list.map((entry) => pathFromConfig(entry, file, homedir));
            // A mistyped directory would otherwise leave the bank quietly short.
            taken.forEach((dir, index) => {
                if (!fs.existsSync(dir))
                    fail(typeof value === 'string' ? pathTo : [...pathTo, index], 'not-found', `${key} names ${list[index]}, which does not exist (as ${dir}); fix the path (relative to the config file) or remove it`);
            });
        }
        else if (setting.type === 'text' && setting.path) {
            taken = pathFromConfig(value, file, homedir);
        }
        values.set(key, taken);
        if (positions)
            places.set(key, parsed.locate(pathTo, 'key'));
    };
    const unknown = (pathTo, section) => {
        const name = pathTo[pathTo.length - 1];
        const known = keysIn(section);
        const [suggestion] = start.closest(name, section ? known : [...known, ...SECTIONS$1.flatMap((s) => keysIn(s).map((k) => `${s}.${k}`))], 1);
        const fix = suggestion ? `did you mean "${suggestion}"?` : `known keys: ${known.join(', ')}`;
        fail(pathTo, 'unknown-key', `unknown key "${pathTo.join('.')}"; ${fix}`, 'key');
    };
    for (const [key, value] of Object.entries(data)) {
        if (SECTIONS$1.includes(key)) {
            if (value === null)
                continue;
            if (!isMapping(value)) {
                fail([key], 'type', `${key} must be a mapping (${keysIn(key).map((k) => `${k}: …`).join(', ')}), not ${describe(value)}`);
                continue;
            }
            for (const [inner, innerValue] of Object.entries(value)) {
                if (settingFor(`${key}.${inner}`))
                    take([key, inner], innerValue);
                else
                    unknown([key, inner], key);
            }
        }
        else if (settingFor(key)) {
            take([key], value);
        }
        else {
            unknown([key]);
        }
    }
    return { file, values, places, findings, keyReadable: false };
}
/** What is wrong with value for setting, if anything. Null means "unset" where that is the default. */
function valueProblem(setting, value) {
    const wrongType = (expected) => ({ rule: 'type', message: `must be ${expected}, not ${describe(value)}` });
    if (value === null) {
        return setting.default === null ? undefined : { rule: 'empty', message: `is empty; give it a value (default ${JSON.stringify(setting.default)}) or remove the line` };
    }
    switch (setting.type) {
        case 'boolean':
            return typeof value === 'boolean' ? undefined : wrongType('true or false');
        case 'number':
            if (typeof value !== 'number' || !Number.isFinite(value))
                return wrongType('a number');
            return value < setting.min || value > setting.max ? { rule: 'range', message: `must be between ${setting.min} and ${setting.max}, not ${value}` } : undefined;
        case 'choice': {
            if (typeof value !== 'string')
                return wrongType(`one of ${setting.values.join(', ')}`);
            if (setting.values.includes(value))
                return undefined;
            const [suggestion] = start.closest(value, setting.values, 1);
            return { rule: 'enum', message: `is "${value}"; ${suggestion ? `did you mean "${suggestion}"? ` : ''}use one of ${setting.values.join(', ')}` };
        }
        case 'text':
            if (typeof value !== 'string')
                return wrongType('text');
            if (value.trim() === '')
                return { rule: 'empty', message: 'is empty; write it or remove the line' };
            if (setting.url && !/^https?:\/\/[^\s/]+/.test(value))
                return { rule: 'url', message: `must be an http:// or https:// URL, not "${value}"` };
            return undefined;
        case 'paths': {
            const list = typeof value === 'string' ? [value] : value;
            if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string' || entry === ''))
                return wrongType('a directory or a list of directories');
            return undefined;
        }
    }
}
function isMapping(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function describe(value) {
    if (value === null)
        return 'nothing';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a mapping';
    return `${typeof value === 'string' ? 'text' : `a ${typeof value}`} (${JSON.stringify(value).slice(0, 30)})`;
}

// Where mldrill keeps its state: $MLDRILL_HOME, else the config file's state_dir, else
// $XDG_STATE_HOME/mldrill, else ~/.local/state/mldrill; and where it keeps its cache.
/** configured: the config file's state_dir, absolute (see src/app/config.ts). */
function stateDirectory(env, homedir, configured) {
    if (env.MLDRILL_HOME)
        return path.resolve(env.MLDRILL_HOME);
    if (configured)
        return configured;
    if (env.XDG_STATE_HOME)
        return path.join(path.resolve(env.XDG_STATE_HOME), 'mldrill');
    return path.join(homedir, '.local', 'state', 'mldrill');
}
/**
 * Where rebuildable data (the parsed bank) goes: inside MLDRILL_HOME when it is set, so one
 * variable isolates everything; else $XDG_CACHE_HOME/mldrill; else the state directory's cache/.
 */
function cacheDirectory(env, homedir, configuredState) {
    if (!env.MLDRILL_HOME && env.XDG_CACHE_HOME)
        return path.join(path.resolve(env.XDG_CACHE_HOME), 'mldrill');
    return path.join(stateDirectory(env, homedir, configuredState), 'cache');
}
function historyFile(stateDir) {
    return path.join(stateDir, 'history.jsonl');
}
/** Ratings of recorded sessions by the AI grader (ratings.ts): derived data beside the history. */
function ratingsFile(stateDir) {
    return path.join(stateDir, 'ratings.jsonl');
}
/** The derived index of the history (history-index.ts): a cache, safe to delete. */
function historyIndexFile(cacheDir) {
    return path.join(cacheDir, 'history-index');
}
/** Fails before any work starts when the state directory cannot be written. */
function ensureWritable(stateDir) {
    try {
        fs.mkdirSync(stateDir, { recursive: true });
        fs.accessSync(stateDir, fs.constants.W_OK);
    }
    catch (error) {
        const code = error.code ?? 'error';
        // mkdir with recursive says EEXIST only when the path is there and not a directory.
        throw new start.StateDirError(stateDir, code, code === 'EEXIST');
    }
}

// The effective value of every setting and where it came from: a flag, then the environment,
// then the config file, then the built-in default. Pure: the caller reads the file and the flags.
function resolveSettings(input) {
    const settings = {};
    for (const setting of SETTINGS)
        settings[setting.key] = resolveOne(setting, input);
    return settings;
}
function resolveOne(setting, { config, env, homedir, flags = {} }) {
    const fromConfig = () => {
        const value = config?.values.get(setting.key);
        if (value === undefined)
            return undefined;
        const place = config.places.get(setting.key);
        return { value, source: `config ${config.file}${place ? `:${place.line}` : ''}` };
    };
    // Bank directories add up rather than override: the built-in bank, the file's, --bank's, MLDRILL_BANK's.
    if (setting.type === 'paths') {
        const parts = [];
        const inFile = fromConfig();
        if (inFile)
            parts.push({ dirs: inFile.value, source: inFile.source });
        // In the order the bank loads them (src/bank/files.ts).
        const given = flags[setting.key];
        if (given?.length)
            parts.push({ dirs: given, source: 'flag' });
        const inEnv = (env.MLDRILL_BANK ?? '').split(path.delimiter).filter(Boolean);
        if (inEnv.length)
            parts.push({ dirs: inEnv, source: 'env MLDRILL_BANK' });
        return parts.length ? { value: parts.flatMap((part) => part.dirs), source: parts.map((part) => part.source).join(', ') } : { value: [], source: 'default' };
    }
    const flag = flags[setting.key];
    if (flag !== undefined)
        return { value: flag, source: 'flag' };
    return fromEnv(setting, env) ?? fromConfig() ?? defaultOf(setting, env, homedir);
}
function fromEnv(setting, env) {
    if (setting.key === 'colour') {
        // As src/ui/colour.ts reads them: FORCE_COLOR first (0 or false turns colour off), then NO_COLOR.
        if (env.FORCE_COLOR !== undefined)
            return { value: env.FORCE_COLOR === '0' || env.FORCE_COLOR === 'false' ? 'never' : 'always', source: 'env FORCE_COLOR' };
        if (env.NO_COLOR)
            return { value: 'never', source: 'env NO_COLOR' };
        return undefined;
    }
    for (const name of setting.env ?? []) {
        const value = env[name];
        if (value)
            return { value: setting.type === 'text' && setting.path ? path.resolve(value) : value, source: `env ${name}` };
    }
    return undefined;
}
/** The built-in default; the state directory's depends on XDG_STATE_HOME, and says so. */
function defaultOf(setting, env, homedir) {
    if (setting.key === 'state_dir')
        return { value: stateDirectory(env, homedir), source: env.XDG_STATE_HOME ? 'env XDG_STATE_HOME' : 'default' };
    return { value: setting.default, source: 'default' };
}
/** The colour preference the palette honours below NO_COLOR and FORCE_COLOR (which colour.ts reads itself). */
function colourSetting(settings) {
    const { value, source } = settings.colour;
    return source.startsWith('env ') ? 'auto' : value;
}

// The user's config file as the commands see it: read once per run, before the command, by the
// command table (src/cli.ts); then asked for synchronously wherever a setting is needed. A
// missing file costs one failed open; a present one, js-yaml and a walk over a few keys.
const loaded = new WeakMap();
/** The way out of a config file that cannot be read at all, by its finding's rule. */
const WHOLE_FILE_REMEDIES = {
    'not-a-file': 'replace it with a YAML file or point MLDRILL_CONFIG elsewhere',
    unreadable: 'check its permissions or point MLDRILL_CONFIG elsewhere',
};
const remedied = (finding) => {
    const remedy = WHOLE_FILE_REMEDIES[finding.rule];
    return remedy ? { ...finding, message: `${finding.message}; ${remedy}` } : finding;
};
/**
 * Reads and checks the config file for this run (once). A file with problems is a usage error
 * that names each problem as `file:line:col: message`; a missing one is no config at all.
 */
async function loadConfig(io, options = {}) {
    const known = loaded.get(io);
    // `mldrill config` asks again, for the places of the keys.
    if (known !== undefined && !options.positions)
        return known ?? undefined;
    const file = configPath(io.env, io.homedir);
    const config = await readConfig(file, io.homedir, options);
    if (config?.findings.length) {
        throw new start.UsageError(`fix the config file ${file} (see mldrill config --help), or point MLDRILL_CONFIG at another file`, config.findings.map((finding) => formatFinding(remedied(finding))));
    }
    // Said once per file and run, before the command's own output.
    if (config?.keyReadable && known === undefined) {
        const shown = start.stripControl(file);
        io.stderr.write(`mldrill: warning: ${shown} holds llm.api_key and others can read it; run chmod 600 ${shown}, or move the key to MLDRILL_LLM_API_KEY\n`);
    }
    loaded.set(io, config ?? null);
    return config;
}
/** Every setting's value and source, from flags over the environment over the file (if read) over defaults. */
function settingsOf(io, flags = {}) {
    return resolveSettings({ config: loaded.get(io) ?? undefined, env: io.env, homedir: io.homedir, flags });
}
/**
 * The drill's options with the settings that default them (SETTINGS' `option`) filled in where
 * no flag was given: `strict: true` in the file, then `--no-strict` on the line, drills without.
 */
function withDrillDefaults(io, options) {
    const given = options;
    const drillSettings = SETTINGS.filter((setting) => setting.option !== undefined);
    const flags = Object.fromEntries(drillSettings.map((setting) => [setting.key, given[setting.option]]));
    const settings = settingsOf(io, flags);
    const merged = { ...given };
    for (const setting of drillSettings)
        merged[setting.option] = settings[setting.key].value ?? undefined;
    return merged;
}
/** The state directory (history, live sessions): MLDRILL_HOME, then the file's state_dir, then the XDG default. */
function stateDirOf(io) {
    return stateDirectory(io.env, io.homedir, configured(io, 'state_dir'));
}
function cacheDirOf(io) {
    return cacheDirectory(io.env, io.homedir, configured(io, 'state_dir'));
}
/** The config file's bank directories, absolute and checked to exist. */
function configBankOf(io) {
    return configured(io, 'bank') ?? [];
}
/** The config file's `llm` section, for the AI second rater (the MLDRILL_LLM_ variables override it there). */
function llmOf(io) {
    const text = (key) => configured(io, key);
    return { url: text('llm.url'), model: text('llm.model'), api_key: text('llm.api_key') };
}
/** Which score spaced repetition rates a session from: the candidate's own, or the AI grader's where there is one. */
function scheduleFromOf(io) {
    return configured(io, 'llm.schedule_from') === 'ai' ? 'ai' : 'self';
}
/** The file's colour preference, which NO_COLOR and FORCE_COLOR override. */
function colourOf(io) {
    return colourSetting(settingsOf(io));
}
function configured(io, key) {
    return loaded.get(io)?.values.get(key);
}

// The completion script for each shell. Each one only passes the words on the command line back
// to `mldrill __complete <index> -- <words...>` (index: how many words come before the one at
// the cursor) and offers what it prints, one candidate a line; the logic lives once, in
// src/completion/candidates.ts. No candidates means "complete file names", where a shell can.
const SHELLS = ['bash', 'zsh', 'fish', 'powershell'];
/** The line to add to each shell's start-up file (also in the README). */
const STARTUP_LINES = {
    bash: { file: '~/.bashrc', line: 'source <(mldrill completion bash)' },
    zsh: { file: '~/.zshrc (after compinit)', line: 'source <(mldrill completion zsh)' },
    fish: { file: '~/.config/fish/config.fish', line: 'mldrill completion fish | source' },
    powershell: { file: '$PROFILE', line: 'mldrill completion powershell | Out-String | Invoke-Expression' },
};
const header = (shell) => `# mldrill tab completion for ${shell}. Add this line to ${STARTUP_LINES[shell].file}:
#   ${STARTUP_LINES[shell].line}
`;
const SCRIPTS = {
    bash: `_mldrill_complete() {
  local IFS=$'\\n'
  COMPREPLY=($(command mldrill __complete "$((COMP_CWORD - 1))" -- "\${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null))
}
complete -o default -F _mldrill_complete mldrill
`,
    zsh: `_mldrill_complete() {
  local -a candidates
  candidates=("\${(@f)$(command mldrill __complete "$((CURRENT - 2))" -- "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  candidates=(\${candidates:#})
  if (( \${#candidates} )); then
    compadd -Q -- "\${candidates[@]}"
  else
    _files
  fi
}
compdef _mldrill_complete mldrill
`,
    fish: `function __mldrill_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    set -l candidates (command mldrill __complete (count $words) -- $words $current 2>/dev/null)
    if test (count $candidates) -eq 0
        __fish_complete_path $current
    else
        printf '%s\\n' $candidates
    end
end
complete -c mldrill -f -a '(__mldrill_complete)'
`,
    powershell: `Register-ArgumentCompleter -Native -CommandName mldrill -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)
    $words = @($commandAst.CommandElements | Where-Object { $_.Extent.StartOffset -lt $cursorPosition } | Select-Object -Skip 1 | ForEach-Object { $_.ToString() })
    $index = $words.Count
    if ($wordToComplete -ne '') { $index -= 1 }
    # An empty argument may not survive the trip to a native command: the index says where the cursor is instead.
    mldrill __complete $index '--' @words 2>$null | ForEach-Object {
        [System.Management.Automation.CompletionResult]::new($_, $_, 'ParameterValue', $_)
    }
}
`,
};
function completionScript(shell) {
    return header(shell) + SCRIPTS[shell];
}

// The command table: names, flags and help. Each command's module is imported only when
// that command runs, so `--help` and `--version` stay fast.
const collect = (value, previous = []) => [...previous, value];
/** A parser of a number option: what a value must be, and the words for it when it is not. */
const numberOption = (valid, expected) => (value) => {
    const number = Number(value);
    if (!valid(number))
        throw new commanderExports.InvalidArgumentError(`expected ${expected}`);
    return number;
};
const positiveNumber = numberOption((number) => Number.isFinite(number) && number > 0, 'a positive number of minutes, e.g. 30');
const positiveSeconds = numberOption((number) => Number.isFinite(number) && number > 0, 'a positive number of seconds, e.g. 60');
const positiveInteger = numberOption((number) => Number.isInteger(number) && number >= 0, 'a whole number, e.g. 10');
const columnCount = numberOption((number) => Number.isInteger(number) && number >= 20, 'a whole number of columns, at least 20, e.g. 100');
function calendarDate(value) {
    if (!parseDate(value))
        throw new commanderExports.InvalidArgumentError('expected a real calendar date as YYYY-MM-DD, e.g. 2026-11-22');
    return value;
}
/** Output options shared by daily, random, show and list. */
const FORMATS = [
    { flags: '--format <format>', description: 'text for people (styled on a terminal), plain lines, json or markdown', choices: OUTPUT_FORMATS },
    { flags: '--json', description: 'shorthand for --format json' },
    { flags: '--plain', description: 'shorthand for --format plain' },
];
/** Filters shared by drill, daily, random and list. */
const FILTERS = [
    { flags: '-c, --category <category>', description: 'only questions in this category', choices: CATEGORIES },
    { flags: '-d, --difficulty <level>', description: 'only questions of this difficulty', choices: DIFFICULTIES },
    { flags: '-t, --tag <tag>', description: 'only questions with this tag (repeatable: all must match)', parse: collect },
];
/** What `mldrill <question-id>` runs. */
const DEFAULT_COMMAND = 'drill';
/** Every command, in the order of the help. */
const TABLE = [
    {
        name: DEFAULT_COMMAND,
        description: 'run a timed, staged mock interview, then assess yourself (the default command)',
        arguments: [{ usage: '[id]', description: 'question id; without it, pick from a searchable list' }],
        options: [
            { flags: '-r, --random', description: 'pick a random question (honours the filters)' },
            { flags: '--daily', description: "drill today's question of the day (honours the filters, like mldrill daily)" },
            { flags: '-m, --minutes <n>', description: 'scale the whole interview to N minutes', parse: positiveNumber },
            { flags: '--strict', description: 'move on automatically when a stage runs out of time' },
            { flags: '--no-strict', description: 'let stages overrun (when the config file says strict: true)' },
            { flags: '--interviewer', description: 'mock-interviewer mode: a partner runs the clock and ticks the checklist live' },
            { flags: '--no-interviewer', description: 'drill on your own (when the config file says interviewer: true)' },
            { flags: '--curveballs', description: 'throw in a follow-up during the deep-dive (the default; when the config file says curveballs: false)' },
            { flags: '--no-curveballs', description: 'no follow-up thrown in during the deep-dive' },
            { flags: '--no-ready', description: 'start the clock at once, without waiting for Enter' },
            { flags: '--seed <text>', description: 'make the random picks and the curveball moment reproducible' },
            { flags: '--rubric <id>', description: "drill with another rubric than the question's own (e.g. ml-system-design-short)" },
            { flags: '--next', description: "drill what spaced repetition says is next (see 'mldrill next'; honours the filters)" },
            { flags: '--no-save', description: 'do not record the session in the history' },
            { flags: '--ai', description: 'after the self-assessment, a second opinion from the language model at MLDRILL_LLM_URL (see mldrill grade --ai)' },
            { flags: '--all-red-flags', description: "list every red flag of the rubric in the report, not only those the session's data suggests" },
            ...FILTERS,
        ],
        typedOnly: true,
        load: () => Promise.resolve().then(function () { return require('./drill-B1yXMkC_.js'); }).then(({ drill }) => drill),
    },
    {
        name: 'daily',
        description: 'print the question of the day: the same for everyone on the same local date and bank',
        options: [
            { flags: '--date <YYYY-MM-DD>', description: "the question for this date instead of today's (local date, TZ honoured)", parse: calendarDate },
            { flags: '--unseen', description: 'only questions you have not completed yet (your own pool, so no longer the same for everyone)' },
            ...FILTERS,
            ...FORMATS,
        ],
        load: () => Promise.resolve().then(function () { return daily$1; }).then(({ daily }) => daily),
    },
    {
        name: 'random',
        description: 'print a random question',
        options: [
            { flags: '--seed <seed>', description: 'pick reproducibly: the same seed and bank give the same question' },
            { flags: '--unseen', description: 'only questions you have not completed yet' },
            ...FILTERS,
            ...FORMATS,
        ],
        load: () => Promise.resolve().then(function () { return random$1; }).then(({ random }) => random),
    },
    {
        name: 'list',
        description: 'print one question per line (id, category, difficulty, title), sorted by id',
        options: [...FILTERS, ...FORMATS],
        load: () => Promise.resolve().then(function () { return list$1; }).then(({ list }) => list),
    },
    {
        name: 'show',
        description: 'print a whole question: prompt, stage plan, follow-ups and, on request, hints',
        arguments: [{ usage: '<id>', description: 'question id' }],
        options: [
            { flags: '--hints', description: "include every stage's hints" },
            { flags: '--followups', description: "include the follow-ups' answer keys and when each is thrown (spoilers)" },
            { flags: '--answer', description: 'include what a strong answer covers (the strong example answer)' },
            ...FORMATS,
        ],
        load: () => Promise.resolve().then(function () { return show$1; }).then(({ show }) => show),
    },
    {
        name: 'ask',
        description: 'ask the interviewer a clarifying question about a question: prints the answer from its fact sheet',
        arguments: [
            { usage: '<id>', description: 'question id' },
            { usage: '<question>', description: 'the question, in quotes (at most 500 characters)' },
        ],
        options: [{ flags: '--json', description: 'print {questionId, asked, matched, topic, answer} as JSON' }],
        helpAfter: [
            'Exit codes: 0 answered (a fact, or the neutral reply when none fits), 1 unknown question id, 2 usage error (an empty or overlong question).',
        ],
        load: () => Promise.resolve().then(function () { return ask$1; }).then(({ ask }) => ask),
    },
    {
        name: 'grade',
        description: "grade notes with the keyword grader: a notes file against a question, or a recorded session's notes again",
        arguments: [{ usage: '<target>', description: "a question id (with --notes), or a session id or 'last'" }],
        options: [
            { flags: '--notes <file>', description: "Markdown notes, with '## ' headings naming stages; - reads stdin" },
            { flags: '--rubric <id>', description: "grade against another rubric than the question's (or the session's)" },
            { flags: '--json', description: 'print the grade as JSON' },
            { flags: '--ai', description: "a second opinion from the language model at MLDRILL_LLM_URL (or the config file's llm section): every verdict must quote the notes" },
            { flags: '--timeout <seconds>', description: 'with --ai: seconds to wait for each attempt of the request (default 120)', parse: positiveSeconds },
        ],
        helpAfter: [
            'Exit codes: 0 graded, 1 unknown question or session id, 2 usage error (a missing, empty or binary notes file; with --ai, no endpoint configured, or the server unreachable, refusing, too slow or answering badly), 130 Ctrl-C.',
        ],
        load: () => Promise.resolve().then(function () { return require('./grade-DNvbOeHt.js'); }).then(({ grade }) => grade),
    },
    {
        name: 'resume',
        description: 'continue an interrupted session where it stopped (after Ctrl-C, a crash or kill -9)',
        arguments: [{ usage: '[session]', description: "session id, the start of one, or 'last'", default: 'last' }],
        options: [{ flags: '--all-red-flags', description: "list every red flag of the rubric in the report, not only those the session's data suggests" }],
        load: () => Promise.resolve().then(function () { return require('./resume-Bjjqz9mM.js'); }).then(({ resume }) => resume),
    },
    {
        name: 'lint',
        description: 'check question and rubric files; with no paths, the whole bank',
        arguments: [{ usage: '[paths...]', description: 'files or directories to check (checked together with the bank)' }],
        options: [
            { flags: '-f, --format <format>', description: 'output format', choices: LINT_FORMATS, default: 'stylish' },
            { flags: '--max-warnings <n>', description: 'exit 1 when there are more than N warnings', parse: positiveInteger },
        ],
        helpAfter: [
            'Exit codes: 0 no errors (and warnings within --max-warnings), 1 findings, 2 usage error.',
            'Formats: stylish (grouped by file), json (an array of {file, line, column, severity, rule, message}), github (GitHub Actions annotations).',
        ],
        load: () => Promise.resolve().then(function () { return require('./lint-DCu3LVnW.js'); }).then(({ lint }) => lint),
    },
    {
        name: 'history',
        description: 'list past sessions, newest first (the session id is what export takes)',
        options: [
            { flags: '-n, --limit <n>', description: 'show the latest N sessions; 0 shows all', parse: positiveInteger, default: 20 },
            { flags: '--json', description: 'print the sessions as a JSON array' },
        ],
        load: () => Promise.resolve().then(function () { return require('./history-DdtqoJIC.js'); }).then(({ history }) => history),
    },
    {
        name: 'stats',
        description: 'progress over time: streaks, coverage per stage and category, trend, pacing, items missed most',
        options: [{ flags: '--json', description: 'print the figures as JSON' }],
        load: () => Promise.resolve().then(function () { return require('./stats-B-u2Wrq8.js'); }).then(({ stats }) => stats),
    },
    {
        name: 'next',
        description: 'what to practise next, by spaced repetition (FSRS) over your history',
        options: [
            { flags: '-n, --limit <n>', description: 'list the first N questions; 0 lists all', parse: positiveInteger, default: 10 },
            { flags: '--json', description: 'print the queue as JSON' },
        ],
        load: () => Promise.resolve().then(function () { return require('./next-BUrYYrKZ.js'); }).then(({ next }) => next),
    },
    {
        name: 'export',
        description: 'write one session as a document for a mentor: prompt, notes, time, covered and missed items',
        arguments: [{ usage: '<session>', description: "a session id from 'mldrill history' (or a unique start of one), or 'last'" }],
        options: [
            { flags: '-f, --format <format>', description: 'markdown or json (default: json for an -o file ending in .json, else markdown)', choices: ['markdown', 'json'] },
            { flags: '-o, --output <file>', description: 'write to FILE instead of stdout; an existing FILE is replaced (atomically)' },
        ],
        load: () => Promise.resolve().then(function () { return require('./export-PMQrSWEK.js'); }).then(({ exportSession }) => exportSession),
    },
    {
        name: 'new',
        description: "scaffold a question file with its rubric's stages and TODOs to fill in; asks for what is missing in a terminal",
        options: [
            { flags: '--id <id>', description: 'question id, kebab-case (also the file name)' },
            { flags: '--category <category>', description: `category: ${CATEGORIES.join(', ')}` },
            { flags: '--title <title>', description: 'a short name for the question' },
            { flags: '--rubric <id>', description: 'the rubric whose stages to use (default ml-system-design)' },
            { flags: '--difficulty <level>', description: 'difficulty', choices: DIFFICULTIES, default: 'medium' },
            { flags: '--dir <dir>', description: 'write questions/<category>/<id>.yaml under DIR (default: the current directory)' },
        ],
        helpAfter: [
            'Exit codes: 0 written, 1 the file or id already exists (nothing is overwritten), 2 usage error (a missing flag without a terminal, a bad id, category or rubric), 130 interrupted.',
        ],
        load: () => Promise.resolve().then(function () { return require('./new-CuMF42y-.js'); }).then(({ newQuestion }) => newQuestion),
    },
    {
        name: 'schema',
        description: 'print the JSON Schema (draft-07) of question, rubric or config files, for editors and validators',
        arguments: [{ usage: '<kind>', description: 'which format', choices: ['question', 'rubric', 'config'] }],
        withoutConfig: true,
        load: () => Promise.resolve().then(function () { return schema$1; }).then(({ schema }) => schema),
    },
    {
        name: 'diagram',
        description: 'draw an edge list (events -> feature store -> model) as box-drawing text, Mermaid or JSON',
        arguments: [{ usage: '[file]', description: "a file of edges, one chain per line; '-' or none reads stdin" }],
        options: [
            { flags: '-f, --format <format>', description: 'text (a drawing), mermaid (a flowchart) or json', choices: ['text', 'mermaid', 'json'], default: 'text' },
            { flags: '-w, --width <columns>', description: 'fit the drawing to this many columns (default: the terminal width, 80 when piped)', parse: columnCount },
            { flags: '-q, --question <id>', description: "compare the drawing with this question's reference diagram" },
        ],
        helpAfter: [
            'Each line is a chain of edges, a -> b -> c, optionally labelled, ranker -[top 500]-> re-ranker, written backwards with <-, both ways with <->, or a lone component; # starts a comment.',
            'Exit codes: 0 drawn, 1 an unknown question or one without a reference diagram, 2 a line that is not an edge (file:line:col on stderr), empty input, an unreadable file or a usage error.',
        ],
        load: () => Promise.resolve().then(function () { return require('./diagram-lQO3I6ij.js'); }).then(function (n) { return n.diagram; }).then(({ diagram }) => diagram),
    },
    {
        name: 'config',
        description: 'show your settings and where each comes from (flag, environment, config file, default)',
        arguments: [{ usage: '[action]', description: "'path' prints the config file's path; 'init' writes a commented file with every default", choices: ['path', 'init'] }],
        options: [{ flags: '--json', description: 'print { file, settings: { <key>: { value, source } } }' }],
        helpAfter: [
            'The file: $MLDRILL_CONFIG, else $XDG_CONFIG_HOME/mldrill/config.yaml, else ~/.config/mldrill/config.yaml (%APPDATA%\\mldrill\\config.yaml on Windows). Flags override it, then environment variables.',
            "Exit codes: 0 ok, 1 'init' found a file already there (nothing is overwritten), 2 a problem in the file.",
        ],
        withoutConfig: true,
        withoutBankCheck: true,
        load: () => Promise.resolve().then(function () { return config$1; }).then(({ config }) => config),
    },
    {
        name: 'completion',
        description: 'print the tab-completion script for a shell (see the README for the line to add to its start-up file)',
        arguments: [{ usage: '<shell>', description: 'which shell', choices: SHELLS }],
        withoutConfig: true,
        load: () => Promise.resolve().then(function () { return completion$1; }).then(({ completion }) => completion),
    },
    {
        // What the completion scripts call on every TAB: the candidates for the word at the cursor.
        name: '__complete',
        description: '',
        arguments: [
            { usage: '<index>', description: 'how many words come before the one being completed' },
            { usage: '[words...]', description: 'the words after mldrill, up to the cursor' },
        ],
        hidden: true,
        withoutConfig: true,
        withoutBankCheck: true,
        load: () => Promise.resolve().then(function () { return __complete; }).then(({ complete }) => (values, io) => complete({ index: Number(values.index), words: values.words, program: () => buildProgram(io, { exitCode: 0 }), defaultCommand: DEFAULT_COMMAND }, io)),
    },
];
const COMMANDS = TABLE.map((spec) => spec.name);
/**
 * The options typed on the command line, without the values commander implies (a lone
 * `--no-ready` makes `ready` true by default), so that the config file's value shows through
 * wherever no flag was given.
 */
function typedOptions(command) {
    return Object.fromEntries(Object.entries(command.opts()).filter(([key]) => command.getOptionValueSource(key) === 'cli'));
}
function optionOf(spec) {
    const option = new commanderExports.Option(spec.flags, spec.description);
    if (spec.choices)
        option.choices(spec.choices);
    const parse = spec.parse;
    if (parse)
        option.argParser((value, previous) => parse(value, previous));
    if (spec.default !== undefined)
        option.default(spec.default);
    return option;
}
function argumentOf(spec) {
    const argument = new commanderExports.Argument(spec.usage, spec.description);
    if (spec.choices)
        argument.choices(spec.choices);
    if (spec.default !== undefined)
        argument.default(spec.default);
    return argument;
}
/** The help's width: the terminal's, 80 when piped (as Commander's own). */
const helpWidth = (io) => (io.stdout.isTTY ? io.stdout.columns : 80);
/** Help text after the options: each paragraph wrapped at word breaks to the help's width. */
function helpParagraphs(paragraphs, io, indent = '  ') {
    return `\n${paragraphs.flatMap((paragraph) => start.wrap(paragraph, helpWidth(io), indent)).join('\n')}\n`;
}
/** Defines one command from its entry; its action loads the module and records the exit code. */
function define(program, spec, io, result) {
    const command = program
        .command(spec.name, { isDefault: spec.name === DEFAULT_COMMAND, hidden: spec.hidden })
        .description(spec.description);
    for (const argument of spec.arguments ?? [])
        command.addArgument(argumentOf(argument));
    for (const option of spec.options ?? [])
        command.addOption(optionOf(option));
    if (spec.hidden)
        command.allowUnknownOption().helpOption(false);
    const after = spec.helpAfter;
    if (after)
        command.addHelpText('after', () => helpParagraphs(after, io));
    command.action(async () => {
        const args = command.processedArgs;
        const { bank, ...options } = command.optsWithGlobals();
        const values = { ...(spec.typedOnly ? typedOptions(command) : options), bank };
        for (const [i, argument] of command.registeredArguments.entries())
            values[argument.name()] = args[i];
        // The option and argument definitions above give the values the shape the command's function takes.
        const run = (await spec.load());
        result.exitCode = await run(values, io);
    });
}
/**
 * The program for argv. When argv starts with a command's name, only that command is defined:
 * it alone can run, and defining the others costs every scripted call a few milliseconds.
 * Anything else (help, a global option first, a question id for the default command) gets all.
 */
async function buildProgram(io, result, argv = []) {
    const only = COMMANDS.includes(argv[0] ?? '') ? argv[0] : undefined;
    const program = new commanderExports.Command('mldrill');
    program
        .description('Drill machine-learning system design interviews: staged, timed, self-assessed.')
        .version(start.packageVersion(), '-V, --version', 'print the version')
        .option('--bank <dir>', 'also load questions and rubrics from DIR (repeatable; see also MLDRILL_BANK)', collect)
        .showSuggestionAfterError()
        // Commander leaves a description unwrapped when under 40 columns are left for it: at 60 the terminal would break its words.
        .configureHelp({ showGlobalOptions: true, minWidthToWrap: 20 })
        .exitOverride()
        .configureOutput({
        writeOut: (text) => io.stdout.write(text),
        writeErr: (text) => io.stderr.write(text),
        // Commander would ask process.stdout; the width is the Io's, as for the text after the options.
        getOutHelpWidth: () => helpWidth(io),
    })
        .addHelpText('after', () => helpParagraphs([
        'Exit codes: 0 ok, 1 findings, no matching question or unknown id, 2 usage error, 130 interrupted.',
        "Run 'mldrill <command> --help' for a command's options.",
    ], io, ''));
    const specOf = (command) => TABLE.find((spec) => spec.name === command.name());
    // A mistyped --bank or MLDRILL_BANK fails every command, not only those that read the bank:
    // `history --bank /no/such` succeeding would hide the typo.
    program.hook('preAction', (_program, command) => {
        result.command = command.name();
        if (specOf(command)?.withoutBankCheck)
            return;
        bankDirectories(io.cwd, io.env, { bank: command.optsWithGlobals().bank });
    });
    // The config file is read (and checked) before the command, which then asks for settings synchronously.
    program.hook('preAction', async (_program, command) => {
        if (!specOf(command)?.withoutConfig)
            await loadConfig(io);
    });
    for (const spec of TABLE)
        if (only === undefined || only === spec.name)
            define(program, spec, io, result);
    return program;
}

var cli = /*#__PURE__*/Object.freeze({
    __proto__: null,
    COMMANDS: COMMANDS,
    buildProgram: buildProgram,
    typedOptions: typedOptions
});

// One string hash for everything that needs a stable number from text: seeding the random
// draws and naming cache files.
/**
 * A 32-bit hash of a string (FNV-1a). Given the hash of a first part as `from`, it goes on over
 * text: the hash of the two texts joined.
 */
function hashText(text, from = 0x811c9dc5) {
    let hash = from;
    for (let i = 0; i < text.length; i++) {
        hash ^= text.charCodeAt(i);
        hash = Math.imul(hash, 0x01000193);
    }
    return hash >>> 0;
}

// Seeded randomness, so that `--seed` makes every draw of a run reproducible.
/** mulberry32: small, fast, and good enough for picking questions. Returns [0, 1). */
function seededRandom(seed) {
    let state = typeof seed === 'number' ? seed >>> 0 : hashText(seed);
    return () => {
        state = (state + 0x6d2b79f5) | 0;
        let t = Math.imul(state ^ (state >>> 15), 1 | state);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

// The question of the day. Pure and deterministic: the same date and the same pool give the
// same id everywhere. Days are numbered from 1970-01-01; each run of poolSize days is a cycle
// that walks the whole pool in a shuffled order seeded by the cycle and the pool's ids, so no
// question repeats before every other has had its day.
/** A Fisher-Yates shuffle of the positions 0..size-1. */
function shuffledPositions(size, random) {
    const out = new Int32Array(size);
    for (let i = 0; i < size; i++)
        out[i] = i;
    for (let i = size - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        // A plain swap: a destructuring one allocates an array per step, 20x slower before V8 optimises.
        const item = out[i];
        out[i] = out[j];
        out[j] = item;
    }
    return out;
}
/**
 * The order of the pool during one cycle: a permutation of its positions seeded by the hash of
 * `${cycle}\n` followed by the ids joined by newlines, hashed in two steps so that a bank of ten
 * thousand ids is never copied into one more string.
 */
function cycleOrder(pool, cycle) {
    return shuffledPositions(pool.size, seededRandom(hashText(pool.joined, hashText(`${cycle}\n`))));
}
/** The question of the day for date in a pool (at least one id). */
function dailyPick(pool, date) {
    if (pool.size === 0)
        throw new Error('the daily pool is empty');
    const day = dayNumber(date);
    const size = pool.size;
    const cycle = Math.floor(day / size);
    const position = day - cycle * size;
    const order = cycleOrder(pool, cycle);
    // A new cycle must not open with the question that closed the last one: its first two days
    // trade places. With three or more questions that never touches a cycle's last day.
    if (size >= 3 && position <= 1 && order[0] === cycleOrder(pool, cycle - 1)[size - 1])
        return pool.id(order[1 - position]);
    return pool.id(order[position]);
}

// The bank as commands use it, whether read from the cache (cache.ts) or loaded in full.
/** The IdText of ids already in code-unit order. */
function idTextOf(sorted) {
    return { size: sorted.length, joined: sorted.join('\n'), id: (position) => sorted[position] };
}
/**
 * A bank whose every file has a warning (say, a schema comment that points nowhere from where
 * the bank lives) would otherwise carry ten thousand of them through every cache hit.
 */
function errorsOf(findings) {
    return findings.filter((finding) => finding.severity === 'error');
}
function rubricLookup(rubrics) {
    return (id) => {
        const rubric = rubrics.get(id);
        if (!rubric) {
            throw new start.UnknownIdError('rubric', id, start.closest(id, rubrics.keys(), 1), [...rubrics.keys()].sort());
        }
        return rubric;
    };
}
/** A catalog over a bank loaded in full. */
function catalogOf(bank) {
    const byId = new Map(bank.questions.map((question) => [question.id, question]));
    const ids = bank.questions.map((question) => question.id);
    let idText;
    return {
        ids,
        // The loader sorts the questions by id in code-unit order.
        get idText() {
            return (idText ??= idTextOf(ids));
        },
        questions: bank.questions,
        rubrics: bank.rubrics,
        rubric: rubricLookup(bank.rubrics),
        findings: errorsOf(bank.findings),
        files: bank.files,
        question: (id) => {
            const question = byId.get(id);
            if (!question)
                throw new start.NotFoundError(`no question with id "${id}"`);
            return question;
        },
        all: () => bank.questions,
        close: () => { },
    };
}

// Narrowing and picking questions. Pure: randomness comes in as a function.
function filterQuestions(questions, filters) {
    return questions.filter((question) => (!filters.category || question.category === filters.category) &&
        (!filters.difficulty || question.difficulty === filters.difficulty) &&
        (filters.tag ?? []).every((tag) => question.tags?.includes(tag)));
}
function hasFilters(filters) {
    return Boolean(filters.category || filters.difficulty || filters.tag?.length);
}
function noMatch(bankSize, filters) {
    return new start.NoMatchError(filters, bankSize === 0);
}
/** The matching questions, or a NoMatchError with the filters. */
function requireMatches(questions, filters) {
    const matches = filterQuestions(questions, filters);
    if (matches.length === 0)
        throw noMatch(questions.length, filters);
    return matches;
}
/**
 * The ids of the matching questions in code-unit order, so that seeded picks agree on every
 * machine whatever its locale. Without filters only the ids are read: `questions` may be a lazy
 * getter that costs a parse.
 */
function requireMatchingIds(bank, filters) {
    if (hasFilters(filters))
        return sortedIds(requireMatches(bank.questions, filters).map((question) => question.id));
    if (bank.ids.length === 0)
        throw noMatch(0, filters);
    return sortedIds(bank.ids);
}
/** requireMatchingIds as a pool. Without filters it is the bank's own, which a cached bank keeps ready. */
function requireMatchingPool(bank, filters) {
    if (hasFilters(filters))
        return sortedPool(requireMatches(bank.questions, filters).map((question) => question.id));
    if (bank.idText.size === 0)
        throw noMatch(0, filters);
    return bank.idText;
}
/** ids in code-unit order; a pass over them when they are sorted already, as the bank's are. */
function sortedIds(ids) {
    for (let i = 1; i < ids.length; i++)
        if (ids[i - 1] > ids[i])
            return [...ids].sort();
    return [...ids];
}
/** Ids in any order as the daily pick reads them. */
function sortedPool(ids) {
    return idTextOf(sortedIds(ids));
}
function pickRandom(items, random) {
    return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}
/** The id itself when the bank has it, else an UnknownIdError with the closest ids. */
function requireId(ids, id) {
    if (ids.includes(id))
        return id;
    throw new start.UnknownIdError('question', id, start.closest(id, ids));
}

var filter = /*#__PURE__*/Object.freeze({
    __proto__: null,
    pickRandom: pickRandom,
    requireId: requireId,
    requireMatches: requireMatches,
    requireMatchingIds: requireMatchingIds,
    requireMatchingPool: requireMatchingPool,
    sortedPool: sortedPool
});

/**
 * FORCE_COLOR forces (its value picks the depth; 0 or false turns colour off), then NO_COLOR
 * (non-empty) turns it off, then the config file's `colour: always|never`, then TERM=dumb turns
 * it off, then only a terminal gets colour.
 */
function colourLevel(stream, env, preference = 'auto') {
    const force = env.FORCE_COLOR;
    if (force !== undefined) {
        if (force === '0' || force === 'false')
            return 0;
        if (force === '2' || force === '3')
            return Number(force);
        return 1;
    }
    if (env.NO_COLOR)
        return 0;
    if (preference === 'never')
        return 0;
    if (preference !== 'always' && (env.TERM === 'dumb' || !stream.isTTY))
        return 0;
    if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit')
        return 3;
    return /256/.test(env.TERM ?? '') ? 2 : 1;
}
const same = (text) => text;
/** The palette without colour: every style leaves the text as it is. */
const PLAIN = {
    level: 0, title: same, heading: same, dim: same, good: same, warn: same, bad: same, accent: same, key: same, file: same,
};
/** The palette at a colour level; level 0 is PLAIN and loads nothing. */
async function loadStyle(level) {
    if (level === 0)
        return PLAIN;
    const { Chalk } = await import('chalk');
    const chalk = new Chalk({ level });
    return {
        level,
        title: chalk.bold.cyan,
        heading: chalk.bold,
        dim: chalk.dim,
        good: chalk.green,
        warn: chalk.yellow,
        bad: chalk.red,
        accent: chalk.cyan,
        key: chalk.bold.inverse,
        file: chalk.underline,
    };
}
function styleFor(stream, env, preference = 'auto') {
    return loadStyle(colourLevel(stream, env, preference));
}
/** The colour of a score: good from 75%, warn from 50%, bad below. */
function gradeStyle(style) {
    return (score) => (score >= 75 ? style.good : score >= 50 ? style.warn : style.bad);
}

var colour = /*#__PURE__*/Object.freeze({
    __proto__: null,
    PLAIN: PLAIN,
    colourLevel: colourLevel,
    gradeStyle: gradeStyle,
    loadStyle: loadStyle,
    styleFor: styleFor
});

const SHOW_CURSOR = '\u001b[?25h';
const NON_INTERACTIVE_HINT = 'for scripts and pipes use the non-interactive commands: mldrill list, show, random, daily (with --json or --plain)';
/** The picker's order: by title, what it shows (code-point order, like every list of mldrill's). */
function byTitle(questions) {
    return [...questions].sort((a, b) => start.compareText(a.title, b.title) || start.compareText(a.id, b.id));
}
/** Throws a usage error at once when there is no terminal to prompt on. */
function requireTerminal(io, command) {
    if (!io.terminal.input.isTTY || !io.terminal.output.isTTY)
        throw new start.UsageError(`${command} is interactive and needs a terminal; ${NON_INTERACTIVE_HINT}`);
}
/** Inquirer's theme in our palette; Inquirer passes extra arguments, so each takes only the text. */
function theme(style) {
    const only = (paint) => (text) => paint(text);
    return {
        prefix: { idle: style.accent('?'), done: style.good('✔') },
        style: {
            answer: only(style.accent),
            message: only(style.heading),
            error: (text) => style.bad(`> ${text}`),
            help: only(style.dim),
            highlight: only(style.accent),
            key: (text) => style.accent(`<${text}>`),
            description: only(style.dim),
            disabled: only(style.dim),
            searchTerm: only(style.accent),
            defaultAnswer: (text) => style.dim(`(${text})`),
        },
    };
}
/** The terminal's size, read at each render so a resized terminal gets a screen that fits it (0 is unknown), and its resizes. */
function terminalSize(io) {
    const output = io.terminal.output;
    return {
        size: () => ({ columns: output.columns || 80, rows: output.rows || 24 }),
        onResize: (listener) => {
            output.on('resize', listener);
            return () => void output.off('resize', listener);
        },
    };
}
/** colour: the config file's preference (src/app/config.ts). */
async function createPrompter(io, signal, colour = 'auto') {
    // A terminal that cannot move its cursor gets the drill a line at a time.
    if (io.env.TERM === 'dumb')
        return (await Promise.resolve().then(function () { return require('./line-prompts-BQFYGphL.js'); })).createLinePrompter(io, signal);
    const context = { input: io.terminal.input, output: io.terminal.output, signal };
    // The screen is a terminal (requireTerminal), so only NO_COLOR, TERM=dumb, FORCE_COLOR and the config decide.
    const style = await styleFor({ isTTY: true }, io.env, colour);
    const columns = io.terminal.output.columns || 80;
    let active = 0;
    let resumedBehindReadline = false;
    const guard = async (prompt) => {
        // Inquirer opens its readline (raw mode, stdin held) before it looks at an already aborted
        // signal, and never closes it: a Ctrl-C between two prompts would hang the process.
        if (signal.aborted)
            throw new start.InterruptedError('');
        active += 1;
        try {
            return await prompt();
        }
        catch (error) {
            const name = error?.name;
            if (name === 'ExitPromptError' || name === 'AbortPromptError' || name === 'CancelPromptError')
                throw new start.InterruptedError('');
            throw error;
        }
        finally {
            active -= 1;
            // Input resumed behind readline's back (see below) is not paused by its close: pause it
            // here, or it would keep the process running after the last prompt.
            if (active === 0 && resumedBehindReadline) {
                resumedBehindReadline = false;
                io.terminal.input.pause();
            }
        }
    };
    // Ctrl-Z: the terminal is handed back with its cursor and line editing before the process
    // stops. On `fg`, Node's readline pauses the input and waits for someone to resume it, which
    // froze every key, Ctrl-C included: resume it, with raw mode, once readline is done.
    const suspendListeners = new Set();
    io.onSuspend?.((phase) => {
        const input = io.terminal.input;
        if (phase === 'stop') {
            suspendListeners.forEach((listener) => listener(phase));
            if (input.isRaw)
                input.setRawMode?.(false);
            io.terminal.output.write(SHOW_CURSOR);
            return;
        }
        setImmediate(() => {
            if (active > 0) {
                input.setRawMode?.(true);
                input.resume();
                resumedBehindReadline = true;
            }
            suspendListeners.forEach((listener) => listener(phase));
        });
    });
    return {
        style,
        columns,
        say: (text) => void io.terminal.output.write(text),
        async chooseQuestion(unsorted, lastScores = new Map()) {
            const { search } = await import('@inquirer/prompts');
            const questions = byTitle(unsorted);
            const last = (question) => {
                const score = lastScores.get(question.id);
                return score === undefined ? '' : ` ${style.dim('·')} ${gradeStyle(style)(score)(`last ${score}%`)}`;
            };
            return guard(() => search({
                message: 'Pick a question (type to filter)',
                pageSize: 12,
                theme: theme(style),
                source: (term) => {
                    const words = (term ?? '').toLowerCase().split(/\s+/).filter(Boolean);
                    return questions
                        .filter((question) => {
                        const haystack = [question.id, question.title, question.category, question.difficulty, ...(question.tags ?? []), ...(question.companies ?? [])].join(' ').toLowerCase();
                        return words.every((word) => haystack.includes(word));
                    })
                        .map((question) => ({
                        value: question,
                        name: `${question.title} ${style.dim(`(${question.category}, ${question.difficulty})`)}${last(question)}`,
                        short: question.title,
                        description: question.id,
                    }));
                },
            }, 
            // Cleared when done, Ctrl-C included: the list must not linger above the question or the shell prompt.
            { ...context, clearPromptOnDone: true }));
        },
        async runStage(config) {
            const stagePrompt$1 = await (await Promise.resolve().then(function () { return stagePrompt; })).loadStagePrompt();
            const { size, onResize } = terminalSize(io);
            const onSuspend = (listener) => {
                suspendListeners.add(listener);
                return () => void suspendListeners.delete(listener);
            };
            return guard(() => stagePrompt$1({ ...config, style, now: io.now, size, onResize, onSuspend }, context));
        },
        async assess(message, items, preselected = new Set(), beside) {
            const assessPrompt$1 = await (await Promise.resolve().then(function () { return assessPrompt; })).loadAssessPrompt();
            const { size, onResize } = terminalSize(io);
            const shown = beside ?? { title: message, notes: '', evidence: new Map() };
            return guard(() => assessPrompt$1({ message, items, preselected, ...shown, style, size, onResize }, context));
        },
        async input(options) {
            const { input } = await import('@inquirer/prompts');
            return guard(() => input({ ...options, required: true, theme: theme(style) }, context));
        },
        async select(options) {
            const { select } = await import('@inquirer/prompts');
            return guard(() => select({ message: options.message, choices: options.choices, default: options.default, pageSize: 12, theme: theme(style) }, context));
        },
    };
}

// Text charts for the terminal: horizontal bars and sparklines. Plain characters, no colour;
// callers decide whether to draw them at all (only on a terminal) and how to colour them.
/** A bar of `cells` characters, filled in proportion to fraction (clamped to 0..1). */
function bar(fraction, cells = 10) {
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * cells);
    return '█'.repeat(filled) + '░'.repeat(cells - filled);
}
const TICKS = '▁▂▃▄▅▆▇█';
/** One character per value, scaled between min and max. */
function sparkline(values, min = 0, max = 100) {
    const span = max - min || 1;
    return values
        .map((value) => TICKS[Math.round((Math.min(max, Math.max(min, value)) - min) / span * (TICKS.length - 1))])
        .join('');
}

/** What the interviewer says when the question matches no fact. */
const NEUTRAL_REPLY = "Good question. I'll leave that one to you: make an assumption, state it, and carry on.";
/** Most a question may be for matching; longer ones are cut (the command refuses them first). */
const MAX_QUESTION_CHARS = 500;
/** Per topic, phrases that say what a question is about, with how strongly they say it. */
const VOCABULARY = {
    goal: [['goal', 1], ['success', 1], ['succeed', 1], ['optimize for', 1], ['optimizing for', 1], ['trying to achieve', 1], ['business', 0.7],
        ['why are we', 1], ['why do we', 1], ['problem are we solving', 1], ['north star', 1], ['what does good look like', 1], ['win', 0.6], ['main metric', 0.8],
        ['what matters most', 1], ['priority', 0.6], ['motivation', 1], ['care about', 0.6], ['want to improve', 0.8], ['point of', 0.7]],
    users: [['who', 0.6], ['who are the user', 1], ['who use', 1], ['who is it for', 1], ['persona', 1], ['segment', 0.8], ['type of user', 1], ['kind of user', 1],
        ['user', 0.4], ['is this for', 0.7], ['is it for', 0.7], ['which user', 1], ['what user', 0.8], ['target audience', 1], ['target user', 1], ['new user', 0.8], ['power user', 1], ['end user', 1], ['used by', 0.8], ['demographic', 1], ['for whom', 1]],
    scale: [['how many', 0.8], ['how much traffic', 1], ['how big', 1], ['how large', 1], ['scale', 1], ['traffic', 1], ['request per second', 1], ['per second', 1],
        ['per day', 0.8], ['a day', 0.5], ['daily active', 1], ['dau', 1], ['mau', 1], ['million', 0.8], ['billion', 0.8], ['size', 0.7], ['number of', 0.8],
        ['count', 0.5], ['peak', 0.8], ['how often', 0.8], ['growth', 0.7], ['grow', 0.6], ['how much', 0.6]],
    latency: [['latency', 1], ['response time', 1], ['fast', 1], ['slow', 1], ['millisecond', 1], ['ms', 0.8], ['real time', 1], ['realtime', 1],
        ['p99', 1], ['p95', 1], ['p50', 1], ['sla', 1], ['slo', 1], ['wait', 0.8], ['time budget', 1], ['how long does', 0.8], ['how long can', 0.8], ['responsive', 1],
        ['online or batch', 1], ['batch or online', 1], ['precompute', 0.7], ['precomputed', 0.7], ['freshness', 0.8], ['how fresh', 1], ['turnaround', 1], ['second', 0.4]],
    surface: [['surface', 1], ['where', 0.7], ['shown', 0.7], ['show up', 1], ['appear', 1], ['displayed', 1], ['display', 0.8], ['screen', 1], ['page', 0.8],
        ['ui', 1], ['user interface', 1], ['app', 0.8], ['mobile', 0.8], ['web', 0.6], ['desktop', 0.8], ['device', 0.5], ['placement', 1], ['slot', 1], ['widget', 1],
        ['carousel', 1], ['how is it presented', 1], ['look like to the user', 1], ['entry point', 1], ['interface', 0.8]],
    data: [['data', 0.6], ['dataset', 1], ['log', 1], ['what do we know', 1], ['information', 0.7], ['signal', 0.8], ['feature', 0.6], ['collect', 0.8], ['available', 0.5],
        ['access to', 0.7], ['metadata', 1], ['catalog', 0.7], ['history', 0.8], ['historical', 0.8], ['source', 0.5], ['store', 0.3], ['training example', 1],
        ['what do we have', 0.8], ['input', 0.5]],
    labels: [['label', 1], ['ground truth', 1], ['annotation', 1], ['human review', 1], ['reviewer', 0.8], ['rater', 1], ['how do we know', 0.8], ['feedback', 0.8],
        ['supervision', 1], ['supervised', 0.8], ['positive', 0.6], ['negative', 0.5], ['implicit', 0.7], ['explicit', 0.7], ['tagged', 0.6], ['verified', 0.6],
        ['judgment', 1], ['confirmed', 0.6], ['outcome', 0.5], ['chargeback', 0.6], ['report', 0.4]],
    constraints: [['constraint', 1], ['limit', 0.8], ['restriction', 1], ['existing system', 1], ['legacy', 1], ['infrastructure', 1], ['infra', 1],
        ['tech stack', 1], ['stack', 0.6], ['hardware', 1], ['gpu', 0.8], ['cpu', 0.8], ['memory', 0.8], ['on device', 1], ['deadline', 1], ['timeline', 1],
        ['team', 0.8], ['engineer', 0.6], ['requirement', 0.8], ['allowed', 0.6], ['open source', 0.8], ['third party', 0.8], ['vendor', 0.8], ['baseline', 0.8],
        ['today', 0.4], ['currently', 0.6], ['current', 0.5], ['existing', 0.7], ['regulation', 0.4], ['compliance', 0.4], ['rule', 0.5], ['policy', 0.5]],
    privacy: [['privacy', 1], ['pii', 1], ['gdpr', 1], ['ccpa', 1], ['hipaa', 1], ['coppa', 1], ['consent', 1], ['opt out', 1], ['sensitive', 1], ['anonymize', 1],
        ['anonymous', 0.8], ['encrypt', 1], ['legal', 0.8], ['compliance', 0.8], ['regulation', 0.8], ['regulatory', 0.8], ['retention', 0.6], ['retain data', 1], ['data retention', 1], ['retain', 0.8], ['how long can we keep', 1], ['delete', 0.6],
        ['minor', 0.8], ['children', 0.8], ['personal data', 1], ['user data', 0.8], ['allowed to use', 0.7], ['fairness', 0.6], ['bias', 0.5]],
    cost: [['cost', 1], ['budget', 1], ['expensive', 1], ['cheap', 1], ['money', 1], ['spend', 1], ['dollar', 1], ['afford', 1], ['roi', 1], ['return on investment', 1],
        ['gpu hour', 1], ['cloud bill', 1], ['price per', 0.6], ['how much can we', 0.8], ['compute', 0.5], ['efficient', 0.5]],
    scope: [['scope', 1], ['mvp', 1], ['v1', 1], ['first version', 1], ['in scope', 1], ['out of scope', 1], ['focus on', 0.8], ['should i cover', 1],
        ['should we cover', 1], ['include', 0.6], ['do we need to handle', 0.8], ['country', 0.7], ['region', 0.7], ['language', 0.6], ['international', 0.8],
        ['global', 0.6], ['market', 0.6], ['launch', 0.8], ['phase', 0.7], ['edge case', 0.6], ['just', 0.2], ['only', 0.3], ['support', 0.4]],
};
/** A match needs some evidence this strong: most of an ask phrase, or a clear topic word... */
const EVIDENCE = 0.6;
/** ...and this much in all. */
const THRESHOLD = 0.8;
/** Words in nearly every question about a product: they count for little. */
const GENERIC = new Set(askWords('user item feed data model system service platform app exist existing current today'));
const GENERIC_WEIGHT = 0.4;
const vocabulary = Object.entries(VOCABULARY).map(([topic, entries]) => ({
    topic: topic,
    // A longer phrase says more than a word inside it ("time budget" over "budget").
    entries: entries.map(([phrase, weight]) => {
        const stems = wordForms.stems(phrase);
        return { stems, key: stems.map(canonicalWord).join(' '), weight: weight + 0.05 * (stems.length - 1) };
    }).sort((a, b) => b.weight - a.weight),
}));
function compileFacts(facts, forms = wordForms) {
    const compiled = facts.map((fact) => {
        const asks = fact.ask.map((phrase) => askWords(phrase, forms)).filter((stems) => stems.length > 0);
        return { fact, asks, words: new Set(asks.flat()) };
    });
    const seenIn = new Map();
    for (const { words } of compiled)
        for (const word of words)
            seenIn.set(word, (seenIn.get(word) ?? 0) + 1);
    const weight = new Map([...seenIn].map(([word, facts]) => [word, (GENERIC.has(word) ? GENERIC_WEIGHT : 1) / facts]));
    return { forms, facts: compiled, weight };
}
/** How strongly a question uses each topic's vocabulary, from 0 to 1. */
function topicStrengths(asked, forms = wordForms) {
    const stems = forms.stems(asked);
    const synonyms = stems.map(canonicalWord);
    const strengths = new Map();
    for (const { topic, entries } of vocabulary) {
        // The strongest cue counts whole, further cues a quarter each, up to 1.2.
        // Cues that are synonyms of each other ("budget", "cost") count once.
        let best = 0;
        let sum = 0;
        const counted = new Set();
        for (const entry of entries) {
            if (!counted.has(entry.key) && (containsRun(stems, entry.stems) || containsRun(synonyms, entry.stems))) {
                counted.add(entry.key);
                sum += entry.weight;
                best = Math.max(best, entry.weight);
            }
        }
        if (best > 0)
            strengths.set(topic, Math.min(1.2, best + 0.25 * (sum - best)));
    }
    return strengths;
}
/** The best fact for a question, or null when none clears the threshold. */
function matchFact(asked, sheet) {
    const text = asked.length > MAX_QUESTION_CHARS ? asked.slice(0, MAX_QUESTION_CHARS) : asked;
    const words = new Set(askWords(text, sheet.forms));
    if (words.size === 0 && !/\S/.test(text))
        return null;
    const strengths = topicStrengths(text, sheet.forms);
    const weightOf = (word) => sheet.weight.get(word) ?? 0;
    let best = null;
    for (const { fact, asks, words: factWords } of sheet.facts) {
        // How much of its best ask phrase the question covers, by weight: a phrase of generic words
        // covered whole still counts little.
        let ask = 0;
        for (const phrase of asks) {
            let found = 0;
            let total = 0;
            for (const word of phrase) {
                total += weightOf(word);
                if (words.has(word))
                    found += weightOf(word);
            }
            ask = Math.max(ask, found / Math.max(1, total));
        }
        // A little for every question word any of its phrases shares: tells close facts apart.
        let shared = 0;
        for (const word of words)
            if (factWords.has(word))
                shared += weightOf(word);
        const topic = strengths.get(fact.topic) ?? 0;
        const score = ask + topic + Math.min(0.3, 0.15 * shared);
        if (Math.max(ask, topic) < EVIDENCE || score < THRESHOLD)
            continue;
        // Ties go to the earlier fact: deterministic.
        if (!best || score > best.score)
            best = { fact, score };
    }
    return best;
}
/** What the interviewer says to a question: the matched fact's answer, or the neutral reply. */
function askInterviewer(asked, facts) {
    const sheet = 'forms' in facts ? facts : compileFacts(facts);
    const match = matchFact(asked, sheet);
    return match ? { fact: match.fact, answer: match.fact.answer } : { fact: null, answer: NEUTRAL_REPLY };
}
/** The facts no exchange uncovered, in sheet order: what the report says the candidate never asked. */
function uncoveredFacts(exchanges, facts) {
    const asked = new Set(exchanges.map((exchange) => exchange.factId));
    return facts.filter((fact) => !asked.has(fact.id));
}
/** The facts some exchange uncovered, in sheet order. */
function coveredFacts(exchanges, facts) {
    const asked = new Set(exchanges.map((exchange) => exchange.factId));
    return facts.filter((fact) => asked.has(fact.id));
}
/**
 * Puts a question to the interviewer in the current stage and keeps the exchange. Without a
 * fact sheet every question gets the neutral reply. A blank question changes nothing.
 */
function askInStage(state, asked, sheet) {
    const question = asked.trim();
    const stage = state.plan[state.current];
    if (!question || !stage)
        return state;
    const reply = sheet ? askInterviewer(question, sheet) : { fact: null, answer: NEUTRAL_REPLY };
    const exchange = { asked: question, factId: reply.fact?.id ?? null, answer: reply.answer, stageId: stage.id };
    return addExchange(state, exchange);
}

/** What the report says about the fact sheet after a drill; undefined when there is no sheet. */
function factReport(facts, exchanges) {
    if (facts.length === 0)
        return undefined;
    const covered = coveredFacts(exchanges, facts);
    const topics = [...new Set(covered.map((fact) => fact.topic))];
    const summary = covered.length === 0
        ? `You asked the interviewer about none of the ${facts.length} facts they had.`
        : `You uncovered ${covered.length} of ${facts.length} facts, about ${topics.join(', ')}.`;
    const missed = uncoveredFacts(exchanges, facts).map((fact) => `You never asked about ${fact.topic}: ${start.stripControl(fact.answer)}`);
    return { summary, missed };
}
/** Wraps an entry after a mark, the rest of it indented under its first word. */
function entry(mark, text, width) {
    const [first = '', ...rest] = start.wrap(text, width - 4);
    return [`  ${mark} ${first}`, ...rest.map((line) => `    ${line}`)];
}
/**
 * The report's sections on the interviewer's side: the facts uncovered and missed with their
 * answers, the questions that got the neutral reply, and the follow-up with the notes written
 * after it and its answer key, point by point. Empty when the drill had neither.
 */
function interviewerLines(report, style, width = 80, options = {}) {
    const lines = [];
    const { dialogue, followup } = report;
    const facts = dialogue && factReport(dialogue.facts, dialogue.exchanges);
    if (dialogue && (facts || dialogue.exchanges.length)) {
        lines.push('', style.heading('Questions to the interviewer'));
        if (facts)
            lines.push(...start.wrap(facts.summary, width - 2, '  '));
        // Folded (a short terminal): the summary alone; the export gives every fact.
        if (options.folded)
            return [...lines, ...interviewerLines({ followup: report.followup }, style, width, options)];
        for (const fact of coveredFacts(dialogue.exchanges, dialogue.facts))
            lines.push(...entry(style.good('✔'), `${fact.topic}: ${start.stripControl(fact.answer)}`, width));
        for (const missed of facts?.missed ?? [])
            lines.push(...entry(style.bad('✗'), missed, width));
        const unanswered = dialogue.exchanges.filter((exchange) => exchange.factId === null);
        if (unanswered.length) {
            lines.push(style.dim(`  Answered with "make an assumption": ${start.plural(unanswered.length, 'question')}`));
            for (const exchange of unanswered)
                lines.push(...entry(style.dim('?'), start.stripControl(exchange.asked), width));
        }
    }
    if (followup) {
        lines.push('', style.heading(`Follow-up · ${start.stripControl(followup.stageTitle)}`), ...start.wrap(`“${start.stripControl(followup.text)}”`, width - 2, '  ').map((line) => style.accent(line)));
        const notes = start.stripControl(followup.notesAfter).trim();
        // Folded, the notes after it become a count; the answer key stays, point by point.
        if (options.folded)
            lines.push(style.dim(`  Your notes after it: ${start.plural(notes ? notes.split('\n').length : 0, 'line')}`));
        else
            lines.push(style.dim('  Your notes after it:'), ...(notes ? notes.split('\n').flatMap((line) => start.wrap(line, width - 4, '    ')) : [style.dim('    (nothing written after it)')]));
        if (followup.points.length) {
            lines.push(style.dim('  Answer key:'));
            for (const point of followup.points)
                lines.push(...entry(point.covered ? style.good('✔') : style.bad('✗'), start.stripControl(point.text), width).map((line) => `  ${line}`));
        }
    }
    return lines;
}

function questionHeader(question, plan, style, width = 80) {
    const meta = [question.category, question.difficulty, ...(question.companies ?? [])].join(' · ');
    const total = totalBudgetSeconds(plan);
    const lines = [style.title(question.title), style.dim(meta), '', ...start.wrap(question.prompt, width - 4, '  ').map((line) => style.heading(line)), ''];
    lines.push(style.heading(`Plan (${formatMinutes(total)})`));
    const titleWidth = Math.max(...plan.map((stage) => stage.title.length));
    plan.forEach((stage, i) => lines.push(`  ${i + 1}. ${stage.title.padEnd(titleWidth)}  ${style.dim(formatMinutes(stage.budgetSeconds))}`));
    return lines;
}
function formatMinutes(seconds) {
    const minutes = Math.round(seconds / 6) / 10;
    return `${minutes} min`;
}
/**
 * The report: the score and the per-stage table first, what happened, what was missed and the
 * red flags, and the score again as the last line. On a terminal too short for all of it, the
 * long sections fold behind a count, so the score never scrolls away.
 */
function reportLines(report, style, width = 80, fit = {}) {
    const head = reportHead(report, style, width);
    const tail = ['', summaryLine(report, style, width)];
    const asked = { whole: interviewerLines(report, style, width), folded: interviewerLines(report, style, width, { folded: true }) };
    // The core items missed come right after the table and never fold: they are the verdict's reason.
    const sections = [diagramSection(report, width), curveballSection(report, style, width), missedSection(report, style, width, fit), redFlagSection(report, style, width, fit), strongAnswerSection(report, style, width), asked];
    head.push(...coreMissedLines(report, style, width));
    const chosen = sections.map((section) => section.whole);
    const height = () => head.length + chosen.reduce((sum, lines) => sum + lines.length, 0) + tail.length;
    // The pointer to the model answer goes first, then the interviewer's side, then the longest sections: the missed items, the red flags, the diagram's comparison, the curveball.
    for (const i of [4, 5, 2, 3, 0, 1]) {
        if (fit.rows !== undefined && height() > fit.rows)
            chosen[i] = sections[i].folded;
    }
    return [...head, ...chosen.flat(), ...tail];
}
/** The title, the score and time, and a row per stage: time, coverage, hints and pace. */
function reportHead(report, style, width) {
    const grade = gradeStyle(style);
    const lines = [
        style.title(`Report · ${report.questionTitle}`),
        `${style.heading('Score')} ${grade(report.total)(`${report.total}%`)}${report.capped ? style.warn(' (capped: core items missed)') : ''}   ${style.heading('Time')} ${start.clock(report.usedSeconds)} of ${start.clock(report.budgetSeconds)}`,
        '',
    ];
    const titleWidth = Math.min(24, Math.max(...report.stages.map((stage) => stage.title.length)));
    const withBar = width >= 70;
    for (const stage of report.stages) {
        const title = start.cut(stage.title, titleWidth).padEnd(titleWidth);
        const time = `${start.clock(stage.usedSeconds)} / ${start.clock(stage.budgetSeconds)}`;
        const coverage = `${withBar ? `${grade(stage.score.score)(bar(stage.score.score / 100))} ` : ''}${grade(stage.score.score)(`${String(stage.score.score).padStart(3)}%`)}`;
        const hints = (stage.hintsShown ? (text) => text : style.dim)((stage.hintsShown ? start.plural(stage.hintsShown, 'hint') : 'no hints').padEnd(8));
        // The pace whole when it fits (`rushed: 8 s of 15 min`, `over by 40%`), else short (`rushed`, `+40%`); the hints go before the pace does.
        const fits = (row, pace) => start.visibleLength(row) + (pace ? 2 + pace.length : 0) <= width;
        const full = `${title}  ${time}  ${coverage}  ${hints}`;
        const pace = stage.pacing ?? '';
        const short = pace.includes(':') ? pace.split(':')[0] : pace.replace(/^over by /, '+');
        const [row, pacing] = fits(full, pace) ? [full, pace] : fits(full, short) ? [full, short] : [`${title}  ${time}  ${coverage}`, short];
        lines.push(pacing ? `${row}  ${style.warn(pacing)}` : row.trimEnd());
    }
    return lines;
}
/** The drawing compared with the reference diagram; folded to the comparison alone. */
function diagramSection(report, width) {
    const lines = (report.diagram ?? []).map((line) => paragraph(start.stripControl(line), width));
    return { whole: lines.length ? ['', ...lines.flat()] : [], folded: lines.length ? ['', ...lines[0]] : [] };
}
/** Where the question's strong example answer is (whole in `show --answer` and in the export); dropped first when space is short. */
function strongAnswerSection(report, style, width) {
    if (!report.strongAnswer)
        return { whole: [], folded: [] };
    return { whole: ['', ...paragraph(`What a strong answer covers: mldrill show ${start.stripControl(report.questionId)} --answer`, width).map((line) => style.dim(line))], folded: [] };
}
/** The last line: the score and each stage's, by title when the width allows, else by stage id. */
function summaryLine(report, style, width) {
    const grade = gradeStyle(style);
    const score = `${style.heading('Score')} ${grade(report.total)(`${report.total}%`)}`;
    for (const name of [(stage) => stage.title, (stage) => stage.id]) {
        const line = [score, ...report.stages.map((stage) => `${name(stage)} ${grade(stage.score.score)(`${stage.score.score}%`)}`)].join(style.dim(' · '));
        if (start.visibleLength(line) <= width)
            return line;
    }
    return score;
}
/** A paragraph wrapped to the width, its lines after the first indented. */
const paragraph = (text, width, indent = '  ') => start.wrap(text, width - indent.length).map((line, i) => (i ? `${indent}${line}` : line));
/** The follow-up the interviewer cut in with, and the notes written after it. */
function curveballSection(report, style, width) {
    const thrown = report.curveball;
    // With its answer key, the interviewer's section shows the follow-up, the notes after it and the points.
    if (!thrown || report.followup?.points.length)
        return { whole: [], folded: [] };
    const head = ['', style.heading(`⚡ Curveball in ${thrown.stageTitle} at ${start.clock(thrown.atSeconds)}`), ...start.wrap(thrown.text, width - 2, '  ')];
    const after = thrown.notesAfter;
    if (after === null)
        return { whole: head, folded: head };
    if (after.length === 0)
        return { whole: [...head, style.dim('  No notes after it.')], folded: [...head, style.dim('  No notes after it.')] };
    return {
        whole: [...head, style.dim(`  Notes after it (${start.plural(after.length, 'line')}):`), ...after.flatMap((line) => start.wrap(line, width - 4, '    '))],
        folded: [...head, style.dim(`  Notes after it: ${start.plural(after.length, 'line')}`)],
    };
}
/** The question's core items that were not ticked: what the question exists to test, named first. */
function coreMissedLines(report, style, width) {
    const missed = report.stages.flatMap((stage) => stage.score.missed.filter((item) => item.core));
    if (missed.length === 0)
        return [];
    const lines = ['', style.heading(`The point of this question, missed (${missed.length})`)];
    for (const item of missed) {
        const [first = '', ...rest] = start.wrap(item.text, width - 4);
        lines.push(`  ${style.bad('✗')} ${first}`, ...rest.map((line) => `    ${line}`));
    }
    return lines;
}
/** What was not ticked besides the core items, with what good looks like. */
function missedSection(report, style, width, fit) {
    const missedOf = (stage) => stage.score.missed.filter((item) => !item.core);
    const stages = report.stages.filter((stage) => missedOf(stage).length > 0);
    if (stages.length === 0)
        return { whole: [], folded: [] };
    const count = stages.reduce((sum, stage) => sum + missedOf(stage).length, 0);
    const other = report.stages.some((stage) => stage.score.missed.some((item) => item.core)) ? 'other ' : '';
    const whole = ['', style.heading(`Missed${other ? ', besides those' : ''} (${count})`)];
    for (const stage of stages) {
        whole.push(style.accent(stage.title));
        for (const item of missedOf(stage)) {
            const [first = '', ...rest] = start.wrap(item.text, width - 4);
            whole.push(`  ${style.bad('✗')} ${first}`, ...rest.map((line) => `    ${line}`));
            if (item.guidance)
                whole.push(...start.wrap(item.guidance, width - 6, '      ').map((line) => style.dim(line)));
        }
    }
    const where = stages.length === 1 ? `in ${stages[0].title}` : `in ${stages.length} stages`;
    const how = fit.wholeWith ? `; ${fit.wholeWith} gives them with guidance` : '';
    return { whole, folded: ['', ...paragraph(`${style.heading('Missed')}: ${start.plural(count, `${other}item`)} ${where}${how}`, width)] };
}
/** The rubric's red flags: those of the stages whose data shows trouble, or all with --all-red-flags. */
function redFlagSection(report, style, width, fit) {
    const all = Boolean(fit.allRedFlags);
    const stages = report.stages.filter((stage) => stage.redFlags.length > 0 && (all || stage.signals.length > 0));
    if (stages.length === 0)
        return { whole: [], folded: [] };
    const whole = ['', style.heading(all ? 'Red flags to watch' : 'Red flags your session suggests')];
    for (const stage of stages) {
        whole.push(`${style.accent(stage.title)}${stage.signals.length ? style.dim(` · ${stage.signals.join(', ')}`) : ''}`);
        for (const flag of stage.redFlags) {
            const [first = '', ...rest] = start.wrap(flag, width - 4);
            whole.push(`  ! ${first}`, ...rest.map((line) => `    ${line}`));
        }
    }
    const count = stages.reduce((sum, stage) => sum + stage.redFlags.length, 0);
    // Folded, the signs are named by kind: `rushed, no notes`, not stage by stage.
    const kinds = [...new Set(stages.flatMap((stage) => stage.signals.map(signalKind)))].join(', ');
    const where = stages.length === 1 ? `in ${stages[0].title}` : `in ${stages.length} stages`;
    const how = fit.wholeWith ? `; ${fit.wholeWith} lists them` : '';
    return { whole, folded: ['', ...paragraph(`${style.heading('Red flags')}: ${count}${all ? '' : ' suggested'} ${where}${kinds ? ` (${kinds})` : ''}${how}`, width)] };
}
/** A signal's kind, for a summary: `rushed: 8 s of 15 min` is rushed, `40% covered` is low coverage. */
function signalKind(signal) {
    if (signal.startsWith('over by'))
        return 'over time';
    if (signal.startsWith('took'))
        return 'a long clarify';
    if (signal.endsWith('covered'))
        return 'low coverage';
    return signal.split(':')[0];
}

// Writes a whole file or nothing: into a temporary file beside it, fsync, then rename over
// the target. A reader (or a crash) never sees half a file. Only a regular file (or nothing) is
// ever renamed over: a device, a FIFO or a directory in its place is refused, and a symlink is
// written through, its target replaced, never the link itself.
let written = 0;
/** What file is now: followed through links to the path that would be replaced. */
function destination(file) {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat)
        return { target: stat.isFile() ? fs.realpathSync(file) : file, stat, dangling: false };
    return { target: file, dangling: fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink() ?? false };
}
/**
 * Replaces file with content (or what write puts into the open temporary file), keeping the
 * mode of the file it replaces. Throws NotRegularError when file is something else.
 */
function writeFileAtomic(file, content) {
    const { target, stat, dangling } = destination(file);
    if (stat && !stat.isFile())
        throw new NotRegularError(file, kindOfFile(stat));
    // A link to nothing yet: create its target through it; there is no old file to tear.
    if (dangling)
        return writeInPlace(file, content);
    // Unique per process and call; 'wx' below refuses a clash rather than sharing a temp file.
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${++written}.tmp`);
    try {
        const fd = fs.openSync(temp, 'wx', 0o644);
        try {
            if (stat)
                fs.fchmodSync(fd, stat.mode & 0o7777);
            if (typeof content === 'function')
                content(fd);
            else
                fs.writeFileSync(fd, content);
            fs.fsyncSync(fd);
        }
        finally {
            fs.closeSync(fd);
        }
        fs.renameSync(temp, target);
    }
    catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
    }
}
/**
 * Writes a file the user named as output, as a shell's `>` would where a rename cannot serve:
 * into a device, a FIFO, a process substitution or /dev/stdout (the caller's own descriptors)
 * in place; a regular file or a new one atomically, through any link.
 */
function writeOutputFile(file, content) {
    const { stat } = destination(file);
    if ((stat && !stat.isFile()) || /^\/(dev|proc)\//.test(path.resolve(file)))
        writeInPlace(file, content);
    else
        writeFileAtomic(file, content);
}
function writeInPlace(file, content) {
    const fd = fs.openSync(file, 'w', 0o644);
    try {
        if (typeof content === 'function')
            content(fd);
        else
            fs.writeFileSync(fd, content);
    }
    finally {
        fs.closeSync(fd);
    }
}

// The stage screen's keys: one table, so that the screen's key line, the README and the
// handling all read from the same place, and a new pane or key (a diagram pad, "ask the
// interviewer") is one row here and one case in the prompt. Writing is the default: every
// printable key goes to the notes, and commands sit on keys that prose cannot type by accident.
/** Per line mode: the prompt in front of the line, and what the line under it says. */
const LINE_MODES = {
    ask: { prompt: '? ask the interviewer>', help: 'Ask the interviewer one question; Enter asks, Esc goes back to the notes.' },
    pad: { prompt: '◇ diagram>', help: 'Edges: events -> features -> ranker, a -[label]-> b, or a lone box.' },
};
const enter = (key) => key.name === 'return' || key.name === 'enter';
/** Every command key of the stage screen, in the order the key line shows them. */
const STAGE_KEYS = [
    { label: 'Enter', does: 'ask', action: 'send', lineMode: 'ask', matches: (key) => enter(key) },
    { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'ask', matches: (key) => key.name === 'escape' },
    // Esc then Enter arrive at once as Enter with meta: on an empty pad line there is nothing to add, so the Esc was meant.
    { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'pad', matches: (key, context) => enter(key) && Boolean(key.meta) && context.line === '', shown: () => false },
    { label: 'Enter', does: 'add the line', action: 'send', lineMode: 'pad', matches: (key) => enter(key) },
    // Only on an empty line: Backspace there has nothing else to delete, and ↑ nothing else to do.
    { label: '↑', does: 'take back the last line', action: 'recall', lineMode: 'pad', matches: (key, context) => context.line === '' && (key.name === 'up' || key.name === 'backspace') },
    { label: 'Esc', does: 'back to the notes', action: 'cancel', lineMode: 'pad', matches: (key) => key.name === 'escape' },
    { label: 'Enter', does: 'start the clock', action: 'start', matches: (key, context) => context.gated && enter(key), shown: (context) => context.gated },
    // Alt-Enter, and Esc then Enter, arrive as Enter with meta: one committed line, never two.
    { label: 'Enter', does: 'add the line to the notes', action: 'commit', matches: (key, context) => enter(key) && context.line.trim() !== '', shown: () => false },
    { label: 'Enter', does: 'on an empty line: next stage', action: 'next', matches: (key) => enter(key) },
    { label: 'Tab', does: 'hint', action: 'hint', matches: (key) => key.name === 'tab' },
    { label: 'Ctrl-P', does: 'pause', action: 'pause', matches: (key) => Boolean(key.ctrl) && key.name === 'p' },
    { label: '↑↓', does: 'edit earlier lines', action: 'edit-up', matches: (key, context) => !context.interviewer && key.name === 'up', shown: (context) => !context.interviewer },
    { label: '↓', does: '', action: 'edit-down', matches: (key, context) => !context.interviewer && key.name === 'down', shown: () => false },
    { label: '↑↓', does: 'move', action: 'edit-up', matches: (key, context) => context.interviewer && key.name === 'up', shown: (context) => context.interviewer },
    { label: '↓', does: '', action: 'edit-down', matches: (key, context) => context.interviewer && key.name === 'down', shown: () => false },
    { label: 'Space', does: 'on an empty line: tick', action: 'tick', matches: (key, context) => context.interviewer && key.name === 'space' && context.line === '', shown: (context) => context.interviewer },
    { label: 'Ctrl-F', does: 'all follow-ups', action: 'followups', matches: (key, context) => context.interviewer && Boolean(key.ctrl) && key.name === 'f', shown: (context) => context.interviewer },
    // `?` opens a question only on an empty line, so a line of notes may still hold one anywhere.
    { label: '?', does: 'ask the interviewer', action: 'ask', matches: (key, context) => !context.interviewer && context.line === '' && key.sequence === '?', shown: (context) => !context.interviewer },
    // Ctrl-G ("graph"): Ctrl-D, Ctrl-E and the like are line-editing keys of readline.
    { label: 'Ctrl-G', does: 'diagram', action: 'pad', matches: (key) => Boolean(key.ctrl) && key.name === 'g' },
    { label: 'Ctrl-O', does: 'fact sheet', action: 'facts', matches: (key, context) => context.interviewer && Boolean(key.ctrl) && key.name === 'o', shown: (context) => context.interviewer && Boolean(context.facts) },
    { label: 'Ctrl-B', does: 'previous stage', action: 'back', matches: (key, context) => context.canGoBack && Boolean(key.ctrl) && key.name === 'b', shown: (context) => context.canGoBack },
];
/** The action for a key; at the ready gate any key that types text starts the clock as well. */
function stageAction(key, context) {
    for (const binding of active(context)) {
        // A question asked at the gate starts the clock too (the prompt does both).
        if (binding.matches(key, context))
            return context.gated && !['start', 'type', 'ask', 'pad'].includes(binding.action) ? 'start' : binding.action;
    }
    return context.gated ? 'start' : 'type';
}
/** The bindings that act now: while a line mode is open, only its own. */
const active = (context) => STAGE_KEYS.filter((binding) => binding.lineMode === context.lineMode);
/** The key line's entries that apply now: `[label, what it does]`. */
function keyHints(context) {
    return active(context).filter((binding) => binding.shown?.(context) ?? true).filter((binding) => binding.does).map((binding) => [binding.label, binding.does]);
}

// The stage screen's layout: a pure function from what the screen shows (the session, the line
// being typed, the cursor) and the terminal's size to the lines to draw. Whatever does not fit
// the height is folded, least needed first, so that the screen can be redrawn in place: a
// screen taller than the terminal garbles when redrawn.
/** Notes lines kept on screen when there is room; older ones fold (all are kept and saved). */
const VISIBLE_NOTE_LINES = 8;
/** Questions to the interviewer kept on screen with their answers when there is room. */
const VISIBLE_EXCHANGES = 3;
/** The countdown as the report will show it: whole seconds left, rounded up, so 5 minutes show 05:00. */
function timeLeft(state, now) {
    const remaining = remainingSeconds(state, now);
    return remaining >= 0 ? { seconds: Math.ceil(remaining), over: false } : { seconds: Math.round(-remaining), over: true };
}
/** The line left on screen for a finished stage: its time as the report rounds it. */
function finishedLine(state, index, now, style) {
    const stage = state.plan[index];
    const used = Math.round(usedSeconds(state, index, now));
    const over = used > stage.budgetSeconds;
    return `${style.good('✔')} ${style.heading(stage.title)} ${style.dim('·')} ${(over ? style.warn : style.dim)(`${start.clock(used)} of ${start.clock(stage.budgetSeconds)}`)}`;
}
/** The screen: `lines` above the line being typed, and `help` under it. */
function stageLines(view, size, style) {
    const { state } = view;
    const index = state.current;
    const stage = state.plan[index];
    const progress = state.progress[index];
    // Never wider than the terminal (a narrower screen wraps lines mid-word and breaks the redraw).
    const width = Math.max(20, Math.min(size.columns, 100));
    const left = timeLeft(state, view.now);
    const timer = view.gated
        ? style.warn('⏸ ready')
        : isPaused(state)
            ? style.warn(`⏸ paused · ${start.clock(left.seconds)} left`)
            : left.over
                ? style.bad(`⏱ +${start.clock(left.seconds)} over time`)
                : (left.seconds <= 60 ? style.warn : style.good)(`⏱ ${start.clock(left.seconds)} left`);
    const title = `Stage ${index + 1}/${state.plan.length} · ${stage.title}`;
    const gap = width - start.visibleLength(title) - start.visibleLength(timer);
    const header = [
        ...(gap >= 2 ? [`${style.title(title)}${' '.repeat(gap)}${timer}`] : [style.title(title), timer]),
        ...(view.notice ? [style.warn(start.cut(view.notice, width))] : []),
        ...start.wrap(stage.goal, width - 2, '  ').map((line) => style.dim(line)),
    ];
    const numbered = (items, from = 0) => items.flatMap((item, i) => {
        const [first = '', ...rest] = start.wrap(item, width - 5);
        return [`  ${from + i + 1}. ${first}`, ...rest.map((line) => `     ${line}`)];
    });
    const curveball = state.curveball;
    const cutIn = curveball && curveball.stage === index && curveball.shownAtSeconds !== null
        ? [style.warn('⚡ The interviewer cuts in:'), ...start.wrap(curveball.text, width - 4, '  ').map((line) => style.heading(line))]
        : [];
    const shownHints = view.hints.slice(0, progress.hintsShown);
    const checklist = view.checklist ?? [];
    const checklistItems = checklist.map((item, i) => {
        const mark = progress.ticked.includes(item.id) ? style.good('◉') : '◯';
        const pointer = i === view.cursor ? style.accent('❯') : ' ';
        const [first = '', ...rest] = start.wrap(item.text, width - 6);
        return [`${pointer} ${mark} ${i === view.cursor ? style.accent(first) : first}`, ...rest.map((line) => `    ${line}`)];
    });
    const noteLines = progress.notes ? progress.notes.replace(/\n$/, '').split('\n') : [];
    const exchanges = (state.exchanges ?? []).filter((exchange) => exchange.stageId === stage.id);
    const facts = view.facts ?? [];
    const context = { line: view.line, interviewer: checklist.length > 0, gated: view.gated, canGoBack: index > 0, lineMode: view.lineMode, facts: facts.length > 0 };
    const last = index + 1 === state.plan.length;
    const keys = keyHints(context).map(([label, does]) => `${style.key(` ${label} `)} ${last ? does.replace('next stage', 'finish') : does}`);
    const quits = style.dim(view.save ? 'Ctrl-C quits (saved)' : 'Ctrl-C quits (not saved)');
    const help = keyLine([...keys, quits], width);
    const typing = view.gated ? [style.dim('The clock starts when you press Enter or start typing.')] : [];
    if (view.lineMode)
        typing.push(...start.wrap(LINE_MODES[view.lineMode].help, width).map((line) => style.dim(line)));
    const padOpen = view.lineMode === 'pad';
    const diagramCount = (view.diagram ?? '').split('\n').filter((line) => line.trim()).length;
    const fixed = header.length + typing.length + help.split('\n').length + 2;
    const room = Math.max(4, size.rows - 1 - fixed);
    let notesShown = Math.min(VISIBLE_NOTE_LINES, noteLines.length);
    let hintsFrom = 0;
    let followupsFolded = false;
    let window = { from: 0, to: checklistItems.length };
    let exchangesShown = Math.min(VISIBLE_EXCHANGES, exchanges.length);
    // At the tightest, the latest answer alone on one line.
    let exchangeLine = false;
    let factsFolded = view.factsHidden ? 2 : 0;
    /** The pad's picture in `height` rows at most, indented like the notes. */
    const drawn = (height) => (view.drawDiagram ? view.drawDiagram(view.diagram ?? '', { width: width - 2, height: Math.max(1, height) }).map((line) => `  ${line}`) : [style.dim('  loading the drawing…')]);
    // First as tall as the screen allows: the rest folds for it, and it is cut to what is left after that.
    let drawing = padOpen ? drawn(room - 2) : [];
    let notesFolded = false;
    const body = () => {
        const lines = [];
        const section = (heading, content) => void lines.push('', style.heading(heading), ...content);
        if (cutIn.length)
            lines.push('', ...cutIn);
        if (exchanges.length && exchangeLine)
            lines.push('', start.cut(`  › ${start.stripControl(exchanges.at(-1).answer)}`, width));
        else if (exchanges.length) {
            const earlier = exchanges.length - exchangesShown;
            section(view.noFactSheet ? 'Interviewer (this question has no fact sheet: every answer is to assume)' : 'Interviewer', [
                ...(earlier > 0 ? [style.dim(`  … ${start.plural(earlier, 'earlier question')}`)] : []),
                ...exchanges.slice(earlier).flatMap((exchange) => [
                    ...start.wrap(`You: ${start.stripControl(exchange.asked)}`, width - 4, '  ').map((line) => style.dim(line)),
                    ...start.wrap(start.stripControl(exchange.answer), width - 4, '    ').map((line, i) => (i ? line : `  ${style.accent('›')} ${line.trimStart()}`)),
                ]),
            ]);
        }
        if (facts.length) {
            const key = style.dim(' (Ctrl-O shows it)');
            if (factsFolded === 2)
                lines.push('', style.heading(`Fact sheet: ${start.plural(facts.length, 'fact')}`) + (view.factsHidden ? key : style.dim(' (folded for space)')));
            else {
                section('Fact sheet: answer only what is asked', facts.flatMap((fact) => factsFolded === 1 ? [start.cut(`  ${fact.topic}: ${start.stripControl(fact.answer)}`, width)] : start.wrap(`${fact.topic}: ${start.stripControl(fact.answer)}`, width - 4, '    ').map((line, i) => (i ? line : `  ${line.trimStart()}`))));
            }
        }
        if (shownHints.length) {
            section(`Hints (${shownHints.length} of ${view.hints.length})`, [
                ...(hintsFrom > 0 ? [style.dim(`  … ${start.plural(hintsFrom, 'earlier hint')} folded for space`)] : []),
                ...numbered(shownHints.slice(hintsFrom), hintsFrom),
            ]);
        }
        if (checklistItems.length) {
            section(`Checklist (${progress.ticked.length} of ${checklistItems.length} covered)`, [
                ...(window.from > 0 ? [style.dim(`  ↑ ${window.from} more`)] : []),
                ...checklistItems.slice(window.from, window.to).flat(),
                ...(window.to < checklistItems.length ? [style.dim(`  ↓ ${checklistItems.length - window.to} more`)] : []),
            ]);
        }
        if (view.followups?.length) {
            if (followupsFolded)
                lines.push('', style.heading(`Follow-ups to ask: ${view.followups.length}`) + style.dim(' (Ctrl-F shows them)'));
            else
                section('Follow-ups to ask', numbered(view.followups));
        }
        // The line being edited stays in view: the window of notes ends at it.
        const end = view.editing === null ? noteLines.length : Math.min(noteLines.length, Math.max(view.editing + 1, notesShown));
        const from = Math.max(0, end - notesShown);
        if (notesFolded)
            lines.push('', style.heading(`Notes: ${start.plural(noteLines.length, 'line')}`) + style.dim(' (Esc shows them)'));
        else if (noteLines.length > 0 || !view.gated) {
            section('Notes', [
                ...(from > 0 ? [style.dim(`  … ${start.plural(from, 'earlier line')}`)] : []),
                ...noteLines.slice(from, end).flatMap((line, i) => from + i === view.editing ? start.wrap(line, width - 4, '    ').map((part, j) => (j ? style.dim(part) : `  ${style.accent('✎')} ${style.dim(part.trimStart())}`)) : start.wrap(line, width - 2, '  ')),
            ]);
        }
        if (padOpen)
            section(`Diagram (${start.plural(diagramCount, 'line')})`, drawing);
        else if (diagramCount)
            lines.push('', style.heading(`Diagram: ${start.plural(diagramCount, 'line')}`) + style.dim(' (Ctrl-G opens the pad)'));
        return lines;
    };
    // Least needed first; the follow-ups go last: in the deep-dive they are what an interviewer needs most.
    const fold = [
        () => (hintsFrom < shownHints.length - 1 ? ((hintsFrom = shownHints.length - 1), true) : false),
        () => (notesShown > 2 ? ((notesShown = 2), true) : false),
        () => (exchangesShown > 1 ? ((exchangesShown = 1), true) : false),
        () => (factsFolded === 0 ? ((factsFolded = 1), true) : false),
        () => {
            // Narrow the checklist to a window around the cursor, one item at a time.
            if (window.to - window.from <= 1)
                return false;
            window = view.cursor - window.from > window.to - 1 - view.cursor ? { ...window, from: window.from + 1 } : { ...window, to: window.to - 1 };
            return true;
        },
        () => (factsFolded === 1 ? ((factsFolded = 2), true) : false),
        () => (followupsFolded || view.allFollowups ? false : (followupsFolded = true)),
        // The answer's line is paid for with a line of notes: both stay in view.
        () => (exchanges.length && !exchangeLine ? (exchangeLine = true) : false),
        () => (exchangeLine && notesShown > 1 ? ((notesShown = 1), true) : false),
        // At the tightest (a short terminal, or the diagram pad open), the last line of notes alone.
        () => (notesShown > 1 ? ((notesShown = 1), true) : false),
        // With the pad open, its picture is what is being worked on: the notes fold to one line.
        () => (padOpen && !notesFolded && noteLines.length > 0 ? (notesFolded = true) : false),
    ];
    let lines = body();
    for (const step of fold) {
        while (lines.length > room && step())
            lines = body();
    }
    if (padOpen && lines.length > room) {
        // The pad says itself what does not fit (src/diagram/pad.ts).
        drawing = drawn(room - (lines.length - drawing.length));
        lines = body();
    }
    const prompt = view.lineMode ? style.accent(LINE_MODES[view.lineMode].prompt) : view.editing === null ? style.accent('>') : style.accent(`✎ ${view.editing + 1}>`);
    return { lines: [...header, ...lines, ...typing, '', `  ${prompt} ${view.line}`], help };
}
/** A line of key hints, wrapped between entries, never inside one. */
function keyLine(entries, width) {
    return entries.reduce((rows, entry) => {
        const last = rows.at(-1);
        if (last !== undefined && start.visibleLength(last) + 2 + start.visibleLength(entry) <= width)
            rows[rows.length - 1] = `${last}  ${entry}`;
        else
            rows.push(entry);
        return rows;
    }, []).join('\n');
}

/** Marks an item ticked because the notes mention it; the drill explains it once, before the first screen. */
const SUGGESTED = '✦';
/** Notes lines shown above the list when the screen has room to spare. */
const MOST_NOTE_LINES = 6;
/** The confirmed stage, as it stays on screen: `Clarify: 5 of 9 covered`. */
function assessedLine(title, items, ticked, style) {
    return `${style.good('✔')} ${style.heading(title)}: ${items.filter((item) => ticked.has(item.id)).length} of ${items.length} covered`;
}
/** The screen: `lines`, and `help` (the keys) under them. */
function assessLines(view, size, style) {
    const width = Math.max(20, Math.min(size.columns, 100));
    const count = view.items.filter((item) => view.ticked.has(item.id)).length;
    const header = start.wrap(`? ${view.message} (${count} of ${view.items.length} ticked)`, width).map((line, i) => (i ? style.heading(line) : `${style.accent('?')}${style.heading(line.slice(1))}`));
    // The legend of ✦ stays with the keys: the intro that explains it may have scrolled away on a short screen.
    const legend = view.evidence.size > 0 ? [style.dim(`${SUGGESTED} suggested by your notes`)] : [];
    const help = keyLine([...[['Space', 'tick'], ['↑↓', 'move'], ['Enter', 'confirm']].map(([key, does]) => `${style.key(` ${key} `)} ${does}`), ...legend], width);
    // Each item's lines; the first of the question's own items carries the separator above it.
    const firstOwn = view.items.findIndex((item) => item.source === 'question');
    const rows = view.items.map((item, i) => {
        const here = i === view.cursor;
        const mark = view.ticked.has(item.id) ? style.good('◉') : '◯';
        const phrase = view.evidence.get(item.id);
        const text = start.wrap(item.text, width - 6);
        // The marker and its phrase are never split: after the text when they fit, else under it.
        const evidence = phrase === undefined ? '' : `${SUGGESTED} “${[...phrase].slice(0, width - 12).join('')}”`;
        const fits = evidence && [...`${text.at(-1)} ${evidence}`].length <= width - 6;
        const [first = '', ...rest] = text.map((line, i) => (fits && i === text.length - 1 ? `${line} ${style.dim(evidence)}` : line));
        const lines = [`${here ? style.accent('❯') : ' '} ${mark} ${here ? style.accent(first) : first}`, ...rest.map((line) => `    ${line}`), ...(evidence && !fits ? [`    ${style.dim(evidence)}`] : [])];
        return i === firstOwn && firstOwn > 0 ? [style.dim('  ── specific to this question ──'), ...lines] : lines;
    });
    // The notes, folded: their lines joined, so short lines share a screen line.
    const noteText = view.notes.split('\n').map((line) => line.trim()).filter(Boolean).join(' · ');
    const noteLines = noteText ? start.wrap(noteText, width - 4, '  ') : [];
    const room = Math.max(3, size.rows - 1 - header.length - help.split('\n').length);
    const listLines = rows.reduce((sum, lines) => sum + lines.length, 0);
    // The notes get what the list leaves, at most a few lines, and at least one while any fit.
    const spare = room - listLines - 1; // less their heading
    const notesShown = Math.min(noteLines.length, MOST_NOTE_LINES, Math.max(spare, room >= 10 ? 2 : room >= 7 ? 1 : 0));
    const notes = notesShown
        ? [
            style.dim('Your notes:'),
            ...noteLines.slice(0, notesShown).map((line, i) => style.dim(i === notesShown - 1 && notesShown < noteLines.length ? `${line.slice(0, Math.max(0, width - 2))}…` : line)),
        ]
        : view.notes.trim()
            ? []
            : [style.dim('Your notes: none in this stage.')];
    // A window of items around the cursor, narrowed one item at a time from the far side.
    const listRoom = Math.max(3, room - notes.length);
    let from = 0;
    let to = rows.length;
    const height = () => rows.slice(from, to).reduce((sum, lines) => sum + lines.length, 0) + (from > 0 ? 1 : 0) + (to < rows.length ? 1 : 0);
    while (height() > listRoom && to - from > 1) {
        if (view.cursor - from > to - 1 - view.cursor)
            from += 1;
        else
            to -= 1;
    }
    const tickedIn = (list) => list.filter((item) => view.ticked.has(item.id)).length;
    const more = (arrow, list) => {
        const ticked = tickedIn(list);
        return style.dim(`  ${arrow} ${list.length} more${ticked ? ` · ${ticked} ticked` : ''}`);
    };
    const list = [
        ...(from > 0 ? [more('↑', view.items.slice(0, from))] : []),
        ...rows.slice(from, to).flat(),
        ...(to < rows.length ? [more('↓', view.items.slice(to))] : []),
    ];
    return { lines: [...header, ...notes, ...list], help };
}
/** The intro above the first screen: the keys, and the marker explained once; wrapped at word breaks to `width`. */
function assessIntro(anySuggested, style, width) {
    const intro = start.wrap('Self-assessment: tick what you really covered (Space ticks, Enter confirms).', width);
    const marker = start.wrap(`${SUGGESTED} marks an item your notes mention, ticked for you: untick what you did not cover.`, width).map((line) => style.dim(line));
    return [...intro, ...(anySuggested ? marker : [])].join('\n');
}

// Whether the bank on disk is still the one a cache recorded: the same files, each with the
// same size and mtime.
/** An unknown stamp: never equal to what is on disk. */
const UNKNOWN = -1;
/** Floats per file in FileStamps.stamps: directory, size, mtime. */
const STAMP = 3;
/** Each bank file's full path, in the cache's order. */
function pathsOf(header, { names, stamps }) {
    if (header.files === 0)
        return [];
    return names.split('\0').map((name, i) => {
        const dir = stamps[STAMP * i];
        return dir < 0 ? name : header.dirs[dir] + path.sep + name;
    });
}
/** Whether the files recorded in the cache are exactly the bank's files now, unchanged. */
function isCurrent(header, files) {
    if (header.missing.some((entry) => fs.existsSync(entry)))
        return false;
    // Unchanged directories hold the same names, so listing them can be skipped; else list and compare.
    const sameDirs = header.dirs.every((dir, i) => header.dirTimes[i] !== UNKNOWN && fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs === header.dirTimes[i]);
    if (!sameDirs) {
        const now = findYamlFiles(header.entries);
        const paths = pathsOf(header, files);
        if (now.length !== paths.length || now.some((file, i) => file !== paths[i]))
            return false;
    }
    return filesUnchanged(header, files);
}
/**
 * Whether every bank file still has the size and mtime it was cached with. On a big bank this
 * is most of a cache hit: one stat per file by its full path, built as it is needed. (Stat by
 * bare name from inside each directory saved some 5% of this loop on 10,000 files, at the cost
 * of changing the process's working directory; not worth it.)
 */
function filesUnchanged(header, { names, stamps }) {
    const options = { throwIfNoEntry: false };
    let start = 0;
    for (let i = 0; i < header.files; i++) {
        const end = i === header.files - 1 ? names.length : names.indexOf('\0', start);
        const name = names.slice(start, end);
        start = end + 1;
        const dir = stamps[STAMP * i];
        const stat = fs.statSync(dir >= 0 ? header.dirs[dir] + path.sep + name : name, options);
        if (!stat || stat.size !== stamps[STAMP * i + 1] || stat.mtimeMs !== stamps[STAMP * i + 2] || stamps[STAMP * i + 1] === UNKNOWN)
            return false;
    }
    return true;
}

// A cache of the parsed, validated bank, so that scripted runs (`daily --json` from cron or a
// shell greeting) skip YAML parsing and validation. A hit imports neither yaml nor zod: they are
// imported only on a miss, through load.ts.
//
// One file per set of bank directories:
//   mldrill-bank-cache <format> <byte order> <bytes of each section up to the records>
//   header: JSON: the key, the rubrics and the errors
//   ids: the question ids, sorted, one per line
//   names: each bank file's name, NUL-separated
//   stamps: float64 per file: its directory (an index into the header's), size and mtime
//   at: float64 per question: where its record starts after the summaries, and its length
//   summaries: JSON: title, category, difficulty, tags... per question, parsed only when asked for
//   records: one JSON line per question, read one at a time
// A hit on a bank of ten thousand questions is mostly the stat() of each file: the columns are
// laid out so that nothing else costs much. The ids and names stay two strings until asked
// for as lists (the daily pick hashes the ids as they are), the stamps are read as they lie,
// and one record's place is read from the file.
//
// The key is the mldrill version, a stamp of the loader's own code, the bank directories and
// each file's path, size and modification time (directories' mtimes let a hit skip listing
// them). The file is written under a temporary name and renamed into place, so concurrent runs
// read either the old file or the new one, never half of one.
const MAGIC = 'mldrill-bank-cache';
/** Bump when the layout of the cache file changes. */
const FORMAT = 4;
/** The stamps and places are written in this machine's byte order; another's reads as stale. */
const BYTE_ORDER = os.endianness();
const SECTIONS = ['header', 'ids', 'names', 'stamps', 'at', 'summaries'];
/** A stamp this close to the moment the cache was written may hide a change made in the same tick. */
const RACY_MS = 1000;
/** A chunk of the bundle: `[name]-[hash].js`, the hash 8 characters. */
const BUNDLE_CHUNK = /^[a-z-]+-[\w-]{8}\.js$/;
/** Floats per question in the at section. */
const PLACE = 2;
/** Opens the bank through the cache: reads it when it is current, else loads and rewrites it. */
async function openBank(context, options = {}) {
    const entries = bankDirectories(context.cwd, context.env, options);
    const file = cacheFile(context, entries);
    const hit = readCache(file, entries, context.cwd);
    if (hit)
        return hit;
    // A miss: only now load the parser and the validator. Stamps are taken before the files are
    // read, so a file changed during the load is stamped old and reloaded next time.
    const dirs = [];
    const unreadable = [];
    const files = findYamlFiles(entries, { dirs, unreadable });
    const snapshot = {
        entries,
        missing: entries.filter((entry) => !fs.existsSync(entry)),
        cwd: context.cwd,
        dirs: dirs.map((dir) => [dir, fs.statSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? UNKNOWN]),
        files: files.map((name) => {
            const stat = fs.statSync(name, { throwIfNoEntry: false });
            return [name, stat?.size ?? UNKNOWN, stat?.mtimeMs ?? UNKNOWN];
        }),
    };
    const { loadFiles } = await Promise.resolve().then(function () { return require('./load-DubnXBCz.js'); });
    // The caller may show progress: this is the slow path, once after every change to the bank.
    const load = () => loadFiles(files, context.cwd, unreadable);
    const bank = options.slowLoad ? await options.slowLoad(files.length, load) : load();
    // A directory that could not be listed has no stamp to tell when it can be: no cache.
    if (unreadable.length === 0)
        writeCache(file, snapshot, bank);
    return catalogOf(bank);
}
function cacheFile(context, entries) {
    const name = `bank-${hashText(entries.join('\n')).toString(16).padStart(8, '0')}.cache`;
    return path.join(context.cacheDir, name);
}
/**
 * Changes whenever the loader's code does, so a rebuilt mldrill never trusts an old cache. In
 * the bundle, the name of this module's chunk: rollup names chunks by a hash of their code,
 * which holds the hashed names of the chunks they import, the loader's among them (see
 * scripts/bundle.mjs). Elsewhere, the name, size and mtime of every code file beside this one
 * (the bank modules under src/ or in tsc's output).
 */
let codeStampMemo;
function codeStamp() {
    if (codeStampMemo !== undefined)
        return codeStampMemo;
    const self = node_url.fileURLToPath((typeof document === 'undefined' ? require('u' + 'rl').pathToFileURL(__filename).href : (_documentCurrentScript && _documentCurrentScript.tagName.toUpperCase() === 'SCRIPT' && _documentCurrentScript.src || new URL('core-DiuhDYN8.js', document.baseURI).href)));
    if (BUNDLE_CHUNK.test(path.basename(self)))
        return (codeStampMemo = path.basename(self));
    const here = path.dirname(self);
    codeStampMemo = fs.readdirSync(here)
        .filter((name) => /\.[jt]s$/.test(name))
        .sort()
        .map((name) => {
        const stat = fs.statSync(path.join(here, name), { throwIfNoEntry: false });
        return `${name}:${stat?.size}:${stat?.mtimeMs}`;
    })
        .join(',');
    return codeStampMemo;
}
/** The catalog from the cache file when it matches the bank on disk; undefined on any doubt. */
function readCache(file, entries, cwd) {
    let fd;
    let size;
    try {
        // Only a regular file: a FIFO or a link to /dev/zero in its place is doubt, and ignored.
        ({ fd, stat: { size } } = openRegular(file));
    }
    catch {
        return undefined;
    }
    try {
        const first = Buffer.alloc(160);
        const firstBytes = fs.readSync(fd, first, 0, first.length, 0);
        const newline = first.subarray(0, firstBytes).indexOf(10);
        const fields = newline > 0 ? first.toString('latin1', 0, newline).split(' ') : [];
        if (fields.length !== 3 + SECTIONS.length || fields[0] !== MAGIC || fields[1] !== String(FORMAT) || fields[2] !== BYTE_ORDER)
            throw new Error('not a cache file of this format');
        // Where each section starts.
        const at = {};
        let offset = newline + 1;
        for (const [i, section] of SECTIONS.entries()) {
            at[section] = offset;
            offset += Number(fields[3 + i]);
        }
        const recordsStart = offset;
        if (!(recordsStart <= size))
            throw new Error('the sections are larger than the file');
        const header = JSON.parse(readAt(fd, at.header, at.ids - at.header));
        if (header.version !== start.packageVersion() ||
            header.code !== codeStamp() ||
            header.entries.join('\n') !== entries.join('\n') ||
            // Findings name files relative to the cwd they were made in.
            (header.findings.length > 0 && header.cwd !== cwd)) {
            throw new Error('stale');
        }
        const stamps = new Float64Array(STAMP * header.files);
        readInto(fd, stamps, at.stamps);
        const files = { names: readAt(fd, at.names, at.stamps - at.names), stamps };
        if (!isCurrent(header, files))
            throw new Error('stale');
        const idText = readAt(fd, at.ids, at.names - at.ids);
        let ids;
        const idList = () => (ids ??= header.questions === 0 ? [] : idText.split('\n'));
        // Where the ids handed out by position are, so that the daily pick's record is found at once.
        const handedOut = new Map();
        const readRecord = (i) => {
            const place = new Float64Array(PLACE);
            readInto(fd, place, at.at + PLACE * 8 * i);
            return JSON.parse(readAt(fd, recordsStart + place[0], place[1]));
        };
        let summaries;
        const rubrics = new Map(header.rubrics.map((rubric) => [rubric.id, rubric]));
        return {
            get ids() {
                return idList();
            },
            idText: {
                size: header.questions,
                joined: idText,
                id: (position) => {
                    const id = lineAt(idText, position);
                    handedOut.set(id, position);
                    return id;
                },
            },
            get questions() {
                if (summaries)
                    return summaries;
                const paths = pathsOf(header, files);
                const list = idList();
                summaries = JSON.parse(readAt(fd, at.summaries, recordsStart - at.summaries)).map(([title, category, difficulty, tags, companies, rubric, fileIndex], i) => ({ id: list[i], title, category, difficulty, tags: tags || undefined, companies: companies || undefined, rubric, file: paths[fileIndex] }));
                return summaries;
            },
            rubrics,
            rubric: rubricLookup(rubrics),
            findings: header.findings,
            files: header.files,
            // The descriptor keeps this very file readable even if another run renames a new one over it.
            question: (id) => {
                const i = handedOut.get(id) ?? lineIndex(idText, id);
                if (i < 0)
                    throw new start.NotFoundError(`no question with id "${id}"`);
                return readRecord(i);
            },
            all: () => idList().map((_, i) => readRecord(i)),
            close: () => fs.closeSync(fd),
        };
    }
    catch {
        fs.closeSync(fd);
        return undefined;
    }
}
/** The line at index i of newline-separated text. */
function lineAt(text, i) {
    let start = 0;
    for (let line = 0; line < i; line++)
        start = text.indexOf('\n', start) + 1;
    const end = text.indexOf('\n', start);
    return text.slice(start, end < 0 ? text.length : end);
}
/** The index of the line equal to line in newline-separated text, or -1. */
function lineIndex(text, line) {
    if (!line)
        return -1;
    for (let found = text.indexOf(line); found >= 0; found = text.indexOf(line, found + 1)) {
        const end = found + line.length;
        if ((found === 0 || text[found - 1] === '\n') && (end === text.length || text[end] === '\n')) {
            let index = 0;
            for (let at = text.indexOf('\n'); at >= 0 && at < found; at = text.indexOf('\n', at + 1))
                index++;
            return index;
        }
    }
    return -1;
}
function readAt(fd, position, length) {
    const buffer = Buffer.allocUnsafe(length);
    readInto(fd, buffer, position);
    return buffer.toString('utf8');
}
/** Fills target from the file at position, or throws if the file ends first. */
function readInto(fd, target, position) {
    if (readFully(fd, target, position) < target.byteLength)
        throw new Error('the cache file ends early');
}
/**
 * Writes the cache atomically (store/atomic.ts): beside its final name, renamed into place. The cache only saves time,
 * so any failure (a read-only home, a full disk) leaves the run unharmed.
 */
function writeCache(file, snapshot, bank) {
    const ids = bank.questions.map((question) => question.id);
    const idText = ids.join('\n');
    const names = snapshot.files.map(([name]) => name);
    // The separators must not occur inside: never in a path, and ids are kebab-case once validated.
    if (ids.some((id) => id.includes('\n')) || names.some((name) => name.includes('\0')))
        return;
    const fileIndex = new Map(names.map((name, i) => [name, i]));
    const dirIndex = new Map(snapshot.dirs.map(([dir], i) => [dir, i]));
    const records = bank.questions.map((question) => `${JSON.stringify(question)}\n`);
    const places = new Float64Array(PLACE * records.length);
    let offset = 0;
    for (const [i, record] of records.entries()) {
        const length = Buffer.byteLength(record);
        places[PLACE * i] = offset;
        places[PLACE * i + 1] = length;
        offset += length;
    }
    const summaries = bank.questions.map((question) => [
        question.title, question.category, question.difficulty, question.tags ?? 0, question.companies ?? 0, question.rubric, fileIndex.get(question.file),
    ]);
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        writeFileAtomic(file, (fd) => {
            // Anything changed within RACY_MS of now may change again unseen in the same tick: stamp
            // it unknown, so the next run lists the directory again or reloads the file.
            const written = fs.fstatSync(fd).mtimeMs;
            const racy = (mtime) => mtime >= written - RACY_MS;
            const header = {
                version: start.packageVersion(),
                code: codeStamp(),
                entries: snapshot.entries,
                missing: snapshot.missing,
                dirs: snapshot.dirs.map(([dir]) => dir),
                dirTimes: snapshot.dirs.map(([, mtime]) => (racy(mtime) ? UNKNOWN : mtime)),
                cwd: snapshot.cwd,
                findings: errorsOf(bank.findings),
                rubrics: [...bank.rubrics.values()],
                files: names.length,
                questions: ids.length,
            };
            const fileStamps = new Float64Array(STAMP * names.length);
            for (const [i, [name, size, mtime]] of snapshot.files.entries()) {
                const dir = dirIndex.get(path.dirname(name));
                fileStamps[STAMP * i] = dir ?? -1;
                fileStamps[STAMP * i + 1] = racy(mtime) ? UNKNOWN : size;
                fileStamps[STAMP * i + 2] = mtime;
            }
            const sections = {
                header: Buffer.from(JSON.stringify(header)),
                ids: Buffer.from(idText),
                names: Buffer.from(snapshot.files.map(([name]) => (dirIndex.has(path.dirname(name)) ? path.basename(name) : name)).join('\0')),
                stamps: Buffer.from(fileStamps.buffer),
                at: Buffer.from(places.buffer),
                summaries: Buffer.from(JSON.stringify(summaries)),
            };
            const lengths = SECTIONS.map((section) => sections[section].length);
            fs.writeSync(fd, `${MAGIC} ${FORMAT} ${BYTE_ORDER} ${lengths.join(' ')}\n`);
            for (const section of SECTIONS)
                fs.writeSync(fd, sections[section]);
            for (let i = 0; i < records.length; i += 500)
                fs.writeSync(fd, records.slice(i, i + 500).join(''));
        });
    }
    catch {
        // Unwritable, full, or something other than a regular file in its place: run without a cache.
    }
}

// How commands open the bank: through the cache, with broken files mentioned on stderr, and
// always closed again.
/** Opens the bank (through the cache), reports broken files on stderr, runs fn, then closes it. */
async function withCatalog(io, bank, fn) {
    const catalog = await openBank({ cwd: io.cwd, env: io.env, cacheDir: cacheDirOf(io) }, {
        bank,
        configBank: configBankOf(io),
        // Only a cache miss loads the spinner, and only broken files the reporter.
        slowLoad: async (files, load) => (await Promise.resolve().then(function () { return spinner; })).withSpinner(io, `Reading ${files} question and rubric files (kept in a cache for next time)`, load, colourOf(io)),
    });
    try {
        if (catalog.findings.length)
            (await Promise.resolve().then(function () { return reportFindings; })).reportBankErrors(catalog.findings, io);
        return await fn(catalog);
    }
    finally {
        catalog.close();
    }
}

var withCatalog$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    withCatalog: withCatalog
});

function questionJson(question, rubric, date, followupKeys = false) {
    return {
        id: question.id,
        title: question.title,
        category: question.category,
        difficulty: question.difficulty,
        companies: question.companies ?? [],
        tags: question.tags ?? [],
        prompt: question.prompt,
        rubric: rubric.id,
        stages: rubric.stages.map((stage) => ({ id: stage.id, title: stage.title, minutes: stage.minutes })),
        ...(date === undefined ? {} : { date }),
        file: question.file,
        ...(followupKeys
            ? {
                followups: (question.followupDetails ?? []).map((followup) => ({
                    text: followup.text,
                    answer: followup.answer ?? [],
                    when: followup.when ? { mentioned: followup.when.mentioned ?? [], missing: followup.when.missing ?? [] } : null,
                })),
            }
            : {}),
    };
}
/** One question as pretty-printed JSON, ending with a newline. */
function questionJsonText(question, rubric, date, followupKeys = false) {
    return start.jsonText(questionJson(question, rubric, date, followupKeys));
}

/** `--format` with `--json` and `--plain` as shorthands; two different answers are a usage error. */
function resolveFormat(options) {
    const asked = new Set();
    if (options.format)
        asked.add(options.format);
    if (options.json)
        asked.add('json');
    if (options.plain)
        asked.add('plain');
    if (asked.size > 1)
        throw new start.UsageError(`choose one output format, not ${[...asked].join(' and ')}: --format text|plain|json|markdown, or --json, or --plain`);
    return [...asked][0] ?? 'text';
}
/** The style for stdout; chalk is loaded only for the text format, the one that uses it. */
async function outputStyle(io, format) {
    if (format !== 'text')
        return undefined;
    const { styleFor } = await Promise.resolve().then(function () { return colour; });
    return styleFor(io.stdout, io.env, colourOf(io));
}
/** Writes one question, whole, in the given format to stdout. */
async function printQuestion(io, catalog, id, format, view = {}) {
    const question = catalog.question(id);
    const rubric = catalog.rubric(question.rubric);
    if (format === 'json') {
        // Scripts ask for JSON most: it needs none of the layout code, so that is loaded only for the rest.
        io.stdout.write(questionJsonText(question, rubric, view.date, view.followupKeys));
        return;
    }
    const { formatQuestion } = await Promise.resolve().then(function () { return questionFormat; });
    io.stdout.write(formatQuestion({ ...view, question, rubric }, format, await outputStyle(io, format), io.stdout.columns));
}

// `mldrill daily`: the question of the day for the user's local date (or --date).
async function daily(options, io) {
    const format = resolveFormat(options);
    const date = options.date ?? localDate(io.now(), io.timeZone);
    return withCatalog(io, options.bank, async (catalog) => {
        // With --unseen the pool is this user's own, so the pick no longer agrees across machines.
        const pool = options.unseen
            ? sortedPool(await (await Promise.resolve().then(function () { return require('./read-history-CUjWS12d.js'); })).requireUnseen(requireMatchingIds(catalog, options), io))
            : requireMatchingPool(catalog, options);
        await printQuestion(io, catalog, dailyPick(pool, date), format, { date });
        return start.EXIT.ok;
    });
}

var daily$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    daily: daily
});

// `mldrill random`: a random question; with --seed the same one every time.
async function random(options, io) {
    const format = resolveFormat(options);
    const random = options.seed === undefined ? io.random : seededRandom(options.seed);
    return withCatalog(io, options.bank, async (catalog) => {
        const matching = requireMatchingIds(catalog, options);
        const pool = options.unseen ? await (await Promise.resolve().then(function () { return require('./read-history-CUjWS12d.js'); })).requireUnseen(matching, io) : matching;
        await printQuestion(io, catalog, pickRandom(pool, random), format);
        return start.EXIT.ok;
    });
}

var random$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    random: random
});

/** The strong example's notes by stage, in the rubric's order, as lines; empty when there is none. */
function strongAnswer(question, rubric) {
    const notes = question.examples?.strong?.notes ?? {};
    return rubric.stages
        .filter((stage) => notes[stage.id]?.trim())
        .map((stage) => ({ title: start.stripControl(stage.title), lines: start.stripControl(notes[stage.id]).split('\n').map((line) => line.trimEnd()).filter(Boolean) }));
}
const STRONG_ANSWER_TITLE = 'What a strong answer covers';
/** One question in the given format, ending with a newline. Only `text` uses a style. */
function formatQuestion(view, format, style, width) {
    switch (format) {
        case 'json':
            return questionJsonText(view.question, view.rubric, view.date, view.followupKeys);
        case 'plain':
            return plainLines(view).join('\n') + '\n';
        case 'markdown':
            return markdownLines(view).join('\n') + '\n';
        case 'text':
            if (!style)
                throw new Error('the text format needs a style');
            return textLines(view, style, width).join('\n') + '\n';
    }
}
const drillCommand = (id) => `mldrill drill ${start.stripControl(id)}`;
const dayLabel = (date) => `Question of the day, ${date}`;
/** A few unstyled lines for a shell greeting: title, prompt, and how to drill it. */
function plainLines({ question, date }) {
    const title = start.stripControl(question.title);
    return [date ? `${dayLabel(date)}: ${title}` : title, start.stripControl(question.prompt), `Drill it: ${drillCommand(question.id)}`];
}
function textLines(view, style, width) {
    const { question } = view;
    const clean = withoutControl(question);
    const rubric = withoutControl(view.rubric);
    const lines = view.date ? [style.dim(dayLabel(view.date))] : [];
    lines.push(...questionHeader(clean, planStages(rubric.stages), style, width));
    if (view.full) {
        const followups = clean.followupDetails ?? [];
        if (followups.length) {
            lines.push('', style.heading('Follow-ups'));
            for (const followup of followups) {
                lines.push(...bullet(followup.text, width, '  '));
                if (!view.followupKeys)
                    continue;
                const when = whenLine(followup);
                if (when)
                    lines.push(...start.wrap(when, width - 4, '    ').map((line) => style.dim(line)));
                if (followup.answer?.length) {
                    lines.push(style.accent('    A strong reply covers:'));
                    for (const point of followup.answer)
                        lines.push(...bullet(point, width, '      '));
                }
            }
            if (!view.followupKeys && followups.some((followup) => followup.answer?.length))
                lines.push('', style.dim(`Answer keys: mldrill show ${clean.id} --followups`));
        }
        if (view.hints) {
            const staged = rubric.stages.filter((stage) => clean.stages[stage.id]?.hints?.length);
            if (staged.length)
                lines.push('', style.heading('Hints'));
            for (const stage of staged) {
                lines.push(style.accent(`  ${stage.title}`));
                for (const hint of clean.stages[stage.id].hints)
                    lines.push(...bullet(hint, width, '    '));
            }
        }
        else if (Object.values(clean.stages).some((stage) => stage.hints?.length)) {
            lines.push('', style.dim(`Hints: mldrill show ${clean.id} --hints`));
        }
        const answer = strongAnswer(question, view.rubric);
        if (view.answer) {
            lines.push('', style.heading(STRONG_ANSWER_TITLE));
            if (!answer.length)
                lines.push(style.dim('  This question has no strong example answer yet.'));
            for (const stage of answer)
                lines.push(style.accent(`  ${stage.title}`), ...stage.lines.map((line) => `    ${line}`));
        }
        else if (answer.length) {
            lines.push(style.dim(`${STRONG_ANSWER_TITLE}: mldrill show ${clean.id} --answer`));
        }
    }
    lines.push('', style.dim(`Drill it: ${drillCommand(question.id)}`));
    return lines;
}
/** When a follow-up is preferred, in words; undefined for an unconditional one. */
function whenLine(followup) {
    const parts = [
        ...(followup.when?.mentioned?.length ? [`the notes mention ${followup.when.mentioned.map((phrase) => `"${phrase}"`).join(' or ')}`] : []),
        ...(followup.when?.missing?.length ? [`they mention none of ${followup.when.missing.map((phrase) => `"${phrase}"`).join(', ')}`] : []),
    ];
    return parts.length ? `Asked when ${parts.join(' and ')}.` : undefined;
}
/** A wrapped list item: `- ` on the first line, aligned continuation lines. */
function bullet(text, width, indent) {
    const [first = '', ...rest] = start.wrap(text, width - indent.length - 2);
    return [`${indent}- ${first}`, ...rest.map((line) => `${indent}  ${line}`)];
}
/** A copy with every string stripped of control characters. */
function withoutControl(value) {
    return JSON.parse(JSON.stringify(value), (_key, item) => (typeof item === 'string' ? start.stripControl(item) : item));
}
/** Escapes what Markdown would otherwise read as formatting, links or HTML. */
function escapeMarkdown(text) {
    return start.stripControl(text).replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}
function markdownLines(view) {
    const { question, rubric } = view;
    const title = escapeMarkdown(question.title);
    const meta = [question.category, question.difficulty, ...(question.companies ?? [])].map(escapeMarkdown).join(' · ');
    const plan = planStages(rubric.stages);
    const total = totalBudgetSeconds(plan);
    const lines = [
        `**${view.date ? `${dayLabel(view.date)}: ` : ''}${title}**`,
        `_${meta}_`,
        '',
        ...start.stripControl(question.prompt).split('\n').map((line) => `> ${escapeMarkdown(line)}`.trimEnd()),
        '',
        `Plan (${formatMinutes(total)}): ${plan.map((stage) => `${escapeMarkdown(stage.title)} ${formatMinutes(stage.budgetSeconds)}`).join(' · ')}`,
    ];
    if (view.full) {
        const followups = question.followupDetails ?? [];
        if (followups.length)
            lines.push('', '**Follow-ups**', '');
        for (const followup of followups) {
            lines.push(`- ${escapeMarkdown(followup.text)}`);
            if (!view.followupKeys)
                continue;
            const when = whenLine(followup);
            if (when)
                lines.push(`  - _${escapeMarkdown(when)}_`);
            if (followup.answer?.length)
                lines.push('  - A strong reply covers:', ...followup.answer.map((point) => `    - ${escapeMarkdown(point)}`));
        }
        if (view.hints) {
            for (const stage of rubric.stages) {
                const hints = question.stages[stage.id]?.hints ?? [];
                if (hints.length)
                    lines.push('', `**Hints: ${escapeMarkdown(stage.title)}**`, '', ...hints.map((hint) => `- ${escapeMarkdown(hint)}`));
            }
        }
        if (view.answer)
            lines.push('', ...strongAnswerMarkdown(question, rubric));
    }
    lines.push('', `Drill it: \`${drillCommand(question.id)}\``);
    return lines;
}
/** The strong example as Markdown: a heading, then each stage's notes as a list. */
function strongAnswerMarkdown(question, rubric, level = '**') {
    const answer = strongAnswer(question, rubric);
    const heading = level === '**' ? `**${STRONG_ANSWER_TITLE}**` : `${level} ${STRONG_ANSWER_TITLE}`;
    if (!answer.length)
        return [heading, '', '_This question has no strong example answer yet._'];
    return [heading, ...answer.flatMap((stage) => ['', `_${escapeMarkdown(stage.title)}_`, '', ...stage.lines.map((line) => `- ${escapeMarkdown(line.replace(/^\s*[-*]\s+/, ''))}`)])];
}
/**
 * `list`: one question per line. On a terminal the columns are aligned and the title cut to the
 * width; piped (and with `plain`) the fields are tab-separated for cut and awk.
 */
function formatList(questions, format, options) {
    const rows = questions.map((question) => [question.id, question.category, question.difficulty, question.title].map((text) => start.stripControl(text)));
    if (rows.length === 0)
        return '';
    if (format === 'markdown') {
        const cell = (text) => escapeMarkdown(text);
        return ['| id | category | difficulty | title |', '|---|---|---|---|', ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n') + '\n';
    }
    const { style } = options;
    if (format === 'plain' || !options.tty || !style)
        return rows.map((row) => row.join('\t')).join('\n') + '\n';
    const width = (column) => Math.max(...rows.map((row) => row[column].length));
    const [idWidth, categoryWidth, difficultyWidth] = [width(0), width(1), width(2)];
    const room = Math.max(10, options.width - (idWidth + categoryWidth + difficultyWidth + 6));
    return rows
        .map(([id, category, difficulty, title]) => {
        const shown = start.cut(title, room);
        return `${style.accent(id.padEnd(idWidth))}  ${style.dim(category.padEnd(categoryWidth))}  ${difficulty.padEnd(difficultyWidth)}  ${shown}`;
    })
        .join('\n') + '\n';
}

var questionFormat = /*#__PURE__*/Object.freeze({
    __proto__: null,
    OUTPUT_FORMATS: OUTPUT_FORMATS,
    escapeMarkdown: escapeMarkdown,
    formatList: formatList,
    formatQuestion: formatQuestion
});

// `mldrill list`: one question per line, sorted by id; `--json` for the whole questions.
async function list(options, io) {
    const format = resolveFormat(options);
    return withCatalog(io, options.bank, async (catalog) => {
        const matches = requireMatches(catalog.questions, options);
        if (format === 'json') {
            const questions = matches.map((summary) => {
                const question = catalog.question(summary.id);
                return questionJson(question, catalog.rubric(question.rubric));
            });
            io.stdout.write(start.jsonText(questions));
        }
        else {
            const style = io.stdout.isTTY ? await outputStyle(io, format) : undefined;
            io.stdout.write(formatList(matches, format, { tty: io.stdout.isTTY, style, width: io.stdout.columns }));
        }
        return start.EXIT.ok;
    });
}

var list$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    list: list
});

// `mldrill show <id>`: the whole question: prompt, stage plan, follow-ups, and hints and answer
// keys on request.
async function show(options, io) {
    const format = resolveFormat(options);
    return withCatalog(io, options.bank, async (catalog) => {
        await printQuestion(io, catalog, requireId(catalog.ids, options.id), format, { full: true, hints: Boolean(options.hints), followupKeys: Boolean(options.followups), answer: Boolean(options.answer) });
        return start.EXIT.ok;
    });
}

var show$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    show: show
});

// `mldrill ask <id> "<question>"`: what the interviewer answers to a clarifying question, from the
// question's fact sheet, for scripts and chat bots. Reads the bank through the cache, and the
// matcher loads neither yaml nor zod, so it starts as fast as `show`.
async function ask(options, io) {
    const asked = options.question.trim();
    // Checked before the bank is opened: a bad question costs nothing.
    if (!asked)
        throw new start.UsageError('the question is empty; ask it in quotes, e.g. mldrill ask feature-store "how many features are served?"');
    if (asked.length > MAX_QUESTION_CHARS)
        throw new start.UsageError(`the question is ${asked.length} characters long; ask one question of at most ${MAX_QUESTION_CHARS} characters`);
    return withCatalog(io, options.bank, (catalog) => {
        const question = catalog.question(requireId(catalog.ids, options.id));
        const facts = question.interviewer?.facts ?? [];
        if (facts.length === 0)
            io.stderr.write(`mldrill: ${start.stripControl(question.id)} has no fact sheet yet, so every question gets the neutral reply\n`);
        const reply = askInterviewer(asked, facts);
        if (options.json) {
            const json = { questionId: question.id, asked, matched: reply.fact?.id ?? null, topic: reply.fact?.topic ?? null, answer: reply.answer };
            io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        }
        else {
            io.stdout.write(`${start.stripControl(reply.answer)}\n`);
        }
        return start.EXIT.ok;
    });
}

var ask$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    ask: ask
});

// Reads a notes file for `mldrill grade` the way hostile input is read: a regular file only
// (checked on the open descriptor), at most NOTES_LIMIT bytes, UTF-8 text, not empty.
const NOTES_LIMIT = 1024 * 1024;
/** The notes as text; a UsageError naming the file and the fix otherwise. */
function readNotesFile(file, shown) {
    try {
        return notesText(readRegular(file, NOTES_LIMIT), shown);
    }
    catch (error) {
        if (error instanceof start.UsageError)
            throw error;
        if (error instanceof NotRegularError)
            throw new start.UsageError(`${shown}: ${error.kind}, not a regular file; give a notes file, or - for stdin`);
        if (error instanceof TooLargeError)
            throw new start.UsageError(`${shown}: the notes file is larger than ${NOTES_LIMIT / 1024} KiB; notes are a page or two of text`);
        const code = error.code;
        throw new start.UsageError(code === 'ENOENT' ? `${shown}: no such file; give the path of a notes file, or - for stdin` : `${shown}: cannot open the notes file (${code ?? 'error'})`);
    }
}
/** Reads stdin whole, up to NOTES_LIMIT bytes. */
async function readNotesStream(input) {
    const bytes = await readStreamBytes(input, NOTES_LIMIT);
    if (!bytes)
        throw new start.UsageError(`stdin: the notes are larger than ${NOTES_LIMIT / 1024} KiB; notes are a page or two of text`);
    return notesText(bytes, 'stdin');
}
/** Bytes as notes text: refuses binary data and blank notes. */
function notesText(bytes, shown) {
    if (bytes.includes(0))
        throw new start.UsageError(`${shown}: a binary file, not notes; give a Markdown or text file`);
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
    catch {
        throw new start.UsageError(`${shown}: not UTF-8 text; save the notes as UTF-8`);
    }
    if (!text.trim())
        throw new start.UsageError(`${shown}: the notes are empty; write what you covered, one point a line, under ## headings named after the stages`);
    return text.replace(/^\uFEFF/, '');
}

// `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
// on the pull request's files. Escaped as @actions/core escapes them (packages/core/src/command.ts).
/** The message after `::`. */
function escapeData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/** A `key=value` property: also `:` and `,`, which would end the value early. */
function escapeProperty(text) {
    return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function formatGithub(report) {
    return report.findings
        .map((finding) => {
        // Annotations name files relative to the repository, with forward slashes on every runner.
        const file = start.stripControl(finding.file).replace(/\\/g, '/');
        const properties = `file=${escapeProperty(file)},line=${finding.line},col=${finding.column},title=${escapeProperty(`mldrill ${finding.rule}`)}`;
        return `::${finding.severity} ${properties}::${escapeData(start.stripControl(finding.message))}\n`;
    })
        .join('');
}

// `--format json`: an array with one object per finding, with exactly these keys in this order.
function formatJson(report) {
    const findings = report.findings.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message }));
    return start.jsonText(findings);
}

function countFindings(report) {
    const errors = report.findings.filter((finding) => finding.severity === 'error').length;
    const warnings = report.findings.length - errors;
    return { errors, warnings, tooManyWarnings: report.maxWarnings !== undefined && warnings > report.maxWarnings };
}
/** `12 files checked: 1 error, 2 warnings` (and why warnings fail the run, when they do). */
function summaryText(report) {
    const { errors, warnings, tooManyWarnings } = countFindings(report);
    const counts = errors + warnings === 0 ? 'no problems' : `${start.plural(errors, 'error')}, ${start.plural(warnings, 'warning')}`;
    const limit = tooManyWarnings ? `; more warnings than --max-warnings ${report.maxWarnings} allows` : '';
    return `${start.plural(report.files, 'file')} checked: ${counts}${limit}`;
}

// `--format stylish`, the default: findings grouped under their file, in aligned columns, then
// one summary line; the look of ESLint's stylish formatter.
/** `width` is the terminal's: messages are padded into a column only when the lines still fit. */
function formatStylish(report, style, width = 80) {
    const lines = [];
    const byFile = new Map();
    for (const finding of report.findings)
        byFile.set(finding.file, [...(byFile.get(finding.file) ?? []), finding]);
    for (const [file, findings] of byFile) {
        // Sanitised before measuring, so that the columns and the terminal see the same text.
        const rows = findings.map((finding) => ({ at: `${finding.line}:${finding.column}`, severity: finding.severity, message: start.stripControl(finding.message), rule: start.stripControl(finding.rule) }));
        const widest = (pick) => Math.max(...rows.map((row) => pick(row).length));
        const [at, severity, rule] = [widest((row) => row.at), widest((row) => row.severity), widest((row) => row.rule)];
        // Rule ids line up after the messages that fit the terminal; a longer message just runs on.
        const room = width - (2 + at + 2 + severity + 2 + 2 + rule);
        const message = Math.max(0, ...rows.map((row) => row.message.length).filter((length) => length <= room));
        lines.push('', style.file(start.stripControl(file)));
        for (const row of rows) {
            const paint = row.severity === 'error' ? style.bad : style.warn;
            lines.push(`  ${style.dim(row.at.padEnd(at))}  ${paint(row.severity.padEnd(severity))}  ${row.message.padEnd(message)}  ${style.dim(row.rule)}`);
        }
    }
    const { errors, warnings, tooManyWarnings } = countFindings(report);
    if (errors + warnings === 0) {
        lines.push(style.good(`✔ ${summaryText(report)}`));
    }
    else {
        const paint = errors > 0 || tooManyWarnings ? style.bad : style.warn;
        lines.push('', style.heading(paint(`✖ ${summaryText(report)}`)));
    }
    return `${lines.join('\n')}\n`;
}

/** Whether a spinner may be drawn: a terminal, colour allowed (NO_COLOR, TERM=dumb), not CI. */
function spinnerWanted(isTTY, env, colour = 'auto') {
    return isTTY && !env.CI && colourLevel({ isTTY }, env, colour) > 0;
}
/** Runs work with a spinner saying text; the spinner is gone when the promise settles. */
async function withSpinner(io, text, work, colour = 'auto') {
    const stream = io.errorTerminal;
    // A terminal of width 0 (a pty nobody sized, as under `script` without a terminal) is a width
    // unknown: ora would count the lines it drew as infinite and move the cursor up for ever.
    if (!stream || !stream.columns || !spinnerWanted(Boolean(stream.isTTY), io.env, colour))
        return work();
    const { default: ora } = await import('ora');
    // discardStdin off: a prompt may read the keyboard right after.
    const spinner = ora({ text, stream, discardStdin: false }).start();
    try {
        return await work();
    }
    finally {
        spinner.stop();
    }
}

var spinner = /*#__PURE__*/Object.freeze({
    __proto__: null,
    spinnerWanted: spinnerWanted,
    withSpinner: withSpinner
});

// Aligned text columns. Cells are sanitised and measured before styling, so neither a file's
// escape sequences nor colour ever shift a column.
/** The header line, then one line per row, columns separated by two spaces, the last column unpadded. */
function table(columns, cells, headerStyle = (text) => text) {
    const rows = cells.map((row) => row.map((cell) => start.stripControl(cell)));
    const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => [...(row[i] ?? '')].length)));
    const last = columns.length - 1;
    const pad = (text, i) => {
        const room = i === last && columns[i].align !== 'right' ? 0 : widths[i] - [...text].length;
        return columns[i].align === 'right' ? ' '.repeat(room) + text : text + ' '.repeat(room);
    };
    const line = (cells) => cells.join('  ');
    return [
        headerStyle(line(columns.map((column, i) => pad(column.header, i)))),
        ...rows.map((row, r) => line(columns.map((column, i) => {
            const padded = pad(row[i] ?? '', i);
            return column.paint ? column.paint(padded, r) : padded;
        }))),
    ];
}

async function schema(options, io) {
    // The config's schema comes from a plain table; only the bank formats need zod.
    if (options.kind === 'config')
        io.stdout.write((await Promise.resolve().then(function () { return document$1; })).configSchemaText());
    else
        io.stdout.write((await Promise.resolve().then(function () { return require('./json-schema-QrOZyLK2.js'); })).jsonSchemaText(options.kind));
    return start.EXIT.ok;
}

var schema$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    schema: schema
});

// The config file's format written out two ways from the settings table: as a JSON Schema for
// editors (`mldrill schema config`, schema/config.schema.json) and as the commented file that
// `mldrill config init` writes.
/** The draft-07 JSON Schema of the config file, as the text committed in schema/. */
function configSchemaText() {
    const top = {};
    const sections = {};
    for (const setting of SETTINGS) {
        const [head, tail] = setting.key.split('.');
        if (tail === undefined)
            top[head] = propertyOf(setting);
        else
            (sections[head] ??= {})[tail] = propertyOf(setting);
    }
    for (const [name, properties] of Object.entries(sections)) {
        top[name] = { type: ['object', 'null'], description: `the ${name} section`, properties, additionalProperties: false };
    }
    const schema = {
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'mldrill config',
        description: "mldrill's settings: flags and environment variables override them. See 'mldrill config'.",
        type: ['object', 'null'],
        properties: top,
        additionalProperties: false,
    };
    return `${JSON.stringify(schema, null, 2)}\n`;
}
function propertyOf(setting) {
    const base = { description: setting.description };
    switch (setting.type) {
        case 'boolean':
            return { ...base, type: 'boolean', default: setting.default };
        case 'number':
            return { ...base, type: ['number', 'null'], minimum: setting.min, maximum: setting.max };
        case 'choice':
            return { ...base, type: 'string', enum: [...setting.values], default: setting.default };
        case 'text':
            return { ...base, type: ['string', 'null'], minLength: 1, ...(setting.url ? { pattern: '^https?://[^\\s/]+' } : {}) };
        case 'paths':
            return { ...base, anyOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 } }], default: setting.default };
    }
}
/**
 * The file `config init` writes: the modeline, then every key with what it does, at its
 * default. Keys that are unset by default are written commented out, with an example value;
 * the API key only ever as a comment.
 */
function configInitText(schema) {
    const lines = [
        `# yaml-language-server: $schema=${schema}`,
        "# mldrill's settings. Flags override them, and so do the environment variables named below.",
        "# 'mldrill config' shows every setting in effect and where it comes from.",
    ];
    let section;
    for (const setting of SETTINGS) {
        const [head, tail] = setting.key.split('.');
        const indent = tail === undefined ? '' : '  ';
        if (tail !== undefined && section !== head) {
            lines.push('', `${head}:`);
            section = head;
        }
        lines.push('');
        const env = setting.env?.length ? ` (environment: ${setting.env.join(', ')})` : '';
        lines.push(`${indent}# ${setting.description}${env}`);
        const name = tail ?? head;
        if (setting.default === null || setting.initCommentOnly)
            lines.push(`${indent}# ${name}: ${setting.example ?? ''}`);
        else
            lines.push(`${indent}${name}: ${JSON.stringify(setting.default)}`);
    }
    return `${lines.join('\n')}\n`;
}

var document$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    configInitText: configInitText,
    configSchemaText: configSchemaText
});

// `mldrill config`: the settings in effect and where each comes from; `config path` and
// `config init` (a commented file with every default, never over an existing one).
async function config(options, io) {
    const file = configPath(io.env, io.homedir);
    if (options.action === 'path') {
        io.stdout.write(`${start.stripControl(file)}\n`);
        return start.EXIT.ok;
    }
    if (options.action === 'init')
        return init(file, io);
    const read = await loadConfig(io, { positions: true });
    const settings = settingsOf(io, { bank: options.bank });
    // The key itself never reaches the screen, a log or a pasted bug report.
    const shown = (key, value) => {
        const setting = settingFor(key);
        return setting?.type === 'text' && setting.secret && value !== null ? '(hidden)' : value;
    };
    if (options.json) {
        const out = Object.fromEntries(Object.entries(settings).map(([key, { value, source }]) => [key, { value: shown(key, value), source }]));
        io.stdout.write(`${JSON.stringify({ file, settings: out }, null, 2)}\n`);
        return start.EXIT.ok;
    }
    const text = (value) => (value === null ? '(unset)' : Array.isArray(value) ? value.join(', ') || '(none)' : String(value));
    const rows = Object.entries(settings).map(([key, { value, source }]) => [key, start.stripControl(text(shown(key, value))), start.stripControl(source)]);
    io.stdout.write(`Config file: ${start.stripControl(file)}${read ? '' : ' (none there: built-in defaults)'}\n\n`);
    io.stdout.write(`${table([{ header: 'SETTING' }, { header: 'VALUE' }, { header: 'FROM' }], rows).join('\n')}\n`);
    return start.EXIT.ok;
}
/** Writes the commented default file, refusing to replace anything already at its path. */
function init(file, io) {
    const text = configInitText(path.join(start.PACKAGE_ROOT, 'schema', 'config.schema.json'));
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        // 'wx' refuses any existing entry, a symlink included; 0600 because it may come to hold an API key.
        fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
    }
    catch (error) {
        const code = error.code ?? 'error';
        if (code === 'EEXIST')
            throw new start.ConflictError(`${file} already exists; nothing was written (edit it, or move it away and run mldrill config init again)`);
        throw new start.UsageError(`cannot write ${file} (${code}); check that its directory is writable, or set MLDRILL_CONFIG to another path`);
    }
    io.stderr.write(`Wrote ${start.stripControl(file)}; every setting in it is at its default\n`);
    return start.EXIT.ok;
}

var config$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    config: config
});

// `mldrill completion bash|zsh|fish|powershell`: prints the shell's completion script.
async function completion(options, io) {
    io.stdout.write(completionScript(options.shell));
    return start.EXIT.ok;
}

var completion$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    completion: completion
});

/** The commands whose first argument is a question id, and those whose is a session id (or `last`). */
const QUESTION_ID_COMMANDS = ['drill', 'show', 'ask', 'grade'];
const SESSION_ID_COMMANDS = ['export', 'resume', 'grade'];
/** Values of options that have no fixed choices, by the option's attribute name. */
const OPTION_VALUES = {
    rubric: (sources) => sources.rubricIds(),
    tag: (sources) => sources.tags(),
    category: async () => CATEGORIES,
};
/**
 * The candidates for words[index] (empty when the cursor starts a new word), given the words
 * before it (those after `mldrill`). An empty list lets the shell complete file names.
 */
async function completeWords(program, words, index, sources, defaultCommand) {
    const help = program.createHelp();
    const current = words[index] ?? '';
    const before = words.slice(0, index);
    const offer = (values, prefix = '') => [...new Set(values)].map((value) => prefix + value).filter((value) => value.startsWith(prefix + current.slice(prefix.length)));
    // Walk the words before the cursor: which command, which of its arguments, an option awaiting a value.
    let command;
    let positional = 0;
    let awaiting;
    for (let i = 0; i < before.length; i++) {
        const word = before[i];
        if (awaiting) {
            awaiting = undefined;
            continue;
        }
        // bash splits `--format=json` at the `=`: the option, `=`, then the value.
        if (word === '=')
            continue;
        if (word.startsWith('-') && word !== '-') {
            const option = findOption(command, program, word.split('=')[0]);
            if (option && takesValue(option) && !word.includes('=') && before[i + 1] !== '=')
                awaiting = option;
            if (option && takesValue(option) && before[i + 1] === '=')
                i++;
            continue;
        }
        if (!command) {
            command = program.commands.find((each) => each.name() === word || each.aliases().includes(word));
            // Not a command: the default command's argument (`mldrill feed-ranking`).
            if (!command) {
                command = program.commands.find((each) => each.name() === defaultCommand);
                positional = 1;
            }
            continue;
        }
        positional++;
    }
    if (awaiting)
        return offer(await valuesOf(awaiting, sources));
    if (before[before.length - 1] === '=') {
        const option = findOption(command, program, before[before.length - 2] ?? '');
        return option ? offer(await valuesOf(option, sources)) : [];
    }
    if (current.startsWith('-')) {
        const equals = current.indexOf('=');
        if (equals > 0) {
            const option = findOption(command, program, current.slice(0, equals));
            return option ? offer(await valuesOf(option, sources), current.slice(0, equals + 1)) : [];
        }
        return offer(optionsOf(command, program, help));
    }
    if (!command)
        return offer(help.visibleCommands(program).map((each) => each.name()));
    return offer(await argumentValues(command, positional, sources, help));
}
async function argumentValues(command, positional, sources, help) {
    const name = command.name();
    const values = [];
    if (positional === 0) {
        if (QUESTION_ID_COMMANDS.includes(name))
            values.push(...(await sources.questionIds()));
        if (SESSION_ID_COMMANDS.includes(name))
            values.push('last', ...(await sources.sessionIds()));
        values.push(...help.visibleCommands(command).map((each) => each.name()));
    }
    const argument = command.registeredArguments[Math.min(positional, command.registeredArguments.length - 1)];
    if (argument && (positional < command.registeredArguments.length || argument.variadic))
        values.push(...(argument.argChoices ?? []));
    return values;
}
function valuesOf(option, sources) {
    if (option.argChoices)
        return Promise.resolve(option.argChoices);
    return OPTION_VALUES[option.attributeName()]?.(sources) ?? Promise.resolve([]);
}
function findOption(command, program, flag) {
    return [...(command?.options ?? []), ...program.options].find((option) => option.long === flag || option.short === flag);
}
const takesValue = (option) => option.required || option.optional;
/** The long flags (short where there is none) of the command, then the global ones and --help. */
function optionsOf(command, program, help) {
    const flag = (option) => option.long ?? option.short;
    const own = help.visibleOptions(command ?? program).map(flag);
    const globals = command ? help.visibleOptions(program).filter((option) => option.long !== '--version' && option.long !== '--help').map(flag) : [];
    return [...own, ...globals];
}

// `mldrill __complete <index> -- <words...>`: what the completion scripts call on every TAB.
// Prints the candidates for the word at the cursor, one a line. Never fails loudly: a broken
// config file or bank just means fewer candidates.
async function complete(options, io) {
    if (!Number.isInteger(options.index) || options.index < 0)
        return start.EXIT.usage;
    const quiet = async (read, fallback) => {
        try {
            return await read();
        }
        catch {
            return fallback;
        }
    };
    await quiet(() => loadConfig(io), undefined);
    // The bank as the command line being typed would see it: its own --bank directories count.
    const bank = options.words.slice(0, options.index).flatMap((word, i, words) => (words[i - 1] === '--bank' ? [word] : word.startsWith('--bank=') ? [word.slice(7)] : []));
    // One TAB asks for one kind of value, so each opens the bank (through its cache) itself.
    const fromBank = (read) => quiet(() => withCatalog(io, bank, read), []);
    const sources = {
        questionIds: () => fromBank((catalog) => [...catalog.ids]),
        rubricIds: () => fromBank((catalog) => [...catalog.rubrics.keys()].sort(start.compareText)),
        tags: () => fromBank((catalog) => [...new Set(catalog.questions.flatMap((question) => question.tags ?? []))].sort(start.compareText)),
        // Newest first: the session just drilled is the likeliest to export.
        // The history's code is a chunk of its own (scripts/bundle.mjs), loaded only for this.
        sessionIds: () => quiet(async () => (await Promise.resolve().then(function () { return require('./read-history-CUjWS12d.js'); })).readHistoryFor(io).records.map((record) => record.id).reverse(), []),
    };
    const candidates = await completeWords(await options.program(), options.words, options.index, sources, options.defaultCommand);
    // Ids and tags come from files: nothing but the word itself reaches the shell.
    for (const candidate of candidates) {
        const clean = start.stripControl(candidate).replace(/\s/g, '');
        if (clean)
            io.stdout.write(`${clean}\n`);
    }
    return start.EXIT.ok;
}

var __complete = /*#__PURE__*/Object.freeze({
    __proto__: null,
    complete: complete
});

/** Makes a prompt whose view receives the loaded core (its hooks and key helpers) at every render. */
async function makePrompt(view) {
    const core = await import('@inquirer/core');
    // createPrompt hands the view Prettify<Config>: the same object, its type spelled out.
    return core.createPrompt((config, done) => view(core, config, done));
}

// The screen of one interview stage: a thin Inquirer prompt that wires the key table
// (stage-keys.ts) to the session engine and draws the pure layout (stage-screen.ts). It
// re-renders itself on a timer, so the countdown stays live while the user thinks or types.
// All writes to the terminal go through the prompt, which keeps the screen from being garbled.
const HIDE_CURSOR$1 = '\u001b[?25l';
const BELL = '\u0007';
/** Home and clear: after a resize the old screen has rewrapped and cannot be erased line by line. */
const CLEAR_SCREEN$1 = '\u001b[H\u001b[2J';
/** The stage prompt, with Inquirer's core loaded (see inquirer.ts). */
const loadStagePrompt = () => makePrompt(renderStage);
/** The stage's notes as lines, and back. */
const noteLines = (state) => (state.progress[state.current].notes ? state.progress[state.current].notes.replace(/\n$/, '').split('\n') : []);
const withLines = (state, lines) => setNotes(state, state.current, lines.length ? `${lines.join('\n')}\n` : '');
function renderStage(core, config, done) {
    const { useEffect, useKeypress, useRef, useState } = core;
    const { style, now } = config;
    const session = useRef(config.state);
    // A draft (or a question to the interviewer) given back by resume is the line being typed again, ready to edit.
    const initialDraft = config.state.progress[config.state.current]?.question ?? config.state.progress[config.state.current]?.draft ?? '';
    const [line, setLine] = useState(config.state.progress[config.state.current]?.question === undefined ? initialDraft : '');
    const [editing, setEditing] = useState(null);
    // The new line typed before moving up to edit an earlier one: back when moving down past the last.
    const aside = useRef('');
    const [cursor, setCursor] = useState(0);
    const [gated, setGated] = useState(Boolean(config.gated));
    const [allFollowups, setAllFollowups] = useState(false);
    const [factsHidden, setFactsHidden] = useState(false);
    const [ended, setEnded] = useState(null);
    // The diagram pad's renderer, loaded the first time the pad opens (or is open on resume).
    const pad = useRef(undefined);
    // The last picture drawn: the screen is redrawn every tick, the diagram only changes on Enter.
    const picture = useRef(undefined);
    const [, setTick] = useState(0);
    const ticks = useRef(0);
    const redraw = () => {
        ticks.current += 1;
        setTick(ticks.current);
    };
    /** The question to the interviewer being typed (the line mode `ask`), kept in the session so a checkpoint holds it. */
    const pending = (state) => state.progress[state.current]?.question;
    /** Closes the question being typed, asking it when `send` (and it is not blank). */
    const closeQuestion = (state, send) => {
        const question = pending(state);
        return setQuestion(send && question ? askInStage(state, question, config.sheet) : state, undefined);
    };
    const update = (next) => {
        session.current = next;
        config.onChange(next);
    };
    /** Loads the pad's code (the renderer) once, then redraws: the stage screen does not load it at start-up. */
    const loadPad = () => {
        if (pad.current !== undefined)
            return;
        pad.current = 'loading';
        Promise.resolve().then(function () { return require('./diagram-lQO3I6ij.js'); }).then(function (n) { return n.pad; }).then(({ openPad }) => openPad()).then((loaded) => {
            pad.current = loaded;
            redraw();
        }, (error) => {
            pad.current = error instanceof Error ? error : new Error(String(error));
            redraw();
        });
    };
    const end = (next) => {
        update(next);
        setEnded(next);
        done(next);
    };
    useEffect((rl) => {
        // Inquirer defers a prompt's first render by a tick; a prompt aborted (Ctrl-C) in that tick
        // has already closed its readline and run its cleanups, so a timer started now would never
        // be stopped, and would keep Node running after the command is done.
        const closed = () => Boolean(rl.closed);
        if (closed())
            return undefined;
        // The pad open when the session was checkpointed: open again, its line as it was.
        const padLine = config.state.padLine;
        if (padLine !== undefined)
            loadPad();
        if (padLine)
            rl.write(padLine);
        else if (initialDraft && padLine === undefined)
            rl.write(initialDraft);
        const write = (text) => {
            rl.output.unmute();
            rl.output.write(text);
            rl.output.mute();
        };
        const timer = setInterval(() => {
            if (closed()) {
                clearInterval(timer);
                return;
            }
            const state = session.current;
            if (config.strict && remainingSeconds(state, now()) <= 0 && !isPaused(state)) {
                end(nextStage(commitDraft(closeQuestion(state, true)), now()));
                return;
            }
            if (curveballDue(state, now())) {
                update(markCurveballShown(state, now()));
                // Interrupt the way an interviewer does: audibly, not only on screen.
                write(BELL);
            }
            redraw();
        }, config.tickMs ?? 250);
        const stopResize = config.onResize?.(() => {
            write(CLEAR_SCREEN$1);
            redraw();
        });
        // The time stopped with Ctrl-Z is not counted: the clock pauses before the process stops
        // and runs again on `fg`, where the screen is drawn anew.
        let stoppedRunning = false;
        const stopSuspend = config.onSuspend?.((phase) => {
            const state = session.current;
            if (phase === 'stop') {
                stoppedRunning = !isPaused(state);
                if (stoppedRunning)
                    update(pause(state, now()));
                return;
            }
            if (stoppedRunning)
                update(resume(state, now()));
            stoppedRunning = false;
            redraw();
        });
        return () => {
            clearInterval(timer);
            stopResize?.();
            stopSuspend?.();
        };
    }, []);
    useKeypress((key, rl) => {
        if (ended)
            return;
        const state = session.current;
        const lines = noteLines(state);
        const interviewer = Boolean(config.checklist?.length);
        const question = pending(state);
        const padLine = state.padLine;
        const lineMode = question !== undefined ? 'ask' : padLine !== undefined ? 'pad' : undefined;
        const action = stageAction(key, { line: padLine ?? line, interviewer, gated, canGoBack: state.current > 0, lineMode, facts: Boolean(config.facts?.length) });
        /** Puts text in the line being typed (readline holds it). */
        const retype = (text) => {
            rl.clearLine(0);
            if (text)
                rl.write(text);
            setLine(text);
        };
        /** The line being edited goes back into the notes as it now reads. */
        const putBack = (text) => (editing === null ? state : withLines(state, lines.map((old, i) => (i === editing ? text : old))));
        const typed = rl.line.replace(/\t/g, '');
        switch (action) {
            case 'ask':
                // Only from a new line: an earlier line being edited keeps its `?`.
                if (editing !== null)
                    return setLine(rl.line);
                if (gated) {
                    setGated(false);
                    update(resume(state, now()));
                }
                retype('');
                update(setQuestion(session.current, ''));
                return;
            case 'pad':
                // Only from a new line; what it holds waits in the draft, typed again when the pad closes.
                if (editing !== null)
                    return setLine(rl.line);
                if (gated) {
                    setGated(false);
                    update(resume(state, now()));
                }
                loadPad();
                retype('');
                update(setPadLine(setDraft(session.current, line), ''));
                return;
            case 'send':
                if (lineMode === 'pad') {
                    retype('');
                    update(addPadLine(state));
                    return;
                }
                retype('');
                update(closeQuestion(state, true));
                return;
            case 'cancel':
                if (lineMode === 'pad') {
                    // A line half typed is not lost: it goes to the diagram, where the pad shows it (or its problem).
                    const draft = state.progress[state.current]?.draft ?? '';
                    retype(draft);
                    update(setPadLine(addPadLine(state), undefined));
                    return;
                }
                retype('');
                update(closeQuestion(state, false));
                return;
            case 'recall': {
                const recalled = recallPadLine(state);
                retype(recalled.padLine ?? '');
                update(recalled);
                return;
            }
            case 'facts':
                setFactsHidden(!factsHidden);
                return;
            case 'start':
                setGated(false);
                update(resume(state, now()));
                retype(typed);
                if (!key.name || key.name === 'return' || key.name === 'enter' || key.name === 'tab')
                    return;
                update(setDraft(session.current, typed));
                return;
            case 'commit':
                // `line` holds what was typed; readline has cleared its own on Enter, but not on
                // Alt-Enter or Esc-Enter, which must commit the same one line.
                if (editing === null) {
                    update(commitDraft(setDraft(state, line)));
                    rl.clearLine(0);
                }
                else {
                    update(putBack(line));
                    setEditing(null);
                    retype(aside.current);
                    update(setDraft(session.current, aside.current));
                    return;
                }
                setLine('');
                return;
            case 'next':
                if (editing !== null) {
                    // An empty line while editing: the line stays as it was.
                    setEditing(null);
                    retype(aside.current);
                    return;
                }
                end(nextStage(commitDraft(state), now()));
                return;
            case 'back':
                end(previousStage(commitDraft(setDraft(putBack(typed), editing === null ? typed : aside.current)), now()));
                return;
            case 'hint':
                retype(typed);
                update(revealHint(state, config.hints.length));
                return;
            case 'pause':
                update(togglePause(state, now()));
                return;
            case 'followups':
                setAllFollowups(!allFollowups);
                return;
            case 'tick':
                retype('');
                if (config.checklist?.length)
                    update(toggleTick(state, config.checklist[cursor].id));
                return;
            case 'edit-up':
            case 'edit-down': {
                const checklist = config.checklist ?? [];
                if (checklist.length) {
                    retype(typed);
                    setCursor((cursor + checklist.length + (action === 'edit-up' ? -1 : 1)) % checklist.length);
                    return;
                }
                if (lines.length === 0)
                    return retype(line);
                const next = action === 'edit-up' ? (editing === null ? lines.length - 1 : Math.max(0, editing - 1)) : editing === null ? null : editing + 1;
                // Moving keeps what was typed: an edited line goes back changed, a new line is set aside.
                const kept = putBack(line);
                if (editing === null)
                    aside.current = line;
                if (next === null || next >= lines.length) {
                    setEditing(null);
                    retype(aside.current);
                    update(setDraft(kept, aside.current));
                }
                else {
                    setEditing(next);
                    retype(noteLines(kept)[next]);
                    update(setDraft(kept, editing === null ? line : aside.current));
                }
                return;
            }
            case 'type':
                if (question !== undefined) {
                    update(setQuestion(state, rl.line.replace(/\t/g, '')));
                    return redraw();
                }
                if (padLine !== undefined) {
                    update(setPadLine(state, rl.line.replace(/\t/g, '')));
                    return redraw();
                }
                setLine(rl.line);
                // Only a new line is a draft: an edited one is already in the notes.
                if (editing === null)
                    update(setDraft(state, rl.line));
                return;
        }
    });
    if (ended) {
        const index = ended.current - 1;
        return index >= 0 && index < ended.plan.length && ended.current > config.state.current
            ? finishedLine(ended, index, now(), style)
            : style.dim(`↩ back to ${ended.plan[ended.current]?.title ?? 'the previous stage'}`);
    }
    const current = session.current;
    const loaded = pad.current;
    const { lines, help } = stageLines({
        state: current, now: now(), hints: config.hints, checklist: config.checklist, cursor, followups: config.followups, allFollowups,
        line: pending(current) ?? current.padLine ?? line, editing, gated, save: config.save !== false,
        notice: loaded instanceof Error ? `the diagram pad could not load: ${loaded.message}` : config.notice?.(),
        lineMode: pending(current) !== undefined ? 'ask' : current.padLine !== undefined ? 'pad' : undefined, noFactSheet: !config.sheet && !config.checklist?.length, facts: config.facts, factsHidden,
        ...(current.diagram ? { diagram: current.diagram } : {}),
        ...(typeof loaded === 'object' && !(loaded instanceof Error) ? {
            drawDiagram: (source, size) => {
                const key = `${size.width}×${size.height}\n${source}`;
                if (picture.current?.key !== key)
                    picture.current = { key, lines: loaded.view(source, size).lines };
                return picture.current.lines;
            },
        } : {}),
    }, config.size(), style);
    return [`${lines.join('\n')}${HIDE_CURSOR$1}`, help];
}

var stagePrompt = /*#__PURE__*/Object.freeze({
    __proto__: null,
    loadStagePrompt: loadStagePrompt
});

const HIDE_CURSOR = '\u001b[?25l';
/** Home and clear: after a resize the old screen has rewrapped and cannot be erased line by line. */
const CLEAR_SCREEN = '\u001b[H\u001b[2J';
/** The prompt, with Inquirer's core loaded (see inquirer.ts). */
const loadAssessPrompt = () => makePrompt(renderAssess);
function renderAssess(core, config, done) {
    const { useEffect, useKeypress, useState, isUpKey, isDownKey, isSpaceKey, isEnterKey } = core;
    const { items, style } = config;
    const [ticked, setTicked] = useState(() => new Set(items.filter((item) => config.preselected.has(item.id)).map((item) => item.id)));
    const [cursor, setCursor] = useState(0);
    const [confirmed, setConfirmed] = useState(false);
    const [, setResized] = useState(0);
    useEffect((rl) => {
        const stop = config.onResize?.(() => {
            rl.output.unmute();
            rl.output.write(CLEAR_SCREEN);
            rl.output.mute();
            setResized(Date.now());
        });
        return () => stop?.();
    }, []);
    useKeypress((key, rl) => {
        if (confirmed)
            return;
        if (isEnterKey(key)) {
            setConfirmed(true);
            done(items.filter((item) => ticked.has(item.id)).map((item) => item.id));
        }
        else if (isUpKey(key)) {
            setCursor(Math.max(0, cursor - 1));
        }
        else if (isDownKey(key)) {
            setCursor(Math.min(items.length - 1, cursor + 1));
        }
        else if (isSpaceKey(key) && items[cursor]) {
            const next = new Set(ticked);
            const id = items[cursor].id;
            if (next.has(id))
                next.delete(id);
            else
                next.add(id);
            setTicked(next);
        }
        // Nothing is typed here: a letter must not linger on the line.
        rl.clearLine(0);
    });
    if (confirmed)
        return assessedLine(config.title, items, ticked, style);
    const { lines, help } = assessLines({ message: config.message, items, ticked, cursor, evidence: config.evidence, notes: config.notes }, config.size(), style);
    return [`${lines.join('\n')}${HIDE_CURSOR}`, help];
}

var assessPrompt = /*#__PURE__*/Object.freeze({
    __proto__: null,
    loadAssessPrompt: loadAssessPrompt
});

/** Ids of the questions with at least one completed session; abandoned ones do not count. */
function completedQuestionIds(records) {
    const ids = new Set();
    for (const record of records)
        if (record.status === 'completed')
            ids.add(record.questionId);
    return ids;
}
/** The questions never completed, in their given order. */
function unseenQuestions(questions, records) {
    const done = completedQuestionIds(records);
    return questions.filter((question) => !done.has(question.id));
}

var unseen = /*#__PURE__*/Object.freeze({
    __proto__: null,
    completedQuestionIds: completedQuestionIds,
    unseenQuestions: unseenQuestions
});

// How commands other than lint mention broken files: one line each on stderr, then carry on.
const SHOWN = 10;
function reportBankErrors(findings, io) {
    const errors = findings.filter((finding) => finding.severity === 'error');
    for (const finding of errors.slice(0, SHOWN))
        io.stderr.write(`${formatFinding(finding)}\n`);
    if (errors.length > SHOWN)
        io.stderr.write(`… and ${errors.length - SHOWN} more; run 'mldrill lint' for all\n`);
    if (errors.length > 0)
        io.stderr.write(`mldrill: skipped the files above; the other questions are loaded\n`);
}

var reportFindings = /*#__PURE__*/Object.freeze({
    __proto__: null,
    reportBankErrors: reportBankErrors
});

exports.CATEGORIES = CATEGORIES;
exports.CATEGORY_TITLES = CATEGORY_TITLES;
exports.DEFAULT_RUBRIC = DEFAULT_RUBRIC;
exports.DIFFICULTIES = DIFFICULTIES;
exports.FACT_TOPICS = FACT_TOPICS;
exports.LINE_LIMITS = LINE_LIMITS;
exports.MAX_FILE_BYTES = MAX_FILE_BYTES;
exports.NotRegularError = NotRegularError;
exports.PLAIN = PLAIN;
exports.SUGGESTED = SUGGESTED;
exports.TooLargeError = TooLargeError;
exports.WORD = WORD;
exports.addPadLine = addPadLine;
exports.askInStage = askInStage;
exports.assessIntro = assessIntro;
exports.assessedLine = assessedLine;
exports.bankDirectories = bankDirectories;
exports.bar = bar;
exports.buildInterview = buildInterview;
exports.byTitle = byTitle;
exports.cacheDirOf = cacheDirOf;
exports.checkSchemaComment = checkSchemaComment;
exports.cli = cli;
exports.collidingAsks = collidingAsks;
exports.colourOf = colourOf;
exports.commander = commander;
exports.commitDraft = commitDraft;
exports.compareFindings = compareFindings;
exports.compileFacts = compileFacts;
exports.configBankOf = configBankOf;
exports.containsRun = containsRun;
exports.countFindings = countFindings;
exports.createPrompter = createPrompter;
exports.curveballDue = curveballDue;
exports.dailyPick = dailyPick;
exports.dateOfDay = dateOfDay;
exports.decodeSource = decodeSource;
exports.diagramLines = diagramLines;
exports.diagramWithPadLine = diagramWithPadLine;
exports.displayPath = displayPath;
exports.drawCurveball = drawCurveball;
exports.ensureWritable = ensureWritable;
exports.existsOnce = existsOnce;
exports.filter = filter;
exports.findYamlEntries = findYamlEntries;
exports.findYamlFiles = findYamlFiles;
exports.followupOf = followupOf;
exports.forEachLine = forEachLine;
exports.formatGithub = formatGithub;
exports.formatJson = formatJson;
exports.formatStylish = formatStylish;
exports.genericReason = genericReason;
exports.gradeStyle = gradeStyle;
exports.historyFile = historyFile;
exports.historyIndexFile = historyIndexFile;
exports.isFinished = isFinished;
exports.isPaused = isPaused;
exports.kindOfFile = kindOfFile;
exports.llmOf = llmOf;
exports.localDate = localDate;
exports.localDateTime = localDateTime;
exports.localDayNumber = localDayNumber;
exports.markCurveballShown = markCurveballShown;
exports.nextStage = nextStage;
exports.notesAfterCurveball = notesAfterCurveball;
exports.notesWithDraft = notesWithDraft;
exports.openRegular = openRegular;
exports.pause = pause;
exports.pickRandom = pickRandom;
exports.questionHeader = questionHeader;
exports.ratingsFile = ratingsFile;
exports.readNotesFile = readNotesFile;
exports.readNotesStream = readNotesStream;
exports.readRange = readRange;
exports.readRegular = readRegular;
exports.readSmallFile = readSmallFile;
exports.readStream = readStream;
exports.remainingSeconds = remainingSeconds;
exports.reportLines = reportLines;
exports.requireId = requireId;
exports.requireMatches = requireMatches;
exports.requireMatchingIds = requireMatchingIds;
exports.requireMatchingPool = requireMatchingPool;
exports.requireTerminal = requireTerminal;
exports.resume = resume;
exports.resumeAt = resumeAt;
exports.revealHint = revealHint;
exports.scheduleFromOf = scheduleFromOf;
exports.schemaModeline = schemaModeline;
exports.scoringChecks = scoringChecks;
exports.seededRandom = seededRandom;
exports.setDraft = setDraft;
exports.setPadLine = setPadLine;
exports.settle = settle;
exports.sparkline = sparkline;
exports.startSession = startSession;
exports.stateDirOf = stateDirOf;
exports.stem = stem;
exports.stop = stop;
exports.styleFor = styleFor;
exports.summaryText = summaryText;
exports.table = table;
exports.togglePause = togglePause;
exports.toggleTick = toggleTick;
exports.totalBudgetSeconds = totalBudgetSeconds;
exports.unseen = unseen;
exports.usedSeconds = usedSeconds;
exports.withCatalog = withCatalog;
exports.withCatalog$1 = withCatalog$1;
exports.withDrillDefaults = withDrillDefaults;
exports.withRegularFile = withRegularFile;
exports.withSpinner = withSpinner;
exports.writeFileAtomic = writeFileAtomic;
exports.writeOutputFile = writeOutputFile;
exports.zoneName = zoneName;
