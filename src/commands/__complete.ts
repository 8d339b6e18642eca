// `mldrill __complete <index> -- <words...>`: what the completion scripts call on every TAB.
// Prints the candidates for the word at the cursor, one a line. Never fails loudly: a broken
// config file or bank just means fewer candidates.
import { loadConfig } from '../app/config.js';
import { withCatalog } from '../app/with-catalog.js';
import type { Catalog } from '../bank/catalog.js';
import type { Command } from '../commander.js';
import { completeWords, unquote, type CompletionSources } from '../completion/candidates.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { compareText, stripControl } from '../text.js';

export interface CompleteOptions {
  index: number;
  words: string[];
  /** The whole command table (the run that calls this one defines only __complete). */
  program: () => Promise<Command>;
  defaultCommand: string;
}

export async function complete(options: CompleteOptions, io: Io): Promise<number> {
  if (!Number.isInteger(options.index) || options.index < 0) return EXIT.usage;
  const quiet = async <T>(read: () => T | Promise<T>, fallback: T): Promise<T> => {
    try {
      return await read();
    } catch {
      return fallback;
    }
  };
  await quiet(() => loadConfig(io), undefined);
  // bash and zsh pass the words as typed: what the command will read is what counts.
  const words = options.words.map(unquote);
  // The bank as the command line being typed would see it: its own --bank directories count,
  // `--bank ~/questions` as the shell will expand it (the words arrive as typed).
  const home = (raw: string) => (raw === '~' || raw.startsWith('~/') ? io.homedir + unquote(raw.slice(1)) : unquote(raw));
  // bash hands `--bank=DIR` over as `--bank`, `=`, `DIR`, the value as typed after the `=`.
  const bank = words.slice(0, options.index).flatMap((word, i, words) => {
    if (words[i - 1] === '--bank' && word !== '=') return [home(options.words[i]!)];
    if (words[i - 2] === '--bank' && words[i - 1] === '=') return [word];
    return word.startsWith('--bank=') ? [word.slice(7)] : [];
  });
  // One TAB asks for one kind of value, so each opens the bank (through its cache) itself.
  const fromBank = <T>(read: (catalog: Catalog) => T[]) => quiet(() => withCatalog(io, bank, read), []);
  const sources: CompletionSources = {
    questionIds: () => fromBank((catalog) => [...catalog.ids]),
    rubricIds: () => fromBank((catalog) => [...catalog.rubrics.keys()].sort(compareText)),
    tags: () => fromBank((catalog) => [...new Set(catalog.questions.flatMap((question) => question.tags ?? []))].sort(compareText)),
    // Newest first: the session just drilled is the likeliest to export.
    // The history's code is a chunk of its own (scripts/bundle.mjs), loaded only for this.
    sessionIds: () => quiet(async () => (await import('../app/read-history.js')).readHistoryFor(io).records.map((record) => record.id).reverse(), []),
    resumableIds: () => quiet(async () => (await import('../app/read-history.js')).resumableSessionsFor(io, { quiet: true }).sessions.map((session) => session.id), []),
  };
  const candidates = await completeWords(await options.program(), words, options.index, sources, options.defaultCommand);
  // Ids and tags come from files: nothing but the word itself reaches the shell.
  for (const candidate of candidates) {
    const clean = stripControl(candidate).replace(/\s/g, '');
    if (clean) io.stdout.write(`${clean}\n`);
  }
  return EXIT.ok;
}
