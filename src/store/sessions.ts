// Reading sessions out of the history: order, totals and lookup by id. Pure.
import { NoSessionsError, NotFoundError, UnknownIdError } from '../errors.js';
import { editDistance } from '../text.js';
import type { SessionSummary } from './record.js';

/** Active seconds over every stage (pauses excluded). */
export function usedSecondsOf(record: SessionSummary): number {
  return record.stages.reduce((sum, stage) => sum + stage.usedSeconds, 0);
}

/** Oldest first by start time; sessions that started together keep their order in the file. */
function oldestFirst<T extends SessionSummary>(records: readonly T[]): T[] {
  return records
    .map((record, index) => ({ record, index, at: Date.parse(record.startedAt) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ record }) => record);
}

function newestFirst<T extends SessionSummary>(records: readonly T[]): T[] {
  return oldestFirst(records).reverse();
}

/**
 * The item whose id is ref, else the one item whose id starts with ref; undefined when none
 * does, and a NotFoundError naming a few when several do.
 */
export function byIdOrPrefix<T extends { id: string }>(items: readonly T[], ref: string): T | undefined {
  const exact = items.find((item) => item.id === ref);
  if (exact || !ref) return exact;
  const prefixed = items.filter((item) => item.id.startsWith(ref));
  if (prefixed.length > 1) {
    throw new NotFoundError(`"${ref}" starts ${prefixed.length} session ids (${prefixed.slice(0, 3).map((item) => item.id).join(', ')}${prefixed.length > 3 ? ', …' : ''}); give more of the id`);
  }
  return prefixed[0];
}

/**
 * The session named by ref: `last` (the newest), an exact id, or a prefix of exactly one id.
 * Otherwise a NotFoundError that suggests the closest ids.
 */
export function findSession<T extends SessionSummary>(records: readonly T[], ref: string): T {
  if (records.length === 0) throw new NoSessionsError();
  if (ref === 'last') return newestFirst(records)[0]!;
  const found = byIdOrPrefix(records, ref);
  if (found) return found;
  const ids = newestFirst(records).map((record) => record.id);
  // Ids share their date and time digits, so only near misses (a typo or two) are worth naming.
  const suggestions = ids
    .map((id) => ({ id, distance: editDistance(ref, id) }))
    .filter(({ distance }) => distance <= 3)
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map(({ id }) => id);
  throw new UnknownIdError('session', ref, suggestions);
}
