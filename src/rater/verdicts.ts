// No verdict without evidence: the model's verdicts joined to the checklist, each `met: true`
// checked against the notes, and the score that follows. Pure.
import { scoreSession, scoreStage } from '../score/score.js';
import type { ScoredItem } from '../session/interview.js';

/** One verdict as the model gives it (reply.ts has validated the shape). */
export interface ModelVerdict {
  stage: string;
  id: string;
  met: boolean | null;
  evidence: string;
  reason: string;
}

/** A stage as graded: its id and checklist. */
export interface GradedStageInput {
  id: string;
  title: string;
  items: readonly ScoredItem[];
}

/** One checklist item with the AI's verdict, as `grade --ai --json` prints it. */
export interface AiItem {
  id: string;
  text: string;
  weight: number;
  grader: 'ai';
  /** The model's verdict: true met, false not met, null unsure (or not rated at all). */
  met: boolean | null;
  /** The words the model quoted from the notes; null when it quoted none. */
  evidence: string | null;
  reason: string;
  /** A `met: true` whose evidence is not in the notes: it does not count. */
  void?: true;
  /** The candidate's own tick; null when there is none to compare (grading a notes file). */
  self: boolean | null;
  /** What the score counts: the AI's verdict, or the self tick where the AI is unsure or void. */
  counted: boolean;
}

export interface AiStage {
  id: string;
  title: string;
  /** Weighted coverage of what is counted, percent. */
  score: number;
  items: AiItem[];
}

export interface AiVerdicts {
  stages: AiStage[];
  score: number;
  /** Whether the core items the counted verdicts miss capped the score, as they cap a self-assessment's. */
  capped: boolean;
  /** One line each: verdicts dropped (an unknown item) or repeated, and the items left unrated. */
  warnings: string[];
  /** How many of the checklist's items the model gave a verdict (met, not met or unsure). */
  rated: number;
}

/** How many unrated items the warning names. */
const UNRATED_NAMED = 3;
/** How much of the model's own words (a reason, evidence not in the notes) a rating keeps. */
const SAID_MAX = 500;

/**
 * The model's words kept to SAID_MAX characters, the last an ellipsis. Characters, not the
 * columns a screen gives them (cut): what is stored is bounded, and an accent takes no column,
 * so a reply of accents alone would be kept whole, megabytes of it.
 */
const said = (text: string): string => {
  const chars = [...text];
  return chars.length > SAID_MAX ? `${chars.slice(0, SAID_MAX - 1).join('')}…` : text;
};

