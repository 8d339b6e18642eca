// The question of the day. Pure and deterministic: the same date and the same pool give the
// same id everywhere. Days are numbered from 1970-01-01; each run of poolSize days is a cycle
// that walks the whole pool in a shuffled order seeded by the cycle and the pool's ids, so no
// question repeats before every other has had its day.
import { dayNumber } from '../time.js';
import { sortedIds } from './filter.js';
import { seededRandom } from './random.js';

/** A Fisher-Yates shuffle of a copy of items. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    // A plain swap: a destructuring one allocates an array per step, 20x slower before V8 optimises.
    const item = out[i]!;
    out[i] = out[j]!;
    out[j] = item;
  }
  return out;
}

/** The order of the pool during one cycle: a seeded permutation of the ids, sorted first. */
function cycleOrder(sortedIds: readonly string[], cycle: number): string[] {
  return shuffled(sortedIds, seededRandom(`${cycle}\n${sortedIds.join('\n')}`));
}

/** The id of the question of the day for date among ids (any order; at least one): the pool. */
export function dailyId(ids: readonly string[], date: string): string {
  if (ids.length === 0) throw new Error('the daily pool is empty');
  const sorted = sortedIds(ids);
  const day = dayNumber(date);
  const size = sorted.length;
  const cycle = Math.floor(day / size);
  const position = day - cycle * size;
  const order = cycleOrder(sorted, cycle);
  // A new cycle must not open with the question that closed the last one: swap in the second.
  // With three or more questions the swap never changes a cycle's last day, so it stays local.
  if (size >= 3 && position <= 1 && order[0] === cycleOrder(sorted, cycle - 1)[size - 1]) {
    [order[0], order[1]] = [order[1]!, order[0]!];
  }
  return order[position]!;
}

