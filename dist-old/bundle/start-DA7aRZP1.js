'use strict';

var fs = require('node:fs');
var os = require('node:os');
var path = require('node:path');
var node_url = require('node:url');

var _documentCurrentScript = typeof document !== 'undefined' ? document.currentScript : null;
// Named errors, each with the exit code it maps to. Only src/main.ts turns them into output.
const EXIT = {
    ok: 0,
    /** Findings from lint, no question matched, an unknown id, a file that `new` will not overwrite. */
    findings: 1,
    /** Bad flags or values, no terminal for an interactive command, an unusable state directory. */
    usage: 2,
    /** Ctrl-C or SIGTERM during a drill. */
    interrupted: 130,
};
/** An error whose message is meant for the user, as is, on one line. */
class MldrillError extends Error {
    exitCode;
    details;
    constructor(message, exitCode, 
    /** Lines said before the message, as they are (say, `file:line:col: problem` for each problem). */
    details = []) {
        super(message);
        this.exitCode = exitCode;
        this.details = details;
        this.name = new.target.name;
    }
}
class UsageError extends MldrillError {
    constructor(message, details = []) {
        super(message, EXIT.usage, details);
    }
}
class NotFoundError extends MldrillError {
    constructor(message) {
        super(message, EXIT.findings);
    }
}
/**
 * An id that names nothing: a question, a session or a rubric. It carries the data (the id and
 * the closest known ones); its message says no more than that, and src/main.ts adds the remedy
 * in the command line's words.
 */
class UnknownIdError extends NotFoundError {
    kind;
    id;
    closest;
    known;
    constructor(kind, id, closest, 
    /** Every id there is, when there are few enough to list. */
    known) {
        super(`no ${kind} with id "${id}"`);
        this.kind = kind;
        this.id = id;
        this.closest = closest;
        this.known = known;
    }
}
/** No question passes the filters, or the bank has none at all. src/main.ts words the filters and the remedy. */
class NoMatchError extends NotFoundError {
    filters;
    bankEmpty;
    constructor(filters, bankEmpty) {
        super(bankEmpty ? 'the bank has no questions' : 'no question matches the filters');
        this.filters = filters;
        this.bankEmpty = bankEmpty;
    }
}
/** The history holds no session yet. */
class NoSessionsError extends NotFoundError {
    constructor() {
        super('the history has no sessions yet');
    }
}
/**
 * The state directory cannot be used: it is not a directory (a file in its place, or above it
 * when reading), or it cannot be written (the system error's code). src/main.ts adds the ways
 * out, --no-save among them for a drill.
 */
class StateDirError extends UsageError {
    dir;
    code;
    notADirectory;
    constructor(dir, code, notADirectory) {
        super(notADirectory ? `the state directory ${dir} is not a directory` : `cannot write to the state directory ${dir} (${code})`);
        this.dir = dir;
        this.code = code;
        this.notADirectory = notADirectory;
    }
}
/** A bank directory given with --bank or in MLDRILL_BANK does not exist. */
class MissingBankError extends UsageError {
    dir;
    from;
    constructor(dir, from) {
        super(`the bank directory ${dir} does not exist`);
        this.dir = dir;
        this.from = from;
    }
}
/** What the user asked for is already there (a file `new` would overwrite, a taken id). */
class ConflictError extends MldrillError {
    constructor(message) {
        super(message, EXIT.findings);
    }
}
/** The user stopped the program; whatever needed saying was said. */
class InterruptedError extends MldrillError {
    constructor(message = 'interrupted') {
        super(message, EXIT.interrupted);
    }
}
/**
 * The AI grader's server could not be reached or answered badly (refused, timed out, a bad key,
 * an unknown model, a reply that is not the JSON asked for). The message names the cause; `fix`,
 * when there is one, is the remedy still to be worded. Nothing the user typed depends on it.
 */
