// `mldrill ask <id> "<question>"`: what the interviewer answers to a clarifying question, from the
// question's fact sheet, for scripts and chat bots. Reads the bank through the cache, and the
// matcher loads neither yaml nor zod, so it starts as fast as `show`.
import { EXIT, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { requireId } from '../select/filter.js';
import { askInterviewer, MAX_QUESTION_CHARS } from '../session/interviewer.js';
import { jsonText, stripControl } from '../text.js';
import { withCatalog } from '../app/with-catalog.js';

export interface AskOptions {
  id: string;
  /** Its words: quoted as one argument, or typed as several. */
  question: string[];
  json?: boolean;
  bank?: string[];
}

/** The --json output: a stable interface, documented in the README. */
export interface AskJson {
  questionId: string;
  asked: string;
  matched: string | null;
  topic: string | null;
  answer: string;
}

export async function ask(options: AskOptions, io: Io): Promise<number> {
  const asked = options.question.join(' ').trim();
  // Checked before the bank is opened: a bad question costs nothing.
  if (!asked) throw new UsageError('the question is empty; ask it after the id, e.g. mldrill ask feature-store how many features are served');
  // Characters as the user counts them: an emoji is one, not its two UTF-16 halves.
  const characters = [...asked].length;
  if (characters > MAX_QUESTION_CHARS) throw new UsageError(`the question is ${characters} characters long; ask one question of at most ${MAX_QUESTION_CHARS} characters`);
  return withCatalog(io, options.bank, (catalog) => {
    const question = catalog.question(requireId(catalog, options.id));
    const facts = question.interviewer?.facts ?? [];
    if (facts.length === 0) io.stderr.write(`mldrill: ${stripControl(question.id)} has no fact sheet yet, so every question gets the neutral reply\n`);
    const reply = askInterviewer(asked, facts);
    if (options.json) {
      const json: AskJson = { questionId: question.id, asked, matched: reply.fact?.id ?? null, topic: reply.fact?.topic ?? null, answer: reply.answer };
      io.stdout.write(jsonText(json));
    } else {
      io.stdout.write(`${stripControl(reply.answer)}\n`);
    }
    return EXIT.ok;
  });
}
