// Text from files, paths, history lines and arguments is untrusted: it must not move the
// cursor, retitle the window, write the clipboard or reorder itself once it reaches a terminal
// or a document. stripControl is the one sanitiser; the output streams (src/io.ts) run every
// write through it, keeping only the colour that src/ui/colour.ts adds.

// ESC-introduced sequences (CSI; OSC to BEL or ST; DCS, SOS, PM and APC strings to ST; and the
// short escapes such as ESC c, which resets the terminal) or a lone ESC; their one-byte C1 forms
// (CSI, OSC); C0 controls other than tab and newline, DEL, other C1 controls; bidirectional
// embeddings, overrides and isolates, which reorder the text after them on screen.
// eslint-disable-next-line no-control-regex
const UNSAFE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[ -/]*[0-~])?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const ANY_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** What lint refuses in a value: ANY_UNSAFE and the zero-width characters (spaces, joiners, marks, the BOM). */
// eslint-disable-next-line no-control-regex
const REFUSED_OR_INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2060\ufeff]/;
/** Select Graphic Rendition: colour and weight, all that the colour module writes. */
// eslint-disable-next-line no-control-regex
const STYLE = /^\u001b\[[0-9;]*m$/;

/** The column (1-based) of the first control character or sequence in a line, or 0 when it has none. */
export function controlColumn(line: string): number {
  const at = line.search(ANY_UNSAFE);
  return at === -1 || (line[at] === '\r' && at === line.length - 1) ? 0 : at + 1;
}

/**
 * Removes terminal control sequences, control characters and bidirectional overrides, keeping
 * tabs and newlines (a CRLF becomes a newline). With keepStyle, colour sequences stay: for the
 * output streams, which carry what the colour module painted.
 */
export function stripControl(text: string, options: { keepStyle?: boolean } = {}): string {
  if (!ANY_UNSAFE.test(text)) return text;
  const keep = options.keepStyle ? (match: string) => (STYLE.test(match) ? match : '') : () => '';
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, keep);
}

/** Text without the byte order mark some editors put at its start (JSON and Markdown readers choke on it or show it). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * stripControl for text that must stay on one line of plain output (a prompt written as YAML
 * paragraphs, in the three lines of `--plain`): every run of whitespace, newlines included, is one space.
 */
export function flatten(text: string): string {
  return stripControl(text).replace(/\s+/g, ' ').trim();
}

/**
 * stripControl for a field of a line-oriented report (a file name, a message): a newline or tab
 * that a file name or a quoted key holds is shown as `\n` or `\t` (two characters), so it cannot split a row
 * or start what reads as another one.
 */
export function oneLine(text: string): string {
  return stripControl(text).replace(/\n/g, '\\n').replace(/\t/g, '\\t');
}

/**
 * A file's name in a line of a report (`file:line:col`, lint's heading of a file): its control
 * characters spelled out (`\u001b`, `\n`), not removed. Stripped, `a<ESC>[2Kb.yaml` would read
 * as the file `ab.yaml`, and a newline in a name would start what reads as another line.
 */
export function fileShown(file: string): string {
  return oneLine(showControl(file));
}

/** A word for a POSIX shell (bash, zsh) to read back unchanged: always single-quoted. */
export function posixQuote(word: string): string {
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A word as typed in a command line shown to the user: bare when no shell would change it. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./~-]+$/.test(word) && !word.startsWith('~') ? word : posixQuote(word);
}

/**
 * A template tag that sanitises every interpolated value and trusts the literal parts:
 * safe`${file}:${line}: ${message}`. For lines built from untrusted text before they are styled.
 */
export function safe(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += stripControl(String(values[i])) + strings[i + 1]!;
  return out;
}

/**
 * The widest of the texts by `measure` (the columns they take by default), 0 for none. A loop, not
 * Math.max(...spread): a spread of some 120,000 values overflows the stack, and a history or a
 * lint run can hold that many rows.
 */
export function widest(texts: Iterable<string>, measure: (text: string) => number = visibleLength): number {
  let most = 0;
  for (const text of texts) most = Math.max(most, measure(text));
  return most;
}

/**
 * How many columns text takes on a terminal, ignoring colour and other control sequences: a
 * wide character (CJK, fullwidth forms, most emoji) takes two, a combining mark or joiner none.
 * The one measure of width: Inquirer breaks every line of a screen by the columns it takes, so
 * a layout that counted characters would come out taller than it planned, its top scrolled away.
 */
