// Suggestions for the self-assessment: checklist items whose keywords appear in the notes of
// their stage. Suggestions only pre-tick; the user confirms or unticks them.
import type { ScoredItem } from './score.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether phrase occurs in text as whole words (case-insensitive). */
export function mentions(text: string, phrase: string): boolean {
  const needle = phrase.trim().toLowerCase();
  if (!needle) return false;
  return new RegExp(`(^|[^\\p{L}\\p{N}])${escape(needle)}($|[^\\p{L}\\p{N}])`, 'u').test(text.toLowerCase());
}

/** The ids to pre-tick; `evidence` holds, per id, the words of the notes that suggested it. */
export type Suggestions = Set<string> & { evidence: Map<string, string> };

export function suggestFromNotes(items: readonly ScoredItem[], notes: string): Suggestions {
  const evidence = new Map<string, string>();
  for (const item of items) {
    const keyword = item.keywords?.find((candidate) => mentions(notes, candidate));
    if (keyword !== undefined) evidence.set(item.id, quoted(notes, keyword));
  }
  return Object.assign(new Set(evidence.keys()), { evidence });
}

/** The phrase as the notes spell it (their case), at the first whole-word occurrence. */
function quoted(notes: string, phrase: string): string {
  const needle = phrase.trim();
  const found = new RegExp(`(?:^|[^\\p{L}\\p{N}])(${escape(needle)})(?:$|[^\\p{L}\\p{N}])`, 'iu').exec(notes);
  return found?.[1] ?? needle;
}
