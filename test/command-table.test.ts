// The command table: built whole for help and the default command, and with just the one
// command a script names, which must behave the same.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../src/cli.js';
import { main } from '../src/main.js';
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

  it('still suggests the flag meant by a typo in the one command it built', async () => {
    const io = fakeIo();
    expect(await main(['daily', '--jsn'], io)).toBe(2);
    expect(io.err()).toContain("unknown option '--jsn'");
    expect(io.err()).toContain('--json');
  });
});