export function visibleLength(text: string): number {
  const plain = stripControl(text);
  if (PRINTABLE_ASCII.test(plain)) return plain.length;
  let used = 0;
  let previous = 0;
  for (const char of plain) {
    const size = charColumns(char, previous);
    used += size;
    previous = size;
  }
  return used;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** Takes no column: combining and enclosing marks, variation selectors, joiners and other format characters. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}]$/u;
const EMOJI = /^\p{Emoji_Presentation}$/u;
/** The East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth.txt, by block): Hangul, CJK, kana, Yi, fullwidth forms. */
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa000, 0xa4cf],
  [0xa960, 0xa97f], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f], [0xff00, 0xff60],
  [0xffe0, 0xffe6], [0x16fe0, 0x18cff], [0x1aff0, 0x1b2ff], [0x1f200, 0x1f2ff], [0x20000, 0x3fffd],
];

/**
 * The columns one character (code point) takes after one that took `previous`: 2 for a wide
 * one, 0 for a mark or joiner, 1 otherwise; a variation selector 16 turns the 1-column symbol
 * before it into a 2-column emoji (❤️), as terminals and Inquirer count it. Emoji sequences
 * joined by ZWJ count each part: more than a terminal shows, never less, so a line still fits.
 */
function charColumns(char: string, previous: number): number {
  const code = char.codePointAt(0)!;
  if (code < 0x7f) return 1;
  if (code === 0xfe0f) return previous === 1 ? 1 : 0;
  if (ZERO_WIDTH.test(char)) return 0;
  if (code < 0x1100) return 1;
  for (const [from, to] of WIDE_RANGES) if (code >= from && code <= to) return 2;
  return EMOJI.test(char) ? 2 : 1;
}

/**
 * Text padded with spaces to `width` columns (as visibleLength counts them): String#padEnd
 * counts UTF-16 units, so a row with a CJK title or an emoji would push the columns after it.
 */
export function padColumns(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}

/**
 * JSON for output: JSON.stringify escapes C0 controls but leaves DEL, C1 controls and
 * bidirectional overrides raw; here they are escaped too, so the data survives and the
 * terminal sees nothing it would act on. indent 0: one line, as a history line is written.
 */
export function jsonText(value: unknown, indent = 2): string {
  return `${JSON.stringify(value, null, indent).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, escapeOf)}\n`;
}

/** `\u202e`: a character as a JSON or JavaScript escape. */
const escapeOf = (char: string): string => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * A value quoted in a message with its control, bidirectional and zero-width characters shown as
 * escapes rather than removed at output: "ads" with a U+202E after it would otherwise read as
 * "ads", a value that looks allowed.
 */
export function showControl(text: string): string {
  return text.replace(new RegExp(REFUSED_OR_INVISIBLE.source, 'g'), escapeOf);
}

/**
 * Finds the first character in text that lint refuses: a control character (other than tab
 * and newline), a bidirectional override or, with `invisible`, a zero-width character. A
 * carriage return counts: YAML turns CRLF line ends into newlines, so one left in a value was
 * escaped on purpose, and it can overwrite a terminal line.
 */
export function findControl(text: string, options: { invisible?: boolean } = {}): { index: number; char: string } | undefined {
  const match = (options.invisible ? REFUSED_OR_INVISIBLE : ANY_UNSAFE).exec(text);
  return match ? { index: match.index, char: match[0] } : undefined;
}

/**
 * What findControl refuses in text, worded for a finding ("contains the control character
 * U+001B; remove it (…)"), or undefined when it holds none.
 */
