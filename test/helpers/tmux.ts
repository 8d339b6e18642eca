// Drives the built CLI in a real pseudo-terminal through tmux: type keys, read the screen.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'mldrill.js');

let count = 0;
const quote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

export class TmuxSession {
  private readonly socket: string;
  private readonly name = 'drill';
  readonly exitFile: string;
  /** The terminal's settings (`stty -a`) after mldrill exited. */
  readonly sttyFile: string;
  private readonly stoppedFile: string;
  private readonly continueFile: string;

  constructor(args: string[], options: { env?: Record<string, string>; width?: number; height?: number; cwd?: string; stdoutTo?: string; fileSizeLimit?: number; jobControl?: boolean; rawLog?: string; program?: string[] } = {}) {
    this.socket = `mldrill-test-${process.pid}-${++count}`;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-tmux-'));
    this.exitFile = path.join(dir, 'exit');
    this.sttyFile = path.join(dir, 'stty');
    const env = { TERM: 'xterm-256color', LANG: 'C.UTF-8', PATH: process.env.PATH ?? '', HOME: dir, ...options.env };
    const envPart = Object.entries(env).map(([key, value]) => `${key}=${quote(value)}`).join(' ');
    // The shell keeps the pane alive after mldrill exits, so the screen can still be read.
    // `program` runs something else in mldrill's place (a shell, to drive its tab completion).
    let run = `env -i ${envPart} ${(options.program ?? ['node', BIN, ...args]).map(quote).join(' ')}${options.stdoutTo ? ` > ${quote(options.stdoutTo)}` : ''}`;
    // `ulimit -f` (in 1024-byte blocks) for mldrill only: the shell still writes the exit file.
    if (options.fileSizeLimit !== undefined) run = `(ulimit -f ${options.fileSizeLimit} && exec ${run})`;
    // Every byte mldrill writes to its terminal, escape sequences included, copied to a file.
    if (options.rawLog) run = `script -qfec ${quote(run)} ${quote(options.rawLog)}`;
    this.stoppedFile = path.join(dir, 'stopped');
    this.continueFile = path.join(dir, 'continue');
    // With job control (bash's set -m), Ctrl-Z stops mldrill as in a login shell (status 148);
    // continueInForeground() then runs `fg`, as a user would.
    if (options.jobControl) {
      const script = `set -m; ${run}; s=$?; while [ $s -eq 148 ]; do : > ${quote(this.stoppedFile)}; while [ ! -e ${quote(this.continueFile)} ]; do sleep 0.1; done; rm -f ${quote(this.continueFile)} ${quote(this.stoppedFile)}; fg > /dev/null; s=$?; done; exit $s`;
      run = `bash -c ${quote(script)}`;
    }
    const command = `cd ${quote(options.cwd ?? ROOT)} && ${run}; status=$?; stty -a > ${quote(this.sttyFile)}; echo $status > ${quote(this.exitFile)}; exec sleep 600`;
    this.tmux('-f', '/dev/null', 'new-session', '-d', '-s', this.name, '-x', String(options.width ?? 80), '-y', String(options.height ?? 30), command);
    this.tmux('set-option', '-t', this.name, 'history-limit', '5000');
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** Named keys, as tmux knows them: Enter, Escape, Space, C-c, Down. */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', this.name, ...keys);
  }

  /** Literal text, typed as is. */
  type(text: string): void {
    this.tmux('send-keys', '-t', this.name, '-l', '--', text);
  }

  /** A line typed and entered, as a user of a line-at-a-time screen (TERM=dumb) gives it. */
  enter(text: string): void {
    this.type(text);
    this.keys('Enter');
  }

  /** Text pasted as a terminal pastes it: marked as a paste (bracketed) when the program asked for that. */
  paste(text: string): void {
    const file = path.join(path.dirname(this.exitFile), 'paste');
    fs.writeFileSync(file, text);
    this.tmux('load-buffer', '-b', 'paste', file);
    this.tmux('paste-buffer', '-p', '-d', '-b', 'paste', '-t', this.name);
  }

  /** The visible screen, or with scrollback the whole history of the pane. */
  screen(scrollback = false): string {
    return this.tmux('capture-pane', '-p', '-t', this.name, ...(scrollback ? ['-S', '-5000'] : []));
  }

  /** The rows of the visible screen that the terminal wrapped, each joined whole again (tmux's -J). */
  wrappedRows(): string[] {
    const width = Number(this.tmux('display-message', '-p', '-t', this.name, '#{pane_width}').trim());
    return this.tmux('capture-pane', '-p', '-J', '-t', this.name).split('\n').filter((line) => [...line.trimEnd()].length > width);
  }

  /** The visible screen with its colours and styles as escape sequences. */
  styledScreen(): string {
    return this.tmux('capture-pane', '-p', '-e', '-t', this.name);
  }

  async waitFor(pattern: RegExp | string, options: { timeout?: number; scrollback?: boolean } = {}): Promise<string> {
    const deadline = Date.now() + (options.timeout ?? 20_000);
    let screen = '';
    while (Date.now() < deadline) {
      screen = this.screen(options.scrollback);
      if (typeof pattern === 'string' ? screen.includes(pattern) : pattern.test(screen)) return screen;
      await sleep(100);
    }
    throw new Error(`timed out waiting for ${String(pattern)}; the screen shows:\n${screen}`);
  }

  async exitCode(timeout = 20_000): Promise<number> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const text = fs.existsSync(this.exitFile) ? fs.readFileSync(this.exitFile, 'utf8').trim() : '';
      if (text) return Number(text);
      await sleep(100);
    }
    throw new Error(`mldrill did not exit; the screen shows:\n${this.screen(true)}`);
  }

  /** Whether the terminal shows its cursor (tmux's view of the pane). */
  cursorVisible(): boolean {
    return this.tmux('display-message', '-p', '-t', this.name, '#{cursor_flag}').trim() === '1';
  }

  /** Sends a signal to mldrill itself (the child of the pane's shell). */
  signal(name: 'TERM' | 'INT' | 'KILL' | 'HUP'): void {
    const shell = this.tmux('display-message', '-p', '-t', this.name, '#{pane_pid}').trim();
    execFileSync('pkill', [`-${name}`, '-P', shell]);
  }

  /** Resizes the terminal, as a user dragging the window would (SIGWINCH). */
  resize(width: number, height: number): void {
    this.tmux('resize-window', '-t', this.name, '-x', String(width), '-y', String(height));
  }

  /** With jobControl: whether mldrill is stopped (Ctrl-Z) and the shell has the terminal. */
  isStopped(): boolean {
    return fs.existsSync(this.stoppedFile);
  }

  /** With jobControl: `fg`. */
  continueInForeground(): void {
    fs.writeFileSync(this.continueFile, '');
  }

  /** The terminal's settings now (`stty -a` on the pane's tty). */
  stty(): string {
    const tty = this.tmux('display-message', '-p', '-t', this.name, '#{pane_tty}').trim();
    return execFileSync('stty', ['-a', '-F', tty], { encoding: 'utf8' });
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      // already gone
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until probe returns something truthy (a file, a state), polling; never a fixed sleep. */
export async function until<T>(probe: () => T | undefined, what: string, timeout = 10_000): Promise<T> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const value = probe();
    if (value) return value;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}
