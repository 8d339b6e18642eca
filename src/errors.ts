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
