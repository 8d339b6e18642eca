// The command table: built whole for help and the default command, and with just the one
// command a script names, which must behave the same.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../src/cli.js';
import { COMMAND_NAMES, main } from '../src/main.js';
import { fakeIo } from './helpers/fake-io.js';

describe('the command table', () => {
  it('lists every command it defines, so that naming one builds that one', async () => {
    const program = await buildProgram(fakeIo(), { exitCode: 0 });
    expect(program.commands.map((command) => command.name())).toEqual(COMMANDS);
    for (const name of COMMANDS) {
      const alone = await buildProgram(fakeIo(), { exitCode: 0 }, [name, '--json']);
      expect(alone.commands.map((command) => command.name())).toEqual([name]);
    }
  });

  it('has every command main knows by name, each with its own help', async () => {
    // main suggests commands from COMMAND_NAMES before the table is loaded: the two must agree.
    expect(COMMANDS).toEqual(COMMAND_NAMES);
    for (const name of COMMAND_NAMES.filter((each) => !each.startsWith('__'))) {
      const io = fakeIo();
      expect(await main([name, '--help'], io), name).toBe(0);
      expect(io.out()).toMatch(new RegExp(`^Usage: mldrill ${name} `, 'm'));
      // A description of its own, and the global option every command takes.
      const program = await buildProgram(fakeIo(), { exitCode: 0 }, [name]);
      expect(program.commands[0]!.description(), name).not.toBe('');
      expect(io.out().replace(/\s+/g, ' ')).toContain(program.commands[0]!.description());
      expect(io.out()).toContain('--bank <dir>');
    }
  });

  it("loads a command's module only when it runs: the table imports none of them but for types", () => {
    const source = fs.readFileSync(path.join(import.meta.dirname, '..', 'src', 'cli.ts'), 'utf8');
    expect(source.match(/^import (?!type ).* from '\.\/commands\/.*$/gm) ?? []).toEqual([]);
    // Every entry loads its module with import().
    expect(source.match(/load: \(\) =>\s+import\('\.\/commands\//g)).toHaveLength(COMMANDS.length);
  });

  it('keeps src/commands to one module per command, named after it', () => {
    const modules = fs.readdirSync(path.join(import.meta.dirname, '..', 'src', 'commands')).map((name) => name.replace(/\.ts$/, ''));
    expect(modules.sort()).toEqual([...COMMANDS].sort());
  });

  it('shows every command in the top-level help, and the global options in a command\'s help', async () => {
    const io = fakeIo();
    expect(await main(['--help'], io)).toBe(0);
    // __complete is for the completion scripts, not for people.
    for (const name of COMMANDS.filter((each) => each !== '__complete')) expect(io.out()).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    expect(io.out()).not.toContain('__complete');
    const daily = fakeIo();
    expect(await main(['daily', '--help'], daily)).toBe(0);
    expect(daily.out()).toContain('--date <YYYY-MM-DD>');
    expect(daily.out()).toContain('--bank <dir>');
  });

  it("fits every help in the terminal's width, 80 when piped, wrapped at word breaks", async () => {
    for (const [tty, width] of [[false, 80], [true, 60], [true, 100]] as const) {
      for (const args of [['--help'], ...COMMANDS.filter((each) => !each.startsWith('__')).map((name) => [name, '--help'])]) {
        const io = fakeIo({ tty });
        Object.assign(io.stdout, { columns: width });
        expect(await main(args, io), args.join(' ')).toBe(0);
        expect(io.out().split('\n').filter((line) => line.length > width), `${args.join(' ')} at ${width}`).toEqual([]);
      }
    }
    const io = fakeIo({ tty: true });
    Object.assign(io.stdout, { columns: 60 });
    await main(['grade', '--help'], io);
    expect(io.out()).toContain('\n  Exit codes: 0 graded, 1 unknown question or session id, 2\n  usage error');
  });

  it('names a command that help is asked for and that does not exist (exit 2), and suggests the closest', async () => {
    for (const [args, message] of [
      [['help', 'grdae'], 'mldrill: no command "grdae" to give help on; did you mean "grade"?\n'],
      [['help', 'zzzzzz'], "mldrill: no command \"zzzzzz\" to give help on; run 'mldrill --help' for the commands\n"],
    ] as const) {
      const io = fakeIo();
      expect(await main([...args], io)).toBe(2);
      expect([io.out(), io.err()]).toEqual(['', message]);
    }
    const io = fakeIo();
    expect(await main(['help', 'grade'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: mldrill grade /);
  });

  it('still suggests the flag meant by a typo in the one command it built', async () => {
    const io = fakeIo();
    expect(await main(['daily', '--jsn'], io)).toBe(2);
    expect(io.err()).toContain("unknown option '--jsn'");
    expect(io.err()).toContain('--json');
  });
});
