// `mldrill show <id>`: the whole question: prompt, stage plan, follow-ups, and hints and answer
// keys on request.
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { requireId } from '../select/filter.js';
import { printQuestion, resolveFormat, type FormatOptions } from '../app/question-output.js';
import { withCatalog } from '../app/with-catalog.js';

export interface ShowOptions extends FormatOptions {
  id: string;
  hints?: boolean;
  /** Answer keys and conditions of the follow-ups: spoilers, so only on request. */
  followups?: boolean;
  answer?: boolean;
  bank?: string[];
}

export async function show(options: ShowOptions, io: Io): Promise<number> {
  const format = resolveFormat(options);
  // Plain is a greeting's three lines: a flag for more would be dropped without a word.
  const more = [options.hints && '--hints', options.followups && '--followups', options.answer && '--answer'].filter(Boolean);
  if (format === 'plain' && more.length) throw new UsageError(`--plain gives the three lines of a greeting, without what ${more.join(' and ')} ${more.length > 1 ? 'ask' : 'asks'} for; drop --plain, or use --json or --format markdown`);
  return withCatalog(io, options.bank, async (catalog) => {
    await printQuestion(io, catalog, requireId(catalog, options.id), format, { full: true, hints: Boolean(options.hints), followupKeys: Boolean(options.followups), answer: Boolean(options.answer), bank: options.bank });
    return EXIT.ok;
  });
}
