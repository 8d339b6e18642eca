// The README's concrete claims that drift as the code changes: the options it names for each
// command, the question JSON it shows, the environment variables it lists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram, COMMANDS } from '../src/cli.js';
import { main } from '../src/main.js';
import { fakeIo } from './helpers/fake-io.js';

const ROOT = path.join(import.meta.dirname, '..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** Every flag commander knows for a command (its own options, negations included, and the global ones). */
async function flagsOf(command: string): Promise<Set<string>> {
  const program = await buildProgram(fakeIo(), { exitCode: 0 }, [command]);
  const own = program.commands.find((each) => each.name() === command)!;
  const flags = [...own.options, ...program.options].flatMap((option) => [option.short, option.long]);
  return new Set(flags.filter((flag): flag is string => flag !== undefined));
}

const FLAG = /(?<![\w-])--?[a-zA-Z][\w-]*/g;

/** The README's `| option | meaning |` tables, each under the heading that names its command. */
function optionTables(): Array<{ command: string; flags: string[] }> {
  const tables: Array<{ command: string; flags: string[] }> = [];
  let command = '';
  let inTable = false;
  for (const line of README.split('\n')) {
    const heading = /^#+ .*`mldrill (\w+)/.exec(line);
    if (heading) command = heading[1]!;
    if (line.startsWith('| option |')) {
      inTable = true;
      tables.push({ command, flags: [] });
    } else if (inTable && line.startsWith('| `')) {
      tables.at(-1)!.flags.push(...(line.split('|')[1]!.match(FLAG) ?? []));
    } else if (!line.startsWith('|')) inTable = false;
  }
  return tables;
}

describe('the README', () => {
  it("has an options table for drill and lint naming every option each takes, and no other", async () => {
    const tables = optionTables();
    expect(tables.map((table) => table.command)).toEqual(['drill', 'lint']);
    for (const { command, flags } of tables) {
      const known = await flagsOf(command);
      expect(flags.filter((flag) => !known.has(flag)), command).toEqual([]);
      const documented = new Set(flags);
      const global = ['-h', '--help', '-V', '--version'];
      expect([...known].filter((flag) => !documented.has(flag) && !global.includes(flag)), command).toEqual([]);
    }
  });

  it('names, beside each `mldrill <command>` it shows, only options that command takes', async () => {
    // Inline code and the lines of code blocks; a mistyped command (`mldrill histroy --json`) is an example of an error.
    const spans = [...README.matchAll(/`([^`\n]+)`/g)].map((match) => match[1]!);
    const lines = [...README.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].flatMap((match) => match[1]!.split('\n'));
    const wrong: string[] = [];
    let checked = 0;
    for (const text of [...spans, ...lines]) {
      for (const use of text.matchAll(/(?:^|[\s(|$])mldrill ([a-z_]+)((?:[^|#;&)`]|\|(?= ?-))*)/g)) {
        const command = use[1]!;
        if (!COMMANDS.includes(command) || command.startsWith('__')) continue;
        const known = await flagsOf(command);
        for (const flag of use[2]!.match(FLAG) ?? []) {
          checked++;
          if (!known.has(flag)) wrong.push(`${command} ${flag}: ${text}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(wrong).toEqual([]);
  });

  it('shows the question JSON that show --json prints for its example question', async () => {
    const example = /### The question JSON[\s\S]*?```json\n([\s\S]*?)```/.exec(README)![1]!;
    const shown = JSON.parse(example) as Record<string, unknown>;
    const io = fakeIo();
    expect(await main(['show', shown.id as string, '--json'], io)).toBe(0);
    const printed = JSON.parse(io.out()) as Record<string, unknown>;
    // The date is daily's, and the file is where this copy is installed.
    const { date, file, ...rest } = shown;
    expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(file).toMatch(new RegExp(`/questions/${shown.category as string}/${shown.id as string}\\.yaml$`));
    expect(printed).toEqual({ ...rest, file: path.join(ROOT, 'questions', shown.category as string, `${shown.id as string}.yaml`) });
  });

  it('lists under Environment every variable mldrill reads, and none it does not', () => {
    const section = /## Environment\n([\s\S]*?)\n## /.exec(README)![1]!;
    // Each row's first cell, which may name two (`XDG_CONFIG_HOME`, `XDG_STATE_HOME`) or a value (`TERM=dumb`).
    const listed = new Set([...section.matchAll(/^\| ([^|]+)\|/gm)].flatMap((match) => [...match[1]!.matchAll(/`([A-Z][A-Z0-9_]*)/g)].map((each) => each[1]!)));
    const sources = (dir: string): string[] => fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? sources(full) : /\.[jt]s$/.test(entry.name) ? [full] : [];
    });
    const code = [...sources(path.join(ROOT, 'src')), path.join(ROOT, 'bin', 'mldrill.js')].map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const read = new Set([...code.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[['"]([A-Z][A-Z0-9_]*)['"]\])/g)].map((match) => match[1] ?? match[2]!));
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((name) => !listed.has(name)).sort()).toEqual([]);
    // Some are read through a helper that takes the name (the XDG variables): the name is in the code.
    expect([...listed].filter((name) => !read.has(name) && !new RegExp(`\\b${name}\\b`).test(code)).sort()).toEqual([]);
  });

  it('shows what each `$ mldrill` of its console examples prints', async () => {
    const blocks = [...README.matchAll(/```console\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      for (const [, command, shown] of block.matchAll(/^\$ mldrill (.*)\n((?:(?!\$ ).*\n)*)/gm)) {
        // Words, and "quoted words" as one (what the examples use of a shell's quoting).
        const argv = [...command!.matchAll(/"([^"]*)"|(\S+)/g)].map((word) => word[1] ?? word[2]!);
        const io = fakeIo();
        expect(await main(argv, io), command).toBe(0);
        expect(io.out(), command).toBe(shown);
      }
    }
  });
});