export function controlProblem(text: string, options: { invisible?: boolean } = {}): string | undefined {
  const found = findControl(text, options);
  if (!found) return undefined;
  const code = `U+${found.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const why = /[\u202a-\u202e\u2066-\u2069]/.test(found.char)
    ? `the bidirectional override ${code}, which reorders the text on screen`
    : /[\u200b-\u200f\u2060\ufeff]/.test(found.char) ? `the invisible character ${code}, so it is not what it looks like` : `the control character ${code}`;
  return `contains ${why}; remove it (terminal escape sequences and invisible characters are not allowed)`;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * Orders strings by code point: the same on every machine and locale, and free of the dozen
 * milliseconds that String#localeCompare's first call spends loading a collator.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The candidates closest to input, best first; only plausible ones. Case does not count
 * (`QUERY-AUTOCOMPLETE` is `query-autocomplete` typed with Caps Lock on), so the measure is
 * taken between lower-cased names.
 */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(input.length / 3));
  const typed = input.toLowerCase();
  return [...candidates]
    .map((candidate) => {
      const known = candidate.toLowerCase();
      const distance = editDistance(typed, known);
      // One name inside the other is a near match, unless the inner one is too short to mean
      // anything there ("id" is inside "guidance").
      const partial = (typed.length >= 3 && known.includes(typed)) || (known.length >= 3 && typed.includes(known)) || wordsMatch(typed, known);
      return { candidate, score: partial ? Math.min(distance, 1) : distance };
    })
    .filter(({ score }) => score <= limit)
    .sort((x, y) => x.score - y.score || compareText(x.candidate, y.candidate))
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

/**
 * A name typed by its words: each typed word begins one of the name's words, in order, or shares
 * its first three letters with it (`llm-serving`, `video-recs` for `video-game-recommendations`),
 * or by the initials of a name of three words or more (`pymk` for `people-you-may-know`).
 */
function wordsMatch(typed: string, known: string): boolean {
  const split = (name: string) => name.split(/[-_. ]+/).filter(Boolean);
  const knownWords = split(known);
  const typedWords = split(typed);
  // Nothing typed (`show ''`) is like no name, not like every one.
  if (typedWords.length === 0) return false;
  if (typedWords.length === 1) return typed.length >= 3 && knownWords.length >= 3 && typed === knownWords.map((word) => word[0]).join('');
  let at = 0;
  for (const word of typedWords) {
    const sharesStart = (other: string) => other.startsWith(word) || (word.length >= 3 && other.slice(0, 3) === word.slice(0, 3));
    while (at < knownWords.length && !sharesStart(knownWords[at]!)) at++;
    if (at === knownWords.length) return false;
    at++;
  }
  return true;
}

/** `"a"`, `"a" and "b"`, `"a", "b" and "c"` */
export function quotedList(names: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  const all = names.map((name) => `"${name}"`);
  return all.length < 2 ? all.join('') : `${all.slice(0, -1).join(', ')} ${conjunction} ${all[all.length - 1]}`;
}

/**
 * The one way to suggest a name: `did you mean "a" or "b"?`, then the known names
 * (`known rubrics: x, y`; the label brings its own colon) when there is no suggestion, or always with `always`; '' for neither.
 */
export function didYouMean(suggestions: readonly string[], known?: { label: string; names: readonly string[]; always?: boolean }): string {
  const parts = suggestions.length ? [`did you mean ${quotedList(suggestions, 'or')}?`] : [];
  if (known && (known.always || parts.length === 0)) parts.push(`${known.label} ${known.names.join(', ') || 'none'}`);
  return parts.join(' ');
}

/** `did you mean the command x, or the question y?`: suggestions of several kinds, each worded by the caller; '' for none. */
export function didYouMeanPhrases(phrases: readonly string[]): string {
  return phrases.length ? `did you mean ${phrases.join(', or ')}?` : '';
}

const TAB_STOP = 8;

/** Tabs as the spaces to the next tab stop (every 8 columns): a screen that counts its columns cannot count a tab's. */
export function expandTabs(text: string): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let column = 0;
  for (const part of text.split(/(\t)/)) {
    if (part === '\t') {
      const spaces = TAB_STOP - (column % TAB_STOP);
      out += ' '.repeat(spaces);
      column += spaces;
    } else {
      out += part;
      column += visibleLength(part);
    }
  }
  return out;
}

/**
 * Wraps text to width, keeping existing line breaks; colour codes in it take no columns. A word
 * wider than a whole line is broken inside (by breakLine): text in Chinese or Japanese has no
 * spaces, so a sentence would otherwise be one word the terminal wraps, or a screen cuts.
 */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  const room = Math.max(1, width - indent.length);
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const whole of paragraph.split(/\s+/).filter(Boolean)) {
      const columns = visibleLength(whole);
      const pieces = columns > room ? breakLine(whole, room) : [whole];
      for (const piece of pieces.slice(0, -1)) {
        if (line) lines.push(indent + line);
        lines.push(indent + piece);
        line = '';
        used = 0;
      }
      const word = pieces.at(-1)!;
      const size = pieces.length === 1 ? columns : visibleLength(word);
      if (line && indent.length + used + 1 + size > width) {
        lines.push(indent + line);
        line = word;
        used = size;
      } else {
        used = line ? used + 1 + size : size;
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(indent + line);
  }
  return lines;
}

/** Seconds as m:ss (or h:mm:ss), never negative. */
export function clock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${String(m).padStart(2, '0')}:${s}`;
}

