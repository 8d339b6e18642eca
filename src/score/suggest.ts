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

export function suggestFromNotes(items: readonly ScoredItem[], notes: string): Set<string> {
  return new Set(items.filter((item) => item.keywords?.some((keyword) => mentions(notes, keyword))).map((item) => item.id));
}
