import { describe, expect, it } from 'vitest';
import { dailyPick, shuffledPositions } from '../src/select/daily.js';
import { sortedPool } from '../src/select/filter.js';
import { dayNumber } from '../src/time.js';
import { hashText } from '../src/hash.js';
import { seededRandom } from '../src/select/random.js';

/** The id of the question of the day for date among ids (any order). */
const dailyId = (ids: readonly string[], date: string) => dailyPick(sortedPool(ids), date);
const pool = (size: number) => Array.from({ length: size }, (_, i) => `q-${String(i).padStart(3, '0')}`);
/** The date `days` after 1970-01-01. */
const dateOf = (days: number) => new Date(days * 86_400_000).toISOString().slice(0, 10);

describe('seeded randomness', () => {
  it('gives the same numbers for the same seed, on every machine', () => {
    // Fixed values: a change here changes every user's question of the day and --seed pick.
    expect(hashText('')).toBe(0x811c9dc5);
    expect(hashText('mldrill')).toBe(hashText('mldrill'));
    expect(hashText('a')).not.toBe(hashText('b'));
    const first = seededRandom(7);
    const second = seededRandom(7);
    const numbers = Array.from({ length: 5 }, () => first());
    expect(Array.from({ length: 5 }, () => second())).toEqual(numbers);
    expect(numbers.every((n) => n >= 0 && n < 1)).toBe(true);
  });

  it('shuffles positions into a permutation', () => {
    const identity = Array.from({ length: 20 }, (_, i) => i);
    const result = [...shuffledPositions(20, seededRandom(1))];
    expect([...result].sort((a, b) => a - b)).toEqual(identity);
    expect(result).not.toEqual(identity);
    expect([...shuffledPositions(20, seededRandom(1))]).toEqual(result);
  });

  it('hashes a text in parts as it hashes the whole', () => {
    expect(hashText('pool', hashText('7\n'))).toBe(hashText('7\npool'));
  });
});

describe('the question of the day', () => {
  it('is a fixed function of the date and the pool (golden values)', () => {
    const ids = pool(5);
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2026-11-22')).toBe(20_779);
    // Pinned so that an accidental change to the algorithm, which would change the question
    // everyone's cron job posts, fails here first.
    expect(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'].map((date) => dailyId(ids, date))).toMatchInlineSnapshot(`
      [
        "q-002",
        "q-000",
        "q-001",
        "q-003",
        "q-002",
      ]
    `);
  });

  it('does not depend on the order the pool comes in', () => {
    const ids = pool(12);
    const reversed = [...ids].reverse();
    for (let day = 20_000; day < 20_030; day++) expect(dailyId(reversed, dateOf(day))).toBe(dailyId(ids, dateOf(day)));
  });

  it.each([1, 2, 3, 7, 41, 100])('walks the whole pool of %i before any question repeats', (size) => {
    const ids = pool(size);
    // Several cycles, each starting on a multiple of the pool size.
    for (const cycle of [0, 1, 2, 185, Math.floor(20_779 / size)]) {
      const days = Array.from({ length: size }, (_, i) => dailyId(ids, dateOf(cycle * size + i)));
      expect(new Set(days).size).toBe(size);
    }
  });

  it('walks the pool in a different order each cycle', () => {
    const ids = pool(30);
    const cycle = (n: number) => Array.from({ length: 30 }, (_, i) => dailyId(ids, dateOf(n * 30 + i)));
    expect(cycle(680)).not.toEqual(cycle(681));
  });

  it('never gives the same question two days running, across cycle boundaries too', () => {
    for (const size of [2, 3, 4, 5, 10]) {
      const ids = pool(size);
      let previous = dailyId(ids, dateOf(0));
      for (let day = 1; day < size * 60; day++) {
        const today = dailyId(ids, dateOf(day));
        expect(today, `pool ${size}, day ${day}`).not.toBe(previous);
        previous = today;
      }
    }
  });

  it('changes with the pool: a filter or a new question gives another order', () => {
    const ids = pool(10);
    const days = (list: string[]) => Array.from({ length: 10 }, (_, i) => dailyId(list, dateOf(20_775 + i)));
    expect(days([...ids, 'q-new'])).not.toEqual(days(ids));
  });

  it('handles dates before 1970', () => {
    const ids = pool(4);
    const days = Array.from({ length: 4 }, (_, i) => dailyId(ids, dateOf(-4 + i)));
    expect(new Set(days).size).toBe(4);
  });
});
