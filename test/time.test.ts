import { describe, expect, it } from 'vitest';
import { daysBetween, localDate, localDateTime, parseDate, timeZoneFrom, zoneName } from '../src/time.js';

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
    for (const bad of ['2026-13-45', '2026-02-29', '2026-1-01', 'today', '']) expect(parseDate(bad)).toBeUndefined();
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-02-27', '2026-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});

describe('the time zone from TZ', () => {
  it('takes a zone Intl knows, with or without the POSIX leading colon, and ignores one it does not', () => {
    expect(timeZoneFrom({ TZ: 'Asia/Tokyo' })).toBe('Asia/Tokyo');
    expect(timeZoneFrom({ TZ: ':America/Los_Angeles' })).toBe('America/Los_Angeles');
    expect(timeZoneFrom({ TZ: 'Mars/Olympus_Mons' })).toBeUndefined();
    expect(timeZoneFrom({})).toBeUndefined();
    expect(zoneName('Asia/Tokyo')).toBe('Asia/Tokyo');
  });

  it("leaves the process's own TZ to Date, which already uses it: the same dates as Intl gives", () => {
    const saved = process.env.TZ;
    // Node re-reads TZ when it is assigned.
    process.env.TZ = ':Asia/Tokyo';
    try {
      expect(timeZoneFrom({ TZ: ':Asia/Tokyo' })).toBeUndefined();
      expect(timeZoneFrom({ TZ: 'Europe/Paris' })).toBe('Europe/Paris');
      const beforeTokyoMidnight = Date.UTC(2026, 10, 21, 14, 59);
      expect(localDateTime(beforeTokyoMidnight, timeZoneFrom({ TZ: ':Asia/Tokyo' }))).toBe('2026-11-21 23:59');
      expect(localDate(beforeTokyoMidnight + 60_000, timeZoneFrom({ TZ: ':Asia/Tokyo' }))).toBe(localDate(beforeTokyoMidnight + 60_000, 'Asia/Tokyo'));
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('formats the system zone the same way with or without Intl', () => {
    const instant = Date.UTC(2026, 10, 22, 7, 30);
    const system = zoneName();
    expect(localDateTime(instant)).toBe(localDateTime(instant, system));
    expect(localDate(instant)).toBe(localDate(instant, system));
  });
});