/** Text cut to `width` columns (as visibleLength counts them), the last an ellipsis. */
export function cut(text: string, width: number): string {
  return visibleLength(text) > width ? `${sliceColumns(text, Math.max(1, width - 1))}…` : text;
}

/** The start of text that fits in `width` columns (as visibleLength counts them), with no mark of the cut. */
export function sliceColumns(text: string, width: number): string {
  const units = [...text];
  return units.slice(0, fitEnd(units, 0, width, false)).join('');
}

/** A line's colour sequences (no width) and characters (code points), in order. */
// eslint-disable-next-line no-control-regex
const styledUnits = (line: string): string[] => line.match(/\u001b\[[0-9;]*m|[\s\S]/gu) ?? [];
const isStyle = (unit: string) => unit.length > 1 && unit.startsWith('\u001b');

/**
 * Where the units from `from` that fit in `room` columns end, as an index into units (colour
 * sequences, marks and joiners after the last that fits included, so a character is never parted
 * from its accent). At least one character when `atLeastOne`, for a room narrower than a wide one.
 */
function fitEnd(units: readonly string[], from: number, room: number, atLeastOne: boolean): number {
  let used = 0;
  let previous = 0;
  let end = from;
  for (; end < units.length; end++) {
    const unit = units[end]!;
    if (isStyle(unit)) continue;
    const size = charColumns(unit, previous);
    if (used + size > room && !(atLeastOne && used === 0)) break;
    used += size;
    previous = size;
  }
  return end;
}

/**
 * One line of a screen within `width` columns, its colours kept: cut with an ellipsis, and the
 * style reset after the cut so that it does not run on. A line the terminal wraps itself breaks
 * words and makes a screen taller than its layout counted.
 */
export function fitLine(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  const units = styledUnits(line);
  const end = fitEnd(units, 0, width - 1, false);
  // The colours after the cut still apply to the ellipsis, as they did when every unit was kept.
  const styles = units.slice(end).filter(isStyle);
  return `${units.slice(0, end).join('')}${styles.join('')}…${line.includes('\u001b') ? '\u001b[0m' : ''}`;
}

/**
 * A line broken into lines of at most `width` columns, its colours kept: at the last space that
 * fits, or inside a word longer than the width. Lines after the first start with `indent`.
 */
export function breakLine(line: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  const units = styledUnits(line);
  // Read by index, never sliced off the front: a pasted line of 100,000 characters with no space
  // is 1,000 lines of a screen, and slicing what is left for each of them took seconds.
  let start = 0;
  let lead = '';
  let room = width;
  for (;;) {
    // The unit after the last one that fits, and the last space before it.
    const end = fitEnd(units, start, room, true);
    if (end === units.length) break;
    let space = -1;
    for (let i = end; i > start; i--) if (units[i] === ' ') { space = i; break; }
    let text = false;
    for (let i = start; i < space && !text; i++) text = !isStyle(units[i]!) && units[i] !== ' ';
    const at = text ? space : end;
    lines.push(lead + units.slice(start, at).join('').trimEnd());
    start = at;
    while (units[start] === ' ') start++;
    lead = indent;
    // At least one column after the indent, or lines of the indent alone would never end.
    room = Math.max(1, width - visibleLength(indent));
  }
  lines.push(lead + units.slice(start).join(''));
  return lines;
}

/** `day` or `days` by count: the word alone, plural by adding s unless `many` is given (`entries`). */
export function pluralOf(count: number, word: string, many = `${word}s`): string {
  return count === 1 ? word : many;
}

/** `1 day`, `3 days`: a count with its word (pluralOf). */
export function plural(count: number, word: string, many?: string): string {
  return `${count} ${pluralOf(count, word, many)}`;
}
