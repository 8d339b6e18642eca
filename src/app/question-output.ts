// What daily, random, show and list share: the output format flags, opening the bank through
// the cache, and printing one question.
import path from 'node:path';
import type { Catalog } from '../bank/catalog.js';
import { UsageError } from '../errors.js';
import type { Io } from '../io.js';
import type { Style } from '../ui/colour.js';
import type { OutputFormat } from '../formats.js';
import type { QuestionView } from '../ui/question-format.js';
import { questionJsonText } from '../ui/question-json.js';
import { colourOf } from './config.js';

export interface FormatOptions {
  format?: OutputFormat;
  json?: boolean;
  plain?: boolean;
}

/** `--format` with `--json` and `--plain` as shorthands; two different answers are a usage error. */
export function resolveFormat(options: FormatOptions): OutputFormat {
  const asked = new Set<OutputFormat>();
  if (options.format) asked.add(options.format);
  if (options.json) asked.add('json');
  if (options.plain) asked.add('plain');
  if (asked.size > 1) throw new UsageError(`choose one output format, not ${[...asked].join(' and ')}: --format text|plain|json|markdown, or --json, or --plain`);
  return [...asked][0] ?? 'text';
}

/** The style for stdout; chalk is loaded only for the text format, the one that uses it. */
export async function outputStyle(io: Io, format: OutputFormat): Promise<Style | undefined> {
  if (format !== 'text') return undefined;
  const { styleFor } = await import('../ui/colour.js');
  return styleFor(io.stdout, io.env, colourOf(io));
}

/**
 * The `--bank` arguments, as typed, that hold the question's or its rubric's file: the commands
 * the output suggests need them. A file found through the config file or MLDRILL_BANK needs none.
 */
function bankArgsFor(cwd: string, given: readonly string[], files: readonly string[]): string[] {
  const holds = (arg: string, file: string) => {
    const inside = path.relative(path.resolve(cwd, arg), file);
    return inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside));
  };
  const needed = files.map((file) => given.find((arg) => arg && holds(arg, file))).filter((arg) => arg !== undefined);
  return [...new Set(needed)];
}

/**
 * Writes one question, whole, in the given format to stdout. `bank` is the command's `--bank`
 * arguments, repeated in the commands shown where the question needs them.
 */
export async function printQuestion(io: Io, catalog: Catalog, id: string, format: OutputFormat, view: Omit<QuestionView, 'question' | 'rubric'> = {}): Promise<void> {
  const question = catalog.question(id);
  const rubric = catalog.rubric(question.rubric);
  const bank = bankArgsFor(io.cwd, view.bank ?? [], [question.file, rubric.file]);
  if (format === 'json') {
    // Scripts ask for JSON most: it needs none of the layout code, so that is loaded only for the rest.
    io.stdout.write(questionJsonText(question, rubric, view.date, { hints: Boolean(view.hints), followupKeys: Boolean(view.followupKeys), answer: Boolean(view.answer) }));
    return;
  }
  const { formatQuestion } = await import('../ui/question-format.js');
  io.stdout.write(formatQuestion({ ...view, question, rubric, bank }, format, await outputStyle(io, format), io.stdout.columns));
}
