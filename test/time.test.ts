import { describe, expect, it } from 'vitest';
import { dateOfDay, dayNumber, localDate, localDateTime, localDayNumber, parseDate, zoneName } from '../src/time.js';
import { zoneOfEnv } from './helpers/fake-io.js';

describe('local dates', () => {
  // 2026-11-22 07:30 UTC is still the 21st in Los Angeles and already the 22nd in Tokyo.
  const instant = Date.UTC(2026, 10, 22, 7, 30);

  it('uses the given time zone, never UTC by accident', () => {
    expect(localDate(instant, 'America/Los_Angeles')).toBe('2026-11-21');
    expect(localDate(instant, 'Asia/Tokyo')).toBe('2026-11-22');
    expect(localDate(instant, 'UTC')).toBe('2026-11-22');
    expect(localDateTime(instant, 'Asia/Tokyo')).toBe('2026-11-22 16:30');
  });

  it('parses only real calendar days', () => {
    expect(parseDate('2026-02-28')).toEqual({ year: 2026, month: 2, day: 28 });
    for (const bad of ['2026-13-45', '2026-02-29', '2026-1-01', 'today', '', '0001-02-29', '0100-02-29']) expect(parseDate(bad)).toBeUndefined();
    // The first century is not the twentieth: 0001 is a year of its own, and 0004 a leap year.
    expect(parseDate('0001-01-01')).toEqual({ year: 1, month: 1, day: 1 });
    expect(parseDate('0004-02-29')).toEqual({ year: 4, month: 2, day: 29 });
  });

  it('numbers days across a leap day and back', () => {
    expect(dayNumber('2028-03-01') - dayNumber('2028-02-27')).toBe(3);
    expect(dateOfDay(dayNumber('2028-02-29'))).toBe('2028-02-29');
    expect(dateOfDay(dayNumber('0001-01-01'))).toBe('0001-01-01');
    expect(dayNumber('0099-12-31')).toBeLessThan(dayNumber('1900-01-01'));
  });
});

describe('the time zone from TZ', () => {
  it('takes a zone Intl knows, with or without the POSIX leading colon, and ignores one it does not', () => {
    expect(zoneOfEnv({ TZ: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    expect(zoneOfEnv({ TZ: ':America/Los_Angeles' })).toBe('America/Los_Angeles');
    expect(zoneOfEnv({ TZ: 'Mars/Olympus_Mons' })).toBeUndefined();
    expect(zoneOfEnv({})).toBeUndefined();
    expect(zoneName('Asia/Tokyo', Date.UTC(2026, 10, 22))).toBe('Asia/Tokyo');
  });

  it("gives, with no zone named, the dates of the process's own TZ, which Date follows: the same dates as Intl gives", () => {
    const saved = process.env.TZ;
    // Node re-reads TZ when it is assigned.
    process.env.TZ = ':Asia/Tokyo';
    try {
      const beforeTokyoMidnight = Date.UTC(2026, 10, 21, 14, 59);
      expect(localDateTime(beforeTokyoMidnight)).toBe('2026-11-21 23:59');
      expect(localDate(beforeTokyoMidnight + 60_000)).toBe(localDate(beforeTokyoMidnight + 60_000, 'Asia/Tokyo'));
      expect(localDate(beforeTokyoMidnight + 60_000, 'Europe/Paris')).toBe('2026-11-21');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("numbers local days as dayNumber(localDate(...)) does, across a DST change and New Year's Eve", () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      // Hourly through the night of 2026-11-01 (clocks go back at 2am) and New Year's Eve.
      const instants = [Date.UTC(2026, 10, 1, 5), Date.UTC(2026, 11, 31, 20)].flatMap((start) => Array.from({ length: 12 }, (_, h) => start + h * 3_600_000));
      for (const ms of instants) {
        expect(localDayNumber(ms)).toBe(dayNumber(localDate(ms)));
        expect(localDayNumber(ms)).toBe(dayNumber(localDate(ms, 'America/Los_Angeles')));
        expect(localDayNumber(ms, 'Asia/Tokyo')).toBe(dayNumber(localDate(ms, 'Asia/Tokyo')));
      }
      expect(dateOfDay(localDayNumber(Date.UTC(2027, 0, 1, 7, 59)))).toBe('2026-12-31');
      expect(dateOfDay(localDayNumber(Date.UTC(2027, 0, 1, 8)))).toBe('2027-01-01');
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('names a TZ that Date follows but Intl cannot name by its offset, never undefined', () => {
    const saved = process.env.TZ;
    const instant = Date.UTC(2026, 11, 6, 10);
    try {
      for (const [tz, name, local] of [['JST-9', 'UTC+09:00', '2026-12-06 19:00'], ['UTC+9', 'UTC-09:00', '2026-12-06 01:00'], ['Mars/Olympus_Mons', 'UTC', '2026-12-06 10:00'], ['', 'UTC', '2026-12-06 10:00']]) {
        process.env.TZ = tz;
        expect([zoneName(undefined, instant), localDateTime(instant)]).toEqual([name, local]);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('formats the system zone the same way with or without Intl', () => {
    const instant = Date.UTC(2026, 10, 22, 7, 30);
    const system = zoneName(undefined, instant);
    expect(localDateTime(instant)).toBe(localDateTime(instant, system));
    expect(localDate(instant)).toBe(localDate(instant, system));
  });
});
