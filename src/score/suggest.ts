// Suggestions for the self-assessment, from the keyword grader: the items whose keywords appear
// anywhere in the session's notes (people write metrics while clarifying), each with the phrase
// that triggered it. Suggestions only pre-tick; the user confirms or unticks them.
import { compileKeywords, evidenceAmong, indexNotes, type Keyword, type NotesIndex, type Used } from './keywords.js';
import type { ScoredItem } from '../session/interview.js';

/** Item id -> the notes' own words that suggest it was covered. */
export function suggestFromNotes(items: readonly ScoredItem[], notes: string | NotesIndex): Map<string, string> {
  return suggestForStages([items], notes)[0]!;
}

/**
 * An item's keywords compiled, once per list of keywords: every interview copies a rubric's items,
 * but they share the rubric's keyword lists, so lint compiles each list once, not once a file.
 */
const compiledFor = new WeakMap<readonly string[], Keyword[]>();
const NO_KEYWORDS: Keyword[] = [];
function keywordsOf(item: ScoredItem): Keyword[] {
  if (!item.keywords) return NO_KEYWORDS;
  let keywords = compiledFor.get(item.keywords);
  if (!keywords) compiledFor.set(item.keywords, (keywords = compileKeywords(item.keywords)));
  return keywords;
}

/**
 * Per stage, item id -> the notes' own words that suggest it was covered. One mention evidences
 * one item: `calibration` written once does not tick both the offline-metric item and the
 * per-segment one. Core items choose first, then the heavier, then in checklist order.
 */
export function suggestForStages(stages: ReadonlyArray<readonly ScoredItem[]>, notes: string | NotesIndex): Array<Map<string, string>> {
  const index = typeof notes === 'string' ? indexNotes(notes) : notes;
  const used: Used = new Set();
  const found = stages.map((items) => new Array<string | null>(items.length).fill(null));
  for (const { item, stage, position } of choosingOrder(stages)) {
    found[stage]![position] = evidenceAmong(index, keywordsOf(item), used, item.quantified ? index.numberLines : undefined, item.keywordsNeeded);
  }
  return stages.map((items, stage) => {
    const suggested = new Map<string, string>();
    items.forEach((item, position) => {
      const evidence = found[stage]![position];
      if (evidence !== null && evidence !== undefined) suggested.set(item.id, evidence);
    });
    return suggested;
  });
}

interface Placed {
  item: ScoredItem;
  stage: number;
  position: number;
}

/**
 * The order items choose their evidence in, kept for the stages' lists it was worked out for:
 * lint grades three examples against one interview, the drill suggests again as notes grow.
 */
const orders = new WeakMap<readonly ScoredItem[], { stages: ReadonlyArray<readonly ScoredItem[]>; sizes: number[]; order: Placed[] }>();
function choosingOrder(stages: ReadonlyArray<readonly ScoredItem[]>): Placed[] {
  const first = stages[0];
  const known = first && orders.get(first);
  if (known && known.stages.length === stages.length && known.stages.every((items, i) => items === stages[i] && known.sizes[i] === items.length)) return known.order;
  const order = stages
    .flatMap((items, stage) => items.map((item, position) => ({ item, stage, position })))
    .sort((a, b) => Number(Boolean(b.item.core)) - Number(Boolean(a.item.core)) || b.item.weight - a.item.weight || a.stage - b.stage || a.position - b.position);
  if (first) orders.set(first, { stages: [...stages], sizes: stages.map((items) => items.length), order });
  return order;
}

/** Where a suggestion's words were found: another stage's notes (its index), or a question put to the interviewer. */
export type EvidenceSource = number | 'asked';

/**
 * Per stage, item id -> where its suggestion's words are when they are not in that stage's own
 * notes, so that a phrase the screen shows is never one the user cannot find above it. Words
 * found nowhere (the diagram's comparison) get no entry.
 */
export function evidenceSources(suggestions: ReadonlyArray<ReadonlyMap<string, string>>, stageNotes: readonly string[], asked: readonly string[]): Array<Map<string, EvidenceSource>> {
  const notes = stageNotes.map((text) => text.toLowerCase());
  const questions = asked.map((text) => text.toLowerCase());
  return suggestions.map((suggested, stage) => {
    const sources = new Map<string, EvidenceSource>();
    for (const [id, phrase] of suggested) {
      const words = phrase.toLowerCase();
      if (notes[stage]?.includes(words)) continue;
      const other = notes.findIndex((text) => text.includes(words));
      if (other >= 0) sources.set(id, other);
      else if (questions.some((text) => text.includes(words))) sources.set(id, 'asked');
    }
    return sources;
  });
}