class ServiceError extends MldrillError {
    fix;
    model;
    constructor(message, fix, 
    /** The model asked for, for a remedy that names it. */
    model) {
        super(message, EXIT.usage);
        this.fix = fix;
        this.model = model;
    }
}
/** Why the AI grader's settings (url, model) cannot be used; app/ai-grade.ts words it. */
class LlmSetupError extends UsageError {
    problem;
    constructor(problem) {
        super(`the AI grader's settings cannot be used (${problem})`);
        this.problem = problem;
    }
}
/** Standard output or standard error cannot be written (a full disk, a broken device). */
class OutputError extends MldrillError {
    constructor(stream, error) {
        super(`cannot write to ${stream}: ${systemErrorText(error)}`, EXIT.usage);
    }
}
/** What the system errors mldrill meets at its files mean, in words. */
const SYSTEM_ERRORS = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file would exceed the file-size limit (see ulimit -f)',
    ENAMETOOLONG: 'a file name is too long',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EROFS: 'the file system is read-only',
    ENOTDIR: 'a part of the path is not a directory',
    EISDIR: 'it is a directory',
    ELOOP: 'too many symbolic links',
    EIO: 'an input/output error',
    ENXIO: 'no such device',
    EBADF: 'the descriptor is closed',
};
/** The code of a system error (ENOSPC…), or undefined for any other error. */
function systemErrorCode(error) {
    const code = error?.code;
    return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}
/** `no space left on the device (ENOSPC)`: the cause of a system error without its path. */
function systemErrorText(error) {
    const code = systemErrorCode(error);
    if (!code)
        return String(error?.message ?? error);
    return `${SYSTEM_ERRORS[code] ?? error.message.replace(/^E[A-Z0-9]+: /, '').replace(/,.*$/, '')} (${code})`;
}
/** A path short enough for a one-line message: its start and its end around an ellipsis. */
function shortPath(file, max = 80) {
    return file.length <= max ? file : `${file.slice(0, 30)}…${file.slice(-(max - 31))}`;
}

