// Named errors, each with the exit code it maps to. Only src/main.ts turns them into output.
export const EXIT = {
    ok: 0,
    /** Findings from lint, no question matched, an unknown id, a file that `new` will not overwrite. */
    findings: 1,
    /** Bad flags or values, no terminal for an interactive command, an unusable state directory. */
    usage: 2,
    /** Ctrl-C or SIGTERM during a drill. */
    interrupted: 130,
};
/** An error whose message is meant for the user, as is, on one line. */
export class MldrillError extends Error {
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
export class UsageError extends MldrillError {
    constructor(message, details = []) {
        super(message, EXIT.usage, details);
    }
}
export class NotFoundError extends MldrillError {
    constructor(message) {
        super(message, EXIT.findings);
    }
}
/**
 * An id that names nothing: a question, a session or a rubric. It carries the data (the id and
 * the closest known ones); its message says no more than that, and src/main.ts adds the remedy
 * in the command line's words.
 */
export class UnknownIdError extends NotFoundError {
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
export class NoMatchError extends NotFoundError {
    filters;
    bankEmpty;
    constructor(filters, bankEmpty) {
        super(bankEmpty ? 'the bank has no questions' : 'no question matches the filters');
        this.filters = filters;
        this.bankEmpty = bankEmpty;
    }
}
/** The history holds no session yet. */
export class NoSessionsError extends NotFoundError {
    constructor() {
        super('the history has no sessions yet');
    }
}
/**
 * The state directory cannot be used: it is not a directory (a file in its place, or above it
 * when reading), or it cannot be written (the system error's code). src/main.ts adds the ways
 * out, --no-save among them for a drill.
 */
export class StateDirError extends UsageError {
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
export class MissingBankError extends UsageError {
    dir;
    from;
    constructor(dir, from) {
        super(`the bank directory ${dir} does not exist`);
        this.dir = dir;
        this.from = from;
    }
}
/** What the user asked for is already there (a file `new` would overwrite, a taken id). */
export class ConflictError extends MldrillError {
    constructor(message) {
        super(message, EXIT.findings);
    }
}
/** The user stopped the program; whatever needed saying was said. */
export class InterruptedError extends MldrillError {
    constructor(message = 'interrupted') {
        super(message, EXIT.interrupted);
    }
}
/**
 * The AI grader's server could not be reached or answered badly (refused, timed out, a bad key,
 * an unknown model, a reply that is not the JSON asked for). The message names the cause; `fix`,
 * when there is one, is the remedy still to be worded. Nothing the user typed depends on it.
 */
export class ServiceError extends MldrillError {
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
export class LlmSetupError extends UsageError {
    problem;
    constructor(problem) {
        super(`the AI grader's settings cannot be used (${problem})`);
        this.problem = problem;
    }
}
/** Standard output or standard error cannot be written (a full disk, a broken device). */
export class OutputError extends MldrillError {
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
export function systemErrorCode(error) {
    const code = error?.code;
    return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}
/** `no space left on the device (ENOSPC)`: the cause of a system error without its path. */
export function systemErrorText(error) {
    const code = systemErrorCode(error);
    if (!code)
        return String(error?.message ?? error);
    return `${SYSTEM_ERRORS[code] ?? error.message.replace(/^E[A-Z0-9]+: /, '').replace(/,.*$/, '')} (${code})`;
}
/** A path short enough for a one-line message: its start and its end around an ellipsis. */
export function shortPath(file, max = 80) {
    return file.length <= max ? file : `${file.slice(0, 30)}…${file.slice(-(max - 31))}`;
}
