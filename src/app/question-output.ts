// What daily, random, show and list share: the output format flags, opening the bank through
// the cache, and printing one question.
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

/** Writes one question, whole, in the given format to stdout. */
export async function printQuestion(io: Io, catalog: Catalog, id: string, format: OutputFormat, view: Omit<QuestionView, 'question' | 'rubric'> = {}): Promise<void> {
  const question = catalog.question(id);
  const rubric = catalog.rubric(question.rubric);
  if (format === 'json') {
    // Scripts ask for JSON most: it needs none of the layout code, so that is loaded only for the rest.
    io.stdout.write(questionJsonText(question, rubric, view.date, { hints: Boolean(view.hints), followupKeys: Boolean(view.followupKeys), answer: Boolean(view.answer) }));
    return;
  }
  const { formatQuestion } = await import('../ui/question-format.js');
  io.stdout.write(formatQuestion({ ...view, question, rubric }, format, await outputStyle(io, format), io.stdout.columns));
}