// Curly and other typographic quotes, and every dash, compared as their plain forms.
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g;
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Text as quotes are compared: lower case, plain quotes and dashes, single spaces. */
export function normaliseQuote(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-').replace(/\s+/g, ' ').trim();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Markdown's emphasis and code marks taken out (`**calibration**`, `_fresh_`, `` `p99` ``): models
 * quote the words without them, or with them where the notes have none. An underscore inside a
 * word (`user_id`) stays.
 */
function withoutEmphasis(text: string): string {
  return text.replace(/[*`]+/g, '').replace(/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, '');
}

/** Whether `part` occurs in `haystack` as whole words: not the middle of a longer word (`app` in `happy`). */
function wholeWordsIn(haystack: string, part: string): boolean {
  const open = WORD_CHAR.test(part[0]!);
  const close = WORD_CHAR.test(part.at(-1)!);
  for (let at = haystack.indexOf(part); at !== -1; at = haystack.indexOf(part, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + part.length];
    if ((!open || before === undefined || !WORD_CHAR.test(before)) && (!close || after === undefined || !WORD_CHAR.test(after))) return true;
  }
  return false;
}

/**
 * Text without its quotation marks: models quote `"cold start"` as `'cold start'` or as `cold
 * start`, the same words. Apostrophes go too, on both sides alike (`don't`, `users'`).
 */
const withoutQuoteMarks = (text: string): string => text.replace(/["']/g, '').replace(/ {2,}/g, ' ').trim();

/**
 * Whether evidence is quoted from notes. Quotes or brackets the model wraps the quote in, and
 * punctuation it ends it with, are not part of it, nor are quotation marks inside it, and a quote
 * elided with `...` or `…` counts when every part of it is in the notes. Every part
 * is whole words of the notes, and the quote has a word of three characters or more: letters
 * picked out of words (`a ... e`) quote nothing.
 */
export function quoteAppears(evidence: string, notes: string): boolean {
  const haystack = withoutQuoteMarks(normaliseQuote(withoutEmphasis(notes)));
  const parts = normaliseQuote(withoutEmphasis(evidence))
    .split(/\s*(?:\.{3}|…)\s*/)
    // Models end a quote with a full stop the notes (bullet points) do not have.
    .map((part) => part.replace(/^["'([]+|["')\].,;:!?]+$/g, '').trim())
    .filter(Boolean);
  // Words counted before the quotation marks go: `it's` is two short words, not `its`.
  const words = parts.flatMap((part) => part.match(/[\p{L}\p{N}]+/gu) ?? []);
  return words.some((word) => word.length >= 3) && parts.map(withoutQuoteMarks).every((part) => part !== '' && wholeWordsIn(haystack, part));
}

/**
 * The verdicts joined to the checklist. A verdict for an item the checklist does not have is
 * dropped with a warning (one whose stage is wrong but whose id names exactly one item is kept
 * for that item); an item the model left out is unsure. `notes` is every note of the session:
 * notes from any stage count for any stage's items. `selfTicks` are the candidate's ticked ids
 * per stage, when there are any.
 */
export function judge(stages: readonly GradedStageInput[], verdicts: readonly ModelVerdict[], notes: string, selfTicks?: Readonly<Record<string, readonly string[]>>): AiVerdicts {
  const warnings: string[] = [];
  const byKey = new Map<string, ModelVerdict>();
  const owners = new Map<string, string[]>();
  for (const stage of stages) for (const item of stage.items) owners.set(item.id, [...(owners.get(item.id) ?? []), stage.id]);
  const known = (stage: string, id: string) => stages.some((s) => s.id === stage && s.items.some((item) => item.id === id));
  for (const verdict of verdicts) {
    let stage = verdict.stage;
    if (!known(stage, verdict.id)) {
      const only = owners.get(verdict.id);
      if (only?.length !== 1) {
        warnings.push(`the model rated "${verdict.stage}/${verdict.id}", which the checklist does not have; dropped`);
        continue;
      }
      stage = only[0]!;
    }
    const key = `${stage}\n${verdict.id}`;
    if (byKey.has(key)) {
      warnings.push(`the model rated "${stage}/${verdict.id}" twice; the first verdict stands`);
      continue;
    }
    byKey.set(key, verdict);
  }

  const graded = stages.map((stage) => {
    const ticked = selfTicks ? new Set(selfTicks[stage.id] ?? []) : undefined;
    const items = stage.items.map((item): AiItem => {
      const verdict = byKey.get(`${stage.id}\n${item.id}`);
      const quoted = verdict?.evidence.trim() ? verdict.evidence.trim() : null;
      const unsupported = verdict?.met === true && (quoted === null || !quoteAppears(quoted, notes));
      // Evidence found in the notes is as long as the notes allow; words the model made up are cut, as its reason is.
      const evidence = quoted !== null && (unsupported || verdict?.met !== true) ? said(quoted) : quoted;
      const self = ticked ? ticked.has(item.id) : null;
      const decisive = verdict && verdict.met !== null && !unsupported;
      return {
        id: item.id,
        text: item.text,
        weight: item.weight,
        grader: 'ai',
        met: verdict?.met ?? null,
        evidence,
        reason: said(verdict?.reason.trim() || (verdict ? '' : 'not rated by the model')),
        ...(unsupported ? { void: true as const } : {}),
        self,
        counted: decisive ? verdict.met === true : self === true,
      };
    });
    return { stage, items };
  });
  // Left out, an item is unsure: said once, since the score then rests on the candidate's own ticks there.
  const unrated = stages.flatMap((stage) => stage.items.filter((item) => !byKey.has(`${stage.id}\n${item.id}`)).map((item) => item.id));
  const total = stages.reduce((sum, stage) => sum + stage.items.length, 0);
  if (unrated.length > 0 && unrated.length < total) {
    const more = unrated.length > UNRATED_NAMED ? ` and ${unrated.length - UNRATED_NAMED} more` : '';
    warnings.push(`the model left ${unrated.length} of ${total} items unrated (${unrated.slice(0, UNRATED_NAMED).join(', ')}${more}); they count as unsure`);
  }
  const scores = graded.map(({ stage, items }) => scoreStage(stage.id, stage.items, items.filter((item) => item.counted).map((item) => item.id)));
  const session = scoreSession(scores);
  return {
    stages: graded.map(({ stage, items }, i) => ({ id: stage.id, title: stage.title, score: scores[i]!.score, items })),
    score: session.total,
    capped: session.capped,
    warnings,
    rated: total - unrated.length,
  };
}

/** Whether the AI's verdict disagrees with the self tick (unsure and void verdicts never do). */
export function disagrees(item: AiItem): boolean {
  return item.self !== null && item.met !== null && !item.void && item.met !== item.self;
}