// Text from files, paths, history lines and arguments is untrusted: it must not move the
// cursor, retitle the window, write the clipboard or reorder itself once it reaches a terminal
// or a document. stripControl is the one sanitiser; the output streams (src/io.ts) run every
// write through it, keeping only the colour that src/ui/colour.ts adds.
// ESC-introduced sequences (CSI; OSC to BEL or ST; DCS, SOS, PM and APC strings to ST; and the
// short escapes such as ESC c, which resets the terminal) or a lone ESC; their one-byte C1 forms
// (CSI, OSC); C0 controls other than tab and newline, DEL, other C1 controls; bidirectional
// embeddings, overrides and isolates, which reorder the text after them on screen.
// eslint-disable-next-line no-control-regex
const UNSAFE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[ -/]*[0-~])?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const ANY_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** Select Graphic Rendition: colour and weight, all that the colour module writes. */
// eslint-disable-next-line no-control-regex
const STYLE = /^\u001b\[[0-9;]*m$/;
/**
 * Removes terminal control sequences, control characters and bidirectional overrides, keeping
 * tabs and newlines (a CRLF becomes a newline). With keepStyle, colour sequences stay: for the
 * output streams, which carry what the colour module painted.
 */
function stripControl(text, options = {}) {
    if (!ANY_UNSAFE.test(text))
        return text;
    const keep = options.keepStyle ? (match) => (STYLE.test(match) ? match : '') : () => '';
    return text.replace(/\r\n?/g, '\n').replace(UNSAFE, keep);
}
/**
 * A template tag that sanitises every interpolated value and trusts the literal parts:
 * safe`${file}:${line}: ${message}`. For lines built from untrusted text before they are styled.
 */
function safe(strings, ...values) {
    let out = strings[0];
    for (let i = 0; i < values.length; i++)
        out += stripControl(String(values[i])) + strings[i + 1];
    return out;
}
/** How many columns text takes, ignoring colour and other control sequences. */
function visibleLength(text) {
    return [...stripControl(text)].length;
}
/**
 * JSON for output: JSON.stringify escapes C0 controls but leaves DEL, C1 controls and
 * bidirectional overrides raw; here they are escaped too, so the data survives and the
 * terminal sees nothing it would act on.
 */
function jsonText(value) {
    return `${JSON.stringify(value, null, 2).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}
/**
 * Finds the first character in text that lint refuses: a control character (other than tab
 * and newline), a bidirectional override or, with `invisible`, a zero-width character. A
 * carriage return counts: YAML turns CRLF line ends into newlines, so one left in a value was
 * escaped on purpose, and it can overwrite a terminal line.
 */
function findControl(text, options = {}) {
    // eslint-disable-next-line no-control-regex
    const match = (options.invisible ? /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]/ : ANY_UNSAFE).exec(text);
    return match ? { index: match.index, char: match[0] } : undefined;
}
/** Levenshtein distance, for "did you mean" suggestions. */
function editDistance(a, b) {
    const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = previous[0];
        previous[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = previous[j];
            previous[j] = Math.min(above + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return previous[b.length];
}
/**
 * Orders strings by code point: the same on every machine and locale, and free of the dozen
 * milliseconds that String#localeCompare's first call spends loading a collator.
 */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The candidates closest to input, best first; only plausible ones. */
function closest(input, candidates, max = 3) {
    const limit = Math.max(2, Math.floor(input.length / 3));
    return [...candidates]
        .map((candidate) => {
        const distance = editDistance(input, candidate);
        const partial = candidate.includes(input) || input.includes(candidate);
        return { candidate, score: partial ? Math.min(distance, 1) : distance };
    })
        .filter(({ score }) => score <= limit)
        .sort((x, y) => x.score - y.score || compareText(x.candidate, y.candidate))
        .slice(0, max)
        .map(({ candidate }) => candidate);
}
/**
 * The one way to suggest a name: `did you mean "a" or "b"?`, then the known names
 * (`known rubrics: x, y`; the label brings its own colon) when there is no suggestion, or always with `always`; '' for neither.
 */
function didYouMean(suggestions, known) {
    const quoted = suggestions.map((name) => `"${name}"`);
    const parts = quoted.length ? [`did you mean ${quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}` : quoted[0]}?`] : [];
    if (known && (known.always || parts.length === 0))
        parts.push(`${known.label} ${known.names.join(', ') || 'none'}`);
    return parts.join(' ');
}
/** Wraps text to width, keeping existing line breaks. */
function wrap(text, width, indent = '') {
    const lines = [];
    for (const paragraph of text.split('\n')) {
        let line = '';
        for (const word of paragraph.split(/\s+/).filter(Boolean)) {
            if (line && indent.length + line.length + 1 + word.length > width) {
                lines.push(indent + line);
                line = word;
            }
            else {
                line = line ? `${line} ${word}` : word;
            }
        }
        lines.push(indent + line);
    }
    return lines;
}
/** Seconds as m:ss (or h:mm:ss), never negative. */
function clock(totalSeconds) {
    const seconds = Math.max(0, Math.floor(totalSeconds));
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = String(seconds % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${String(m).padStart(2, '0')}:${s}`;
}
/** Text cut to `width` characters (code points), the last an ellipsis. */
function cut(text, width) {
    return [...text].length > width ? `${[...text].slice(0, Math.max(1, width - 1)).join('')}…` : text;
}
/** `1 day`, `3 days`: a count with its word, plural by adding s. */
function plural(count, word) {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// Everything the commands touch outside their own memory: streams, environment, clock,
// randomness and signals. Tests pass a fake; bin/mldrill.js passes nodeIo().
/**
 * A text sink on file descriptor fd (1 or 2) that ends output quietly when the reader closes
 * the pipe (`mldrill list | head -1`). Every write passes the one sanitiser, so no escape
 * sequence from a file name, a question or a history line reaches the terminal, whichever
 * formatter forgot; only colour survives.
 *
 * Text goes straight to the descriptor, even once the stream exists for a terminal's isTTY and
 * columns: Node builds process.stdout on first use, and for a pipe that loads the whole
 * streams and sockets stack, a visible share of a scripted `daily --json` (see npm run bench); and a write error then
 * reaches the command that wrote, as one OutputError, rather than a stream's later 'error'
 * event. Writes to files, pipes and terminals are synchronous on Linux either way. A
 * descriptor left non-blocking by another process (EAGAIN when the pipe is full) hands the rest
 * to the stream, which waits for room.
 */
function textOut(fd, get) {
    const name = fd === 1 ? 'standard output' : 'standard error';
    let stream;
    /** The stream took over after EAGAIN: later text must queue behind what it holds. */
    let queued = false;
    let closed = false;
    let terminal;
    const mayBe = () => (terminal ??= mayBeTerminal(fd));
    const open = () => {
        if (!stream) {
            stream = get();
            stream.on('error', (error) => {
                closed = true;
                if (error.code === 'EPIPE')
                    return;
                // Only queued text fails here, after main has returned: say so once, and fail the run.
                try {
                    fs.writeSync(2, `mldrill: ${new OutputError(name, error).message}\n`);
                }
                catch {
                    // stderr is gone too; the exit code still tells.
                }
                process.exitCode = EXIT.usage;
            });
        }
        return stream;
    };
    return {
        write(raw) {
            if (closed)
                return;
            const text = stripControl(raw, { keepStyle: true });
            if (queued) {
                stream.write(text);
                return;
            }
            const bytes = Buffer.from(text);
            let done = 0;
            try {
                while (done < bytes.length)
                    done += fs.writeSync(fd, bytes, done);
            }
            catch (error) {
                const code = error.code;
                if (code === 'EPIPE')
                    closed = true;
                else if (code === 'EAGAIN') {
                    queued = true;
                    open().write(bytes.subarray(done));
                }
                else {
                    // A full disk or a broken device: one line and exit 2 (src/main.ts), never a stack.
                    closed = true;
                    throw new OutputError(name, error);
                }
            }
        },
        get isTTY() {
            return stream || mayBe() ? Boolean(open().isTTY) : false;
        },
        get columns() {
            return (stream || mayBe() ? open().columns : undefined) || 80;
        },
        get rows() {
            return (stream || mayBe() ? open().rows : undefined) || undefined;
        },
    };
}
/**
 * Whether fd may be a terminal. A pipe, a file or /dev/null is not, and one fstat says so
 * without building the stream (the streams stack again); a character device other than
 * /dev/null may be, and the stream decides.
 */
function mayBeTerminal(fd) {
    try {
        const stat = fs.fstatSync(fd);
        return stat.isCharacterDevice() && stat.rdev !== fs.statSync('/dev/null').rdev;
    }
    catch {
        return true;
    }
}
/** The range of instants a Date can hold: ±100,000,000 days around 1970. */
const MAX_INSTANT = 8.64e15;
/**
 * An ISO 8601 instant (a date, optionally with a time and a zone; UTC when none) or epoch
 * milliseconds, as milliseconds; undefined for anything else, a calendar date that does not
 * exist (2026-02-30, which Date.parse would roll into March) or an instant a Date cannot hold.
 */
function parseInstant(value) {
    const text = value.trim();
    if (/^-?\d+$/.test(text)) {
        const ms = Number(text);
        return Math.abs(ms) <= MAX_INSTANT ? ms : undefined;
    }
    const match = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text);
    if (!match)
        return undefined;
    const [year, month, day, hour = 0, minute = 0, second = 0] = match.slice(1, 7).map((part) => (part === undefined ? undefined : Number(part)));
    const calendar = new Date(0);
    calendar.setUTCFullYear(year, month - 1, day);
    if (calendar.getUTCFullYear() !== year || calendar.getUTCMonth() !== month - 1 || calendar.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59)
        return undefined;
    // Date.parse's own reading of what is now known to be a real date: a date alone is UTC, a
    // time without a zone is local.
    const date = `${match[1]}-${match[2]}-${match[3]}`;
    const zone = (match[8] ?? '').toUpperCase().replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const ms = Date.parse(match[4] === undefined && !zone ? date : `${date}T${match[4] ?? '00'}:${match[5] ?? '00'}:${match[6] ?? '00'}${match[7] ?? ''}${zone}`);
    return Number.isFinite(ms) && Math.abs(ms) <= MAX_INSTANT ? ms : undefined;
}
/**
 * MLDRILL_NOW (an ISO 8601 instant or epoch milliseconds) pins the clock, so that tests and
 * anyone checking tomorrow's `daily` can run the real binary at a chosen moment. A bad value
 * throws at the first reading of the clock, which main() does before any command runs.
 */
function pinnedClock(value) {
    if (!value)
        return undefined;
    const ms = parseInstant(value);
    if (ms === undefined) {
        return () => {
            throw new UsageError(`MLDRILL_NOW is "${value}", which is not a real instant; set it to an ISO 8601 instant such as 2026-11-22T08:00:00Z or to epoch milliseconds, or unset it`);
        };
    }
    return () => ms;
}
function nodeIo() {
    // A write past the file-size limit (`ulimit -f`) raises SIGXFSZ, which kills by default and
    // loses the session; ignored, the write fails with EFBIG like any other write error, and the
    // drill prints what it could not save.
    process.on('SIGXFSZ', () => { });
    return {
        stdout: textOut(1, () => process.stdout),
        stderr: textOut(2, () => process.stderr),
        get terminal() {
            return { input: process.stdin, output: process.stdout.isTTY || !process.stderr.isTTY ? process.stdout : process.stderr };
        },
        get errorTerminal() {
            return process.stderr;
        },
        env: process.env,
        cwd: process.cwd(),
        homedir: os.homedir(),
        now: pinnedClock(process.env.MLDRILL_NOW) ?? (() => Date.now()),
        random: Math.random,
        onSignal(handler) {
            const onInt = () => handler('SIGINT');
            const onTerm = () => handler('SIGTERM');
            process.on('SIGINT', onInt);
            process.on('SIGTERM', onTerm);
            return () => {
                process.off('SIGINT', onInt);
                process.off('SIGTERM', onTerm);
            };
        },
        onSuspend(handler) {
            // Listening to SIGTSTP replaces its default action (stop). Once the terminal is restored,
            // the listener steps aside and the signal is raised again, so the process stops as any
            // other does and the shell says "Stopped"; the listener is back on SIGCONT.
            let listening = true;
            const onStop = () => {
                handler('stop');
                process.off('SIGTSTP', onStop);
                process.kill(process.pid, 'SIGTSTP');
            };
            const onContinue = () => {
                if (listening && process.listeners('SIGTSTP').indexOf(onStop) < 0)
                    process.on('SIGTSTP', onStop);
                handler('continue');
            };
            process.on('SIGTSTP', onStop);
            process.on('SIGCONT', onContinue);
            return () => {
                listening = false;
                process.off('SIGTSTP', onStop);
                process.off('SIGCONT', onContinue);
            };
        },
    };
}

// Where mldrill is installed: the directory holding its package.json, with the built-in
// questions/, rubrics/ and schema/. Found by walking up from this module, so it holds wherever
// the code runs from: src/ under the test runner, dist/, or a chunk in dist/bundle/.
function findPackageRoot() {
    const here = path.dirname(node_url.fileURLToPath((typeof document === 'undefined' ? require('u' + 'rl').pathToFileURL(__filename).href : (_documentCurrentScript && _documentCurrentScript.tagName.toUpperCase() === 'SCRIPT' && _documentCurrentScript.src || new URL('start-DA7aRZP1.js', document.baseURI).href))));
    for (let dir = here;; dir = path.dirname(dir)) {
        if (namesPackage(path.join(dir, 'package.json')))
            return dir;
        if (path.dirname(dir) === dir)
            return path.resolve(here, '..');
    }
}
/** The package.json files in bin/ and dist/bundle/ only say that their code is CommonJS; the package's own names it. */
function namesPackage(file) {
    if (!fs.existsSync(file))
        return false;
    try {
        return typeof JSON.parse(fs.readFileSync(file, 'utf8')).name === 'string';
    }
    catch {
        return false;
    }
}
const PACKAGE_ROOT = findPackageRoot();

let version;
/** The package version, read once from the package's package.json. */
function packageVersion() {
    version ??= JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
    return version;
}

// Parses argv, runs one command, and maps every outcome to an exit code. The only place
// that turns errors into messages.
/** The command names, for "did you mean" before the command table is loaded (test/command-table.test.ts checks they agree). */
const COMMAND_NAMES = ['drill', 'daily', 'random', 'list', 'show', 'ask', 'grade', 'resume', 'lint', 'history', 'stats', 'next', 'export', 'new', 'schema', 'diagram', 'config', 'completion', '__complete'];
/** The commands a typo may have meant: not the hidden one the shell completion calls. */
const SUGGESTED_COMMANDS = COMMAND_NAMES.filter((name) => !name.startsWith('__'));
async function main(argv, io) {
    const result = { exitCode: EXIT.ok };
    try {
        // Scripts and prompts ask for the version often; answer without loading the command table.
        if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
            io.stdout.write(`${packageVersion()}\n`);
            return EXIT.ok;
        }
        checkStart(argv, io);
        // Both at once: the loader reads the files in parallel.
        const [{ CommanderError }, { buildProgram }] = await Promise.all([Promise.resolve().then(function () { return require('./core-DiuhDYN8.js'); }).then(function (n) { return n.commander; }), Promise.resolve().then(function () { return require('./core-DiuhDYN8.js'); }).then(function (n) { return n.cli; })]);
        try {
            const program = await buildProgram(io, result, argv);
            await program.parseAsync(argv, { from: 'user' });
            return result.exitCode;
        }
        catch (error) {
            // Commander has already printed help, the version or the usage error.
            if (error instanceof CommanderError)
                return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
            throw error;
        }
    }
    catch (error) {
        return report(error, argv, io, result.command);
    }
}
/**
 * What can be checked before any command runs: the pinned clock (MLDRILL_NOW), the state
 * directory's length, a first word that is almost a command but has arguments no question
 * id would take (`mldrill dril x`), and help asked for a command that does not exist.
 */
function checkStart(argv, io) {
    io.now();
    const home = io.env.MLDRILL_HOME;
    if (home && (home.length > 4000 || home.split(/[\\/]/).some((part) => Buffer.byteLength(part) > 255))) {
        throw new UsageError(`MLDRILL_HOME is too long for the file system (${home.length > 4000 ? `${home.length} characters` : 'a name in it is over 255 bytes'}); set it to a shorter path`);
    }
    const [word, ...rest] = argv;
    if (word && !word.startsWith('-') && !COMMAND_NAMES.includes(word) && rest.some((arg) => !arg.startsWith('-'))) {
        const commands = closest(word, SUGGESTED_COMMANDS);
        if (commands.length)
            throw new UsageError(`unknown command "${word}"; ${didYouMean(commands)}`);
    }
    // Commander answers `help nope` with the whole help on stderr and never names the word.
    const [topic] = rest;
    if (word === 'help' && topic !== undefined && !topic.startsWith('-') && !SUGGESTED_COMMANDS.includes(topic)) {
        const commands = closest(topic, SUGGESTED_COMMANDS);
        throw new UsageError(`no command "${topic}" to give help on; ${commands.length ? didYouMean(commands) : "run 'mldrill --help' for the commands"}`);
    }
}
/** The remedy for an id that names nothing, by what it should have named. */
const LIST_IDS = {
    question: "run 'mldrill list' to see the ids",
    session: "run 'mldrill history' to see the ids",
    'resumable session': 'resumable:',
    rubric: 'known rubrics:',
};
/** Says what went wrong on one line of stderr and returns the exit code. */
function report(error, argv, io, command) {
    const [message, code] = describe(error, argv, io.env, command);
    try {
        // Findings that come before the one-line summary (a config file's, as file:line:col lines).
        if (error instanceof MldrillError)
            for (const line of error.details)
                io.stderr.write(`${line}\n`);
        if (message)
            io.stderr.write(`mldrill: ${message}\n`);
    }
    catch {
        // stderr itself is full or gone: the exit code still tells.
    }
    return code;
}
function describe(error, argv, env, command) {
    if (error instanceof MldrillError)
        return [remedied(error, argv, command), error.exitCode];
    const code = systemErrorCode(error);
    if (code && code !== 'ENOENT') {
        // The environment, not mldrill: a file name too long, a full disk, a file-size limit.
        const file = error.path;
        return [`cannot ${error.syscall ?? 'use'} ${file ? shortPath(path.resolve(file)) : 'a file'}: ${systemErrorText(error)}; check the path and the disk, or set MLDRILL_HOME to another directory`, EXIT.usage];
    }
    return [internalErrorText(error, env), EXIT.usage];
}
/** An error's message with the way out, in the words of the command line and of the command that ran. */
function remedied(error, argv, command) {
    if (error instanceof UnknownIdError)
        return unknownIdText(error, argv);
    if (error instanceof NoMatchError) {
        if (error.bankEmpty)
            return error.message;
        const { category, difficulty, tag = [] } = error.filters;
        const flags = [category && `--category ${category}`, difficulty && `--difficulty ${difficulty}`, ...tag.map((each) => `--tag ${each}`)].filter(Boolean);
        return `no question matches ${flags.join(' ')}; run 'mldrill list' to see what there is`;
    }
    if (error instanceof NoSessionsError)
        return `${error.message}; run 'mldrill drill' first`;
    if (error instanceof MissingBankError) {
        return error.from === 'option'
            ? `--bank names ${error.dir}, which does not exist; check the path (relative to the current directory)`
            : `MLDRILL_BANK names ${error.dir}, which does not exist; fix the path or unset MLDRILL_BANK`;
    }
    if (error instanceof StateDirError) {
        const ways = error.notADirectory ? ['set MLDRILL_HOME to a directory', 'move the file aside'] : ['fix its permissions', 'set MLDRILL_HOME to a writable directory'];
        // Only a drill can run without writing the history.
        if (command === 'drill' && !argv.includes('--no-save'))
            ways.push('pass --no-save');
        return `${error.message}; ${ways.slice(0, -1).join(', ')}, or ${ways.at(-1)}`;
    }
    return error.message;
}
function unknownIdText(error, argv) {
    // The default command's id was the first word: it may have been meant as a command.
    if (error.kind === 'question' && argv[0] === error.id && !COMMAND_NAMES.includes(error.id)) {
        const commands = closest(error.id, SUGGESTED_COMMANDS);
        const hint = [commands.length && `the command${commands.length > 1 ? 's' : ''} ${commands.join(', ')}`, error.closest.length && `the question${error.closest.length > 1 ? 's' : ''} ${error.closest.join(', ')}`].filter(Boolean);
        return `"${error.id}" is neither a command nor a question id; ${hint.length ? `did you mean ${hint.join(', or ')}?` : "run 'mldrill --help' for the commands and 'mldrill list' for the ids"}`;
    }
    const remedy = LIST_IDS[error.kind];
    const hint = error.known ? didYouMean(error.closest, { label: remedy, names: error.known, always: error.kind === 'rubric' }) : didYouMean(error.closest) || remedy;
    return `${error.message}; ${hint}`;
}
/** The one line of a bug: its message, and the stack only on request. */
function internalErrorText(error, env) {
    const detail = env.MLDRILL_DEBUG ? `\n${error?.stack ?? String(error)}` : ' (set MLDRILL_DEBUG=1 for details)';
    const message = String(error?.message ?? error).split('\n')[0];
    return `internal error: ${message}${detail}`;
}
/**
 * For the bin: whatever escapes main (a timer's exception, a promise nobody awaited, a write
 * error after main returned) ends the run the same way, one line and exit 2.
 */
function crash(error, io) {
    const message = error instanceof MldrillError ? remedied(error, [], undefined) : internalErrorText(error, io.env);
    try {
        io.stderr.write(`mldrill: ${message}\n`);
    }
    catch {
        // Nowhere left to say it.
    }
    return EXIT.usage;
}

function spawn(...args) {
  return require('node:child_process').spawn(...args);
}
var require$$1 = { spawn };

exports.COMMAND_NAMES = COMMAND_NAMES;
exports.ConflictError = ConflictError;
exports.EXIT = EXIT;
exports.InterruptedError = InterruptedError;
exports.LlmSetupError = LlmSetupError;
exports.MissingBankError = MissingBankError;
exports.MldrillError = MldrillError;
exports.NoMatchError = NoMatchError;
exports.NoSessionsError = NoSessionsError;
exports.NotFoundError = NotFoundError;
exports.PACKAGE_ROOT = PACKAGE_ROOT;
exports.ServiceError = ServiceError;
exports.StateDirError = StateDirError;
exports.UnknownIdError = UnknownIdError;
exports.UsageError = UsageError;
exports.clock = clock;
exports.closest = closest;
exports.compareText = compareText;
exports.crash = crash;
exports.cut = cut;
exports.didYouMean = didYouMean;
exports.editDistance = editDistance;
exports.findControl = findControl;
exports.internalErrorText = internalErrorText;
exports.jsonText = jsonText;
exports.main = main;
exports.nodeIo = nodeIo;
exports.packageVersion = packageVersion;
exports.parseInstant = parseInstant;
exports.plural = plural;
exports.require$$1 = require$$1;
exports.safe = safe;
exports.stripControl = stripControl;
exports.visibleLength = visibleLength;
exports.wrap = wrap;
