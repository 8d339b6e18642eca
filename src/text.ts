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
 * The widest of the texts by `measure` (length by default), 0 for none. A loop, not
 * Math.max(...spread): a spread of some 120,000 values overflows the stack, and a history or a
 * lint run can hold that many rows.
 */
export function widest(texts: Iterable<string>, measure: (text: string) => number = (text) => text.length): number {
  let most = 0;
  for (const text of texts) most = Math.max(most, measure(text));
  return most;
}

/**
 * Characters a terminal draws two columns wide (East Asian Wide and Fullwidth: CJK, kana,
 * Hangul, fullwidth forms, most emoji). Counted as one, a line of them ran past the edge: the
 * terminal wrapped it, the screen grew taller than its layout, and each redraw left a copy of the
 * stage's header in the scrollback.
 */
const WIDE = /[\u1100-\u115f\u231a\u231b\u2329\u232a\u23e9-\u23ec\u23f0\u23f3\u25fd\u25fe\u2614\u2615\u2648-\u2653\u267f\u2693\u26a1\u26aa\u26ab\u26bd\u26be\u26c4\u26c5\u26ce\u26d4\u26ea\u26f2\u26f3\u26f5\u26fa\u26fd\u2705\u270a\u270b\u2728\u274c\u274e\u2753-\u2755\u2757\u2795-\u2797\u27b0\u27bf\u2b1b\u2b1c\u2b50\u2b55\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\ua4cf\ua960-\ua97f\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6f\uff00-\uff60\uffe0-\uffe6\u{16fe0}-\u{16fe4}\u{17000}-\u{18cff}\u{1b000}-\u{1b2ff}\u{1f004}\u{1f0cf}\u{1f18e}\u{1f191}-\u{1f19a}\u{1f200}-\u{1f251}\u{1f300}-\u{1f320}\u{1f32d}-\u{1f335}\u{1f337}-\u{1f37c}\u{1f37e}-\u{1f393}\u{1f3a0}-\u{1f3ca}\u{1f3cf}-\u{1f3d3}\u{1f3e0}-\u{1f3f0}\u{1f3f4}\u{1f3f8}-\u{1f43e}\u{1f440}\u{1f442}-\u{1f4fc}\u{1f4ff}-\u{1f53d}\u{1f54b}-\u{1f54e}\u{1f550}-\u{1f567}\u{1f57a}\u{1f595}\u{1f596}\u{1f5a4}\u{1f5fb}-\u{1f64f}\u{1f680}-\u{1f6c5}\u{1f6cc}\u{1f6d0}-\u{1f6d2}\u{1f6d5}-\u{1f6d7}\u{1f6dc}-\u{1f6df}\u{1f6eb}\u{1f6ec}\u{1f6f4}-\u{1f6fc}\u{1f7e0}-\u{1f7eb}\u{1f7f0}\u{1f90c}-\u{1f93a}\u{1f93c}-\u{1f945}\u{1f947}-\u{1f9ff}\u{1fa70}-\u{1faff}\u{20000}-\u{2fffd}\u{30000}-\u{3fffd}]/u;
/** Characters that take no column of their own: combining marks, zero-width spaces and joiners, variation selectors. */
const ZERO_WIDTH = /[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufe00-\ufe0f\ufeff]/u;
/** Printable ASCII alone: one column a character, measured without looking at each. */
const NARROW = /^[ -~]*$/;

/** The columns one character (a code point) takes on a terminal: 2 for a wide one, 0 for a combining mark. */
function charWidth(char: string): number {
  return WIDE.test(char) ? 2 : ZERO_WIDTH.test(char) ? 0 : 1;
}

/** The columns text takes on a terminal, as it is (a control sequence in it counts its characters). */
function columnsOf(text: string): number {
  if (NARROW.test(text)) return text.length;
  let columns = 0;
  for (const char of text) columns += charWidth(char);
  return columns;
}

/** How many columns text takes, ignoring colour and other control sequences; a wide character (CJK, most emoji) takes two. */
export function visibleLength(text: string): number {
  return columnsOf(stripControl(text));
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

/** Wraps text to width, keeping existing line breaks; colour codes in it take no columns. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  // Only text with an escape pays for measuring without it.
  const columns = text.includes('\u001b') ? visibleLength : columnsOf;
  for (const paragraph of text.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const size = columns(word);
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

/** Text cut to `width` columns, the last an ellipsis (one character is kept, however narrow the width). */
export function cut(text: string, width: number): string {
  if (columnsOf(text) <= width) return text;
  let kept = '';
  let used = 0;
  for (const char of text) {
    const size = charWidth(char);
    if (kept && used + size > width - 1) break;
    kept += char;
    used += size;
  }
  return `${kept}…`;
}

/** A line's colour sequences (no width) and characters (charWidth columns each), in order. */
// eslint-disable-next-line no-control-regex
const styledUnits = (line: string): string[] => line.match(/\u001b\[[0-9;]*m|[\s\S]/gu) ?? [];
const isStyle = (unit: string) => unit.length > 1 && unit.startsWith('\u001b');

/**
 * One line of a screen within `width` columns, its colours kept: cut with an ellipsis, and the
 * style reset after the cut so that it does not run on. A line the terminal wraps itself breaks
 * words and makes a screen taller than its layout counted.
 */
export function fitLine(line: string, width: number): string {
  if (visibleLength(line) <= width) return line;
  let out = '';
  let used = 0;
  for (const unit of styledUnits(line)) {
    if (isStyle(unit)) out += unit;
    else if (used + charWidth(unit) <= width - 1) {
      out += unit;
      used += charWidth(unit);
    } else used = width;
  }
  return `${out}…${line.includes('\u001b') ? '\u001b[0m' : ''}`;
}

/**
 * A line broken into lines of at most `width` columns, its colours kept: at the last space that
 * fits, or inside a word longer than the width. Lines after the first start with `indent`.
 */
export function breakLine(line: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  let rest = styledUnits(line);
  let room = width;
  const columns = (units: readonly string[]) => units.reduce((sum, unit) => sum + (isStyle(unit) ? 0 : charWidth(unit)), 0);
  while (columns(rest) > room) {
    // The unit after the last one that fits (at least one, however wide), and the last space before it.
    let end = 0;
    for (let seen = 0; end < rest.length && (isStyle(rest[end]!) || seen + charWidth(rest[end]!) <= room || seen === 0); end++) if (!isStyle(rest[end]!)) seen += charWidth(rest[end]!);
    let space = -1;
    for (let i = end; i > 0; i--) if (rest[i] === ' ') { space = i; break; }
    const at = space > 0 && rest.slice(0, space).some((unit) => !isStyle(unit) && unit !== ' ') ? space : end;
    lines.push(rest.slice(0, at).join('').trimEnd());
    rest = rest.slice(at);
    while (rest[0] === ' ') rest = rest.slice(1);
    rest = [...indent, ...rest];
    room = width;
  }
  // A wide character wider than the room leaves nothing after it.
  if (rest.length || !lines.length) lines.push(rest.join(''));
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
