// Named errors, each with the exit code it maps to. Only src/main.ts turns them into output.

export const EXIT = {
  ok: 0,
  /** Findings from lint, no question matched, an unknown id, a file that `new` will not overwrite. */
  findings: 1,
  /** Bad flags or values, no terminal for an interactive command, an unusable state directory. */
  usage: 2,
  /** Ctrl-C or SIGTERM during a drill. */
  interrupted: 130,
} as const;

/** An error whose message is meant for the user, as is, on one line. */
export class MldrillError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** Lines said before the message, as they are (say, `file:line:col: problem` for each problem). */
    readonly details: readonly string[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UsageError extends MldrillError {
  constructor(message: string, details: readonly string[] = []) {
    super(message, EXIT.usage, details);
  }
}

export class NotFoundError extends MldrillError {
  constructor(message: string) {
    super(message, EXIT.findings);
  }
}

/**
 * An id that names nothing: a question, a session or a rubric. It carries the data (the id and
 * the closest known ones); its message says no more than that, and src/main.ts adds the remedy
 * in the command line's words.
 */
export class UnknownIdError extends NotFoundError {
  constructor(
    readonly kind: 'question' | 'session' | 'resumable session' | 'rubric',
    readonly id: string,
    readonly closest: readonly string[],
    /** Every id there is, when there are few enough to list. */
    readonly known?: readonly string[],
  ) {
    super(`no ${kind} with id "${id}"`);
  }
}

/** The filters a command narrowed the bank with, as NoMatchError carries them. */
export interface QuestionFilters {
  category?: string;
  difficulty?: string;
  tag?: readonly string[];
}

/**
 * No question passes the filters, or the bank has none at all, or (with `completed`, for
 * --unseen) every one that does has been completed. src/main.ts words the filters and the remedy.
 */
export class NoMatchError extends NotFoundError {
  constructor(
    readonly filters: QuestionFilters,
    readonly bankEmpty: boolean,
    readonly completed?: number,
  ) {
    super(bankEmpty ? 'the bank has no questions' : completed === undefined ? 'no question matches the filters' : 'every matching question has been completed');
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
  constructor(
    readonly dir: string,
    readonly code: string,
    readonly notADirectory: boolean,
  ) {
    super(notADirectory ? `the state directory ${dir} is not a directory` : `cannot write to the state directory ${dir} (${code})`);
  }
}

/** A bank directory given with --bank or in MLDRILL_BANK does not exist. */
export class MissingBankError extends UsageError {
  constructor(
    readonly dir: string,
    readonly from: 'option' | 'environment',
  ) {
    super(`the bank directory ${dir} does not exist`);
  }
}

/** What the user asked for is already there (a file `new` would overwrite, a taken id). */
export class ConflictError extends MldrillError {
  constructor(message: string) {
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
 * What gets the AI grader going again, as data: the rater knows no flags or environment
 * variables, so the command's side (app/ai-grade.ts) words the remedy.
 */
export type LlmFix =
  | 'timeout' | 'start-server' | 'host-name' | 'scheme-matches' | 'secure' | 'reach'
  | 'key' | 'pull-model' | 'model-name' | 'base-url-v1' | 'url-and-model' | 'json-base-url' | 'openai-api' | 'blocked-port'
  | 'redirected';

/**
 * The AI grader's server could not be reached or answered badly (refused, timed out, a bad key,
 * an unknown model, a reply that is not the JSON asked for). The message names the cause; `fix`,
 * when there is one, is the remedy still to be worded. Nothing the user typed depends on it.
 */
export class ServiceError extends MldrillError {
  constructor(
    message: string,
    readonly fix?: LlmFix,
    /** What the remedy names: the model asked for, or the base URL a redirect points to. */
    readonly subject?: string,
  ) {
    super(message, EXIT.usage);
  }
}

/** Why the AI grader's settings (url, model) cannot be used; app/ai-grade.ts words it. */
export class LlmSetupError extends UsageError {
  constructor(readonly problem: 'no-url' | 'not-a-url' | 'scheme' | 'credentials' | 'no-model' | 'key-chars') {
    super(`the AI grader's settings cannot be used (${problem})`);
  }
}
/** Standard output or standard error cannot be written (a full disk, a broken device). */
export class OutputError extends MldrillError {
  constructor(stream: 'standard output' | 'standard error', error: unknown) {
    super(`cannot write to ${stream}: ${systemErrorText(error)}`, EXIT.usage);
  }
}

/** What the system errors mldrill meets at its files mean, in words. */
const SYSTEM_ERRORS: Record<string, string> = {
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
export function systemErrorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** `no space left on the device (ENOSPC)`: the cause of a system error without its path. */
export function systemErrorText(error: unknown): string {
  const code = systemErrorCode(error);
  if (!code) return String((error as Error | undefined)?.message ?? error);
  return `${SYSTEM_ERRORS[code] ?? (error as NodeJS.ErrnoException).message.replace(/^E[A-Z0-9]+: /, '').replace(/,.*$/, '')} (${code})`;
}

/** A path short enough for a one-line message: its start and its end around an ellipsis. */
export function shortPath(file: string, max = 80): string {
  return file.length <= max ? file : `${file.slice(0, 30)}…${file.slice(-(max - 31))}`;
}
