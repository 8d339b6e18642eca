// The question of the day. Pure and deterministic: the same date and the same pool give the
// same id everywhere. Days are numbered from 1970-01-01; each run of poolSize days is a cycle
// that walks the whole pool in a shuffled order seeded by the cycle and the pool's ids, so no
// question repeats before every other has had its day, nor two days running.
import { dayNumber } from '../time.js';
import type { IdText } from '../bank/catalog.js';
import { hashText } from '../hash.js';
import { seededRandom } from './random.js';

/** A Fisher-Yates shuffle of the positions 0..size-1. */
export function shuffledPositions(size: number, random: () => number): Int32Array {
  const out = new Int32Array(size);
  for (let i = 0; i < size; i++) out[i] = i;
  for (let i = size - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    // A plain swap: a destructuring one allocates an array per step, far slower before V8 optimises.
    const item = out[i]!;
    out[i] = out[j]!;
    out[j] = item;
  }
  return out;
}

/**
 * The order of the pool during one cycle: a permutation of its positions seeded by the hash of
 * `${cycle}\n` followed by the ids joined by newlines, hashed in two steps so that a bank of ten
 * thousand ids is never copied into one more string.
 */
function cycleOrder(pool: IdText, cycle: number): Int32Array {
  return shuffledPositions(pool.size, seededRandom(hashText(pool.joined, hashText(`${cycle}\n`))));
}

/** The question of the day for date in a pool (at least one id). */
export function dailyPick(pool: IdText, date: string): string {
  if (pool.size === 0) throw new Error('the daily pool is empty');
  const day = dayNumber(date);
  const size = pool.size;
  const cycle = Math.floor(day / size);
  const position = day - cycle * size;
  // Two questions can only take turns: a cycle in any other order than the last one's would
  // open with the question that closed it. So every cycle keeps the first cycle's order.
  if (size === 2) return pool.id(cycleOrder(pool, 0)[position]!);
  const order = cycleOrder(pool, cycle);
  // A new cycle must not open with the question that closed the last one: its first two days
  // trade places. With three or more questions that never touches a cycle's last day.
  if (size >= 3 && position <= 1 && order[0] === cycleOrder(pool, cycle - 1)[size - 1]) return pool.id(order[1 - position]!);
  return pool.id(order[position]!);
}
