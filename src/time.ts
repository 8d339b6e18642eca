// Calendar dates in the user's time zone: the process's own (TZ, which Date follows), or one
// named through Intl (Io.timeZone), so tests can pick one without touching the process.

/** A year of seconds: no drill runs longer, and sums of many sessions stay readable. */
const MAX_DRILL_SECONDS = 366 * 24 * 3600;
/** A finite, non-negative number of seconds up to MAX_DRILL_SECONDS: a budget, a time used, a moment in a stage. */
export const isDrillSeconds = (value: unknown): value is number => typeof value === 'number' && value >= 0 && value <= MAX_DRILL_SECONDS;
const MIN_DRILL_INSTANT = Date.UTC(2000, 0, 1);
const MAX_DRILL_INSTANT = Date.UTC(2201, 0, 1);
/**
 * Epoch milliseconds in the years 2000 to 2200: anything else was not written by a drill. The
 * range a history record (src/store/record.ts) and a checkpoint (src/session/engine.ts) hold.
 */
export const isDrillInstant = (ms: unknown): ms is number => typeof ms === 'number' && ms >= MIN_DRILL_INSTANT && ms < MAX_DRILL_INSTANT;
/**
 * How many hints a stage can have shown, in a record or a checkpoint: a whole number up to far
 * more than any stage has. 1e300 would be shown ("1e+300 hints") and summed like a real count.
 */
export const isHintCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1000;

// Building a formatter costs far more than using one; stats format thousands of instants.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(kind: 'date' | 'datetime', timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone ?? ''}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit',
      ...(kind === 'datetime' ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, format);
  }
  return format;
}

function parts(kind: 'date' | 'datetime', ms: number, timeZone: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of formatter(kind, timeZone).formatToParts(new Date(ms))) out[part.type] = part.value;
  return out;
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * In the system's zone, Date's own local fields give the same answer as Intl without its
 * start-up cost (a dozen milliseconds, a tenth of a `history` run).
 */
function systemParts(ms: number): Record<string, string> {
  const date = new Date(ms);
  return { year: String(date.getFullYear()).padStart(4, '0'), month: two(date.getMonth() + 1), day: two(date.getDate()), hour: two(date.getHours()), minute: two(date.getMinutes()) };
}

/** The local calendar date (YYYY-MM-DD) of an instant, in timeZone (default: the system's). */
export function localDate(ms: number, timeZone?: string): string {
  const get = timeZone ? parts('date', ms, timeZone) : systemParts(ms);
  return `${get.year}-${get.month}-${get.day}`;
}

/** The local date and time (YYYY-MM-DD HH:MM) of an instant, in timeZone. */
export function localDateTime(ms: number, timeZone?: string): string {
  const get = timeZone ? parts('datetime', ms, timeZone) : systemParts(ms);
  return `${get.year}-${get.month}-${get.day} ${get.hour}:${get.minute}`;
}

/** Parses a strict YYYY-MM-DD that names a real calendar day; undefined otherwise. */
export function parseDate(text: string): { year: number; month: number; day: number } | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(utcMidnight(year, month, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/** The date (YYYY-MM-DD) as a count of days since 1970-01-01. */
export function dayNumber(date: string): number {
  return utcMidnight(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))) / 86_400_000;
}

/** Midnight UTC of a calendar day (month from 1); Date.UTC would read the years 0-99 as 1900-1999. */
function utcMidnight(year: number, month: number, day: number): number {
  const date = new Date(0);
  return date.setUTCFullYear(year, month - 1, day);
}

/** The date (YYYY-MM-DD) of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** One Date for localDayNumber to ask offsets of, rather than one per session. */
const scratch = new Date(0);

/** dayNumber(localDate(ms, timeZone)): the local day of an instant, as a number. */
export function localDayNumber(ms: number, timeZone?: string): number {
  return localDayOfMinute(Math.floor(ms / 60_000), timeZone);
}

/**
 * The local day of the instant that starts this whole minute since the epoch (every zone's
 * offset since 1972 is whole minutes, so the minute's day is its every instant's). Stats turns
 * every session's start into one: in the system's zone it is the minute moved by the zone's
 * offset then, a fraction of the work of the date's text, and in numbers small enough that a
 * run over ten thousand sessions allocates next to nothing.
 */
export function localDayOfMinute(minute: number, timeZone?: string): number {
  if (timeZone) return dayNumber(localDate(minute * 60_000, timeZone));
  scratch.setTime(minute * 60_000);
  return Math.floor((minute - scratch.getTimezoneOffset()) / 1440);
}


/**
 * The IANA name of timeZone, or of the system's zone when it is undefined. A TZ that Intl cannot
 * name but Date follows (POSIX's `JST-9`, `UTC+9`; Intl says undefined, or Etc/Unknown for an
 * empty TZ) is named by Date's offset at the instant `at`, such as `UTC+09:00`.
 */
export function zoneName(timeZone: string | undefined, at: number): string {
  const name = formatter('date', timeZone).resolvedOptions().timeZone as string | undefined;
  if (name && name !== 'Etc/Unknown') return name;
  scratch.setTime(at);
  const east = -scratch.getTimezoneOffset();
  if (east === 0) return 'UTC';
  const minutes = Math.abs(east);
  return `UTC${east > 0 ? '+' : '-'}${two(Math.floor(minutes / 60))}:${two(minutes % 60)}`;
}
