// Parses one YAML file into plain data, keeping the document so that any path in the data
// can be traced back to a line and column.
import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit, YAMLParseError, type Alias, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import { cut, showControl, stripControl } from '../text.js';
import { MAX_FILE_BYTES, type Finding } from './findings.js';
import { untab, type Untabbed } from './tab-indent.js';
import { COLON_IN_VALUE, firstLine, MAX_PROBLEMS, syntaxProblems, TAB, UNCLOSED_QUOTE, type SyntaxProblem } from './yaml-errors.js';

/** Quotes closed for the author, one parse each, before the rest of a file is left unchecked. */
const MAX_CLOSED = 10;

/** What a file's readings with a mistake mended may add up to: ten of a 50 KB file, two of one at the limit. */
const MAX_MENDED_BYTES = 512 * 1024;

/** Enough for any honest use of anchors; a billion-laughs file stops here. */
const MAX_ALIAS_COUNT = 100;

/** Refused before it is read (check-file.ts) or parsed. */
export function tooLargeFinding(file: string): Finding {
  return {
    file, line: 1, column: 1, severity: 'error', rule: 'file-too-large',
    message: `file is larger than ${MAX_FILE_BYTES / 1024} KiB; split it or remove what is not a question`,
  };
}

// logLevel: the tree of a broken file can have a list as a key, which yaml would warn about on stderr.
// uniqueKeys: duplicate keys are found by `parse` below instead.
const OPTIONS = { uniqueKeys: false, prettyErrors: false, strict: true, logLevel: 'error' } as const;

/**
 * The document, with an error for each key given twice in a mapping, as yaml's `uniqueKeys`
 * would give (a scalar key equal to one before it, at the key). yaml compares each key with every
 * key before it: 13 seconds for a 256 KB file of 26,000 keys; this is one pass.
 */
function parse(source: string, lineCounter?: LineCounter): Document {
  const doc = parseDocument(source, { ...OPTIONS, lineCounter });
  const duplicates: YAMLParseError[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        // yaml compares values with ===, which no NaN equals.
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (!seen.has(key.value)) seen.add(key.value);
        else duplicates.push(new YAMLParseError([key.range?.[0] ?? 0, (key.range?.[0] ?? 0) + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
      }
    },
  });
  if (duplicates.length > 0) doc.errors = [...doc.errors, ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
  return doc;
}

export type PathSegment = string | number;

export interface ParsedFile {
  file: string;
  data: unknown;
  /**
   * Present when the YAML parsed; used to locate paths. With `written`, a value's position is
   * where that text (a character a finding is about) first stands in it, on whichever line of a
   * long text; the value's start when it is not written there as is (a quoted escape).
   */
  locate: (path: readonly PathSegment[], at?: 'key' | 'value', written?: string | RegExp) => { line: number; column: number };
  findings: Finding[];
  /**
   * Present after a YAML syntax error: whether what a finding at path says may be an artefact
   * of the part that did not parse. `whole` for a finding about the mapping at path as a whole
   * (a field missing from it), which the broken part may have swallowed.
   */
  damaged?: (path: readonly PathSegment[], whole: boolean) => boolean;
  /** The text the data was parsed from, when it parsed. */
  source?: string;
}

/**
 * `closed`: how many times the file has been read again with a mistake mended; `guessed`: the
 * stretches [start, end] of lines re-indented by guess on the way (see tab-indent.ts).
 */
export function parseYaml(file: string, source: string, closed = 0, guessed: ReadonlyArray<[number, number]> = []): ParsedFile {
  const lineCounter = new LineCounter();
  const findings: Finding[] = [];
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const fail = (offset: number, rule: string, message: string) =>
    findings.push({ file, ...position(offset), severity: 'error', rule, message: stripControl(message) });

  if (Buffer.byteLength(source) > MAX_FILE_BYTES) {
    findings.push(tooLargeFinding(file));
    return { file, data: undefined, locate: () => ({ line: 1, column: 1 }), findings };
  }

  const doc = parse(source, lineCounter);
  // A tab in the indentation throws the rest of its block: read again with spaces in its place,
  // the rest is checked in the same run. First, as what the parser says after the tab is moot.
  const tabError = closed < MAX_CLOSED ? doc.errors.find((error) => error.code === 'TAB_AS_INDENT') : undefined;
  if (tabError) {
    const lineStart = source.lastIndexOf('\n', tabError.pos[0] - 1) + 1;
    const spaced = untabbed(file, source, lineStart + Math.max(0, source.slice(lineStart).search(/\t/)), closed, guessed);
    if (spaced) return spaced;
  }
  // A tag yaml does not know (`- !important: ask about scale`) is only a warning to yaml, which
  // drops it from the text: to the author, a value that lost its first word without a word said.
  const syntax = [...doc.errors.filter((error) => error.code !== 'DUPLICATE_KEY'), ...doc.warnings.filter((warning) => warning.code === 'TAG_RESOLVE_FAILED')];
  const problems = syntaxProblems(doc, source, syntax, lineCounter.lineStarts);
  problems.push(...unanchoredAliases(doc, problems));
  collectionKeysAsText(doc, source);
  // Where the parser lost its way, or a tab's line was re-indented by guess, the tree is not the author's.
  const stretches = [...problems.map(({ damage }) => damage), ...guessed];
  for (const error of doc.errors) {
    // A duplicate key leaves the tree sound (the first value wins), so the rest is checked as
    // usual; but where a syntax error threw the parser off, keys it put in one mapping are an
    // artefact of that mistake (a list under a mapping is a key "- x" per line).
    if (error.code !== 'DUPLICATE_KEY' || stretches.some((damage) => damage[0] <= error.pos[0] && error.pos[0] <= damage[1])) continue;
    // After a key with no value (`notes:` twice), yaml places the second at the end of the line before it.
    let at = error.pos[0];
    while (at < source.length && /\s/.test(source[at]!)) at++;
    fail(at, 'duplicate-key', `${duplicateKeyName(source, at)}appears twice in the same mapping; remove or rename one`);
  }
  for (const problem of problems) fail(problem.at, 'yaml-syntax', problem.message);
  const locate = (path: readonly PathSegment[], at: 'key' | 'value' = 'value', written?: string | RegExp) => position(offsetOf(doc, path, at, written === undefined ? undefined : { source, written }));
  // A quote never closed takes the rest of the file into its string, where nothing can be checked:
  // read again with the quote closed at the end of its line, the rest is checked in the same run.
  const open = closed < MAX_CLOSED && problems.length === 1 && problems[0]!.message === UNCLOSED_QUOTE ? closeQuote(source, problems[0]!.at) : undefined;
  if (open !== undefined) {
    const again = parseYaml(file, open, closed + 1, guessed);
    // The second reading finds the duplicate keys again, those before the quote too: the quote's finding is this reading's own.
    return { ...again, findings: [...findings.filter(({ rule }) => rule === 'yaml-syntax'), ...again.findings] };
  }
  // A tab in a `|` or `>` text, which the parser calls other things.
  const tab = closed < MAX_CLOSED ? problems.find(({ message }) => message === TAB) : undefined;
  const spaced = tab && untabbed(file, source, tab.at, closed, guessed);
  if (spaced) return spaced;
  // A key indented past its siblings after a value (`category: ads` then `   difficulty: hard`)
  // makes every key after it part of that value: read again with it lined up with them.
  // Not in a file of thousands of errors, nor again and again in one near the size limit (each
  // reading of such a file can take a second), nor past the problems' cap, whose last finding
  // counts the mistakes after it as they are.
  const mending = closed < MAX_CLOSED && (closed + 1) * source.length <= MAX_MENDED_BYTES && doc.errors.length <= MAX_PROBLEMS && problems.length <= MAX_PROBLEMS;
  const over = mending ? problems.find((problem) => problem.siblings !== undefined) : undefined;
  const lined = over && linedUp(file, source, over, closed, guessed);
  if (lined) return lined;
  // A second ": " in a value (`title: YouTube: new videos`) makes every key after it part of that
  // value: read again with the value's colons blanked and its line counted as damaged, the rest is
  // checked in the same run. Only this problem's finding is this reading's: the next finds the others.
  const colon = mending ? problems.find(({ message }) => message.endsWith(COLON_IN_VALUE)) : undefined;
  const blanked = colon && blankColons(source, colon.at);
  if (blanked) {
    const again = parseYaml(file, blanked.source, closed + 1, [...guessed, blanked.line]);
    const own: Finding = { file, ...position(colon.at), severity: 'error', rule: 'yaml-syntax', message: stripControl(colon.message) };
    return { ...again, findings: [own, ...again.findings] };
  }
  if (problems.length > 0) {
    // What parsed is still checked, so that one run finds every problem; the findings that
    // only the broken part explains are left out (validate.ts asks `damaged`).
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch {
      data = undefined;
    }
    return { file, data, locate, findings, damaged: damagedBy(doc, source, stretches), source };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    fail(firstNestedAlias(doc), 'alias-limit', `too many alias expansions (${firstLine(String((error as Error).message))}); write the values out instead of nesting anchors`);
    return { file, data: undefined, locate, findings };
  }
  return { file, data, locate, findings, source, ...(guessed.length > 0 ? { damaged: damagedBy(doc, source, stretches) } : {}) };
}

/** A line that starts with a key (`\ttags: [feeds]`, `  - id: x`), whatever indents it. */
const KEY_LINE = /^[ \t]*(?:- +)?[^\s#:][^\n]*?:(?:[ \t\r\n]|$)/;

/** ParsedFile.damaged for a tree whose stretches [start, end] may not be what the author meant. */
function damagedBy(doc: Document, source: string, stretches: ReadonlyArray<[number, number]>): NonNullable<ParsedFile['damaged']> {
  return (path, whole) => {
    const { node, complete } = nodeAt(doc, path);
    const range = (node as Node | null | undefined)?.range ?? [0, 0, source.length];
    const inside = (offset: number) => stretches.some((damage) => damage[0] <= offset && offset <= damage[1]);
    // A field missing from a mapping is an artefact when the break runs to the mapping's end
    // (what followed it may be lost or misplaced) or the mapping itself lies in the break.
    if (whole) return inside(range[0]) || inside(range[2]);
    // Data with no node of its own at its path (a list as a key) exists only in a broken tree.
    if (!complete) return true;
    // Anything else is when its node takes in any of the break: a value cut short, or a
    // count over a list (hints, facts, an example's notes) that lost some of its entries. A
    // value whose line ended before a broken line starts (a tab-indented key under it) is whole;
    // one cut off where the break starts, empty (the broken line may be its value), or followed
    // by a broken line with no key (`\tium` under `difficulty: med`: its own continuation), is not.
    const endsBefore = (damage: [number, number]) => damage[0] === range[2] && range[0] < range[2] && source[range[2] - 1] === '\n'
      && KEY_LINE.test(source.slice(damage[0], source.indexOf('\n', damage[0]) + 1 || undefined));
    return stretches.some((damage) => range[0] <= damage[1] && damage[0] <= range[2] && !endsBefore(damage));
  };
}

/**
 * The file read again with the indentation of the line whose tab is at `at` in spaces
 * (tab-indent.ts), its findings placed in the file as it is, and the tab's own first; undefined
 * when no width can be told.
 */
function untabbed(file: string, source: string, at: number, closed: number, guessed: ReadonlyArray<[number, number]>): ParsedFile | undefined {
  const spaced = untab(source, at, (text) => parse(text).errors.length);
  return spaced && reindented(file, source, spaced, at, TAB, closed, guessed, true);
}

/** The file read again with the over-indented key of `problem` at its siblings' indentation, the problem's finding first. */
function linedUp(file: string, source: string, problem: SyntaxProblem, closed: number, guessed: ReadonlyArray<[number, number]>): ParsedFile | undefined {
  const lineStart = source.lastIndexOf('\n', problem.at - 1) + 1;
  const was = problem.at - lineStart;
  if (!/^ *$/.test(source.slice(lineStart, problem.at)) || problem.siblings! >= was) return undefined;
  // Only after a sibling `key: value` line: after a list item's first line (`- id: x` out of line
  // itself), its other keys are more of that one mistake, which lining them up one by one would not show.
  const previous = source.slice(0, lineStart).split('\n').reverse().find((text) => /\S/.test(text) && !/^\s*#/.test(text));
  if (previous === undefined || /^ *-( |$)/.test(previous) || /^ */.exec(previous)![0].length !== problem.siblings) return undefined;
  const line = source.slice(0, lineStart).split('\n').length;
  const spaced: Untabbed = { source: source.slice(0, lineStart) + ' '.repeat(problem.siblings) + source.slice(problem.at), line, was, now: problem.siblings };
  // No guess: after a `key: value` line, a key can only be the value's sibling.
  return reindented(file, source, spaced, problem.at, problem.message, closed, guessed, false);
}

/**
 * The file read again as `spaced` has it, one line's indentation changed: its findings placed in
 * the file as it is, and the finding `message` at `at` first. `guess`: the new indentation is a
 * guess, so that line counts as damaged.
 */
function reindented(file: string, source: string, spaced: Untabbed, at: number, message: string, closed: number, guessed: ReadonlyArray<[number, number]>, guess: boolean): ParsedFile {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const shift = spaced.now - spaced.was;
  const moved = guessed.map(([start, end]): [number, number] => (start > lineStart ? [start + shift, end + shift] : [start, end]));
  const lineEnd = spaced.source.indexOf('\n', lineStart);
  const line: Array<[number, number]> = guess ? [[lineStart, lineEnd === -1 ? spaced.source.length : lineEnd]] : [];
  const again = shiftColumns(parseYaml(file, spaced.source, closed + 1, [...moved, ...line]), spaced);
  const own: Finding = { file, line: spaced.line, column: at - lineStart + 1, severity: 'error', rule: 'yaml-syntax', message: stripControl(message) };
  return { ...again, findings: [own, ...again.findings] };
}

/** A reading of the file with one line re-indented, its columns on that line as in the file. */
function shiftColumns(parsed: ParsedFile, { line, was, now }: Untabbed): ParsedFile {
  const back = (at: { line: number; column: number }) => (at.line === line ? { line, column: Math.max(was + 1, at.column - now + was) } : at);
  return {
    ...parsed,
    findings: parsed.findings.map((finding) => ({ ...finding, ...back(finding) })),
    locate: (path, at, written) => back(parsed.locate(path, at, written)),
  };
}

/**
 * The source with the quote at `at` closed at the end of its line, when that is what the author
 * meant: nothing after the quote on its line closes it, and the next line is not indented under
 * it (the text of a string that goes on over lines). Line and column of everything stay as they were.
 */
function closeQuote(source: string, at: number): string | undefined {
  const quote = source[at];
  if (quote !== '"' && quote !== "'") return undefined;
  const newline = source.indexOf('\n', at);
  const lineEnd = newline === -1 ? source.length : newline;
  const rest = source.slice(at + 1, lineEnd).replace(/\s+$/, '');
  if ((quote === '"' ? /(^|[^\\])"/ : /'/).test(rest)) return undefined;
  const lineStart = source.lastIndexOf('\n', at) + 1;
  const indent = /^ */.exec(source.slice(lineStart))![0].length;
  const next = /^( *)\S/m.exec(source.slice(lineEnd + 1));
  if (newline !== -1 && next && next[1]!.length > indent) return undefined;
  const end = at + 1 + rest.length;
  return `${source.slice(0, end)}${quote}${source.slice(end)}`;
}

/**
 * The source with each `:` that ends a word in the value at `at` (after its key's `: `, to the end
 * of the line) made a space, and the stretch of the value; undefined when there is no such value.
 * Offsets, lines and columns stay as they were.
 */
function blankColons(source: string, at: number): { source: string; line: [number, number] } | undefined {
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  if (!/:\s+$/.test(source.slice(lineStart, at))) return undefined;
  const newline = source.indexOf('\n', at);
  const lineEnd = newline === -1 ? source.length : newline;
  const value = source.slice(at, lineEnd).replace(/:(?=\s|$)/g, ' ');
  if (value === source.slice(at, lineEnd)) return undefined;
  return { source: source.slice(0, at) + value + source.slice(lineEnd), line: [at, lineEnd] };
}

/**
 * Every alias of the document, in order, with the node it stands for (the last anchor of its
 * name before it, as yaml resolves it). One walk: yaml's own Alias.resolve walks the whole
 * document for each alias, which a file of thousands of aliases turns into minutes.
 */
function aliasTargets(doc: Document): Array<{ alias: Alias; target: Node | undefined }> {
  const anchors = new Map<string, Node>();
  const aliases: Array<{ alias: Alias; target: Node | undefined }> = [];
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) aliases.push({ alias: node, target: anchors.get(node.source) });
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });
  return aliases;
}

/**
 * Each alias with no anchor before it (most often Markdown's `*bold*`), reported at the alias
 * unless a syntax problem already covers it, and replaced in the document by its own text, so
 * that the rest of the file can still be turned into data and checked; the value itself is
 * left to this finding (its damage), not also judged as the text `*bold*`.
 */
function unanchoredAliases(doc: Document, problems: readonly SyntaxProblem[]): SyntaxProblem[] {
  const unresolved = new Set(aliasTargets(doc).filter(({ target }) => target === undefined).map(({ alias }) => alias));
  if (unresolved.size === 0) return [];
  const found: SyntaxProblem[] = [];
  visit(doc, {
    Alias(_key, alias) {
      if (!unresolved.has(alias)) return undefined;
      const [start, end] = [alias.range?.[0] ?? 0, alias.range?.[1] ?? 0];
      const covered = problems.some(({ damage }) => damage[0] <= start && start <= damage[1]);
      // As many as the syntax problems may be: a file of thousands of them is hostile, not mistaken.
      if (!covered && found.length < MAX_UNANCHORED) {
        const name = alias.source;
        found.push({ at: start, message: `YAML syntax error: the alias *${name} has no anchor &${name} before it; if the value is text that starts with *, put it in quotes, else add the anchor`, damage: [start, end] });
      }
      const text = new Scalar(`*${alias.source}`);
      if (alias.range) text.range = alias.range;
      return text;
    },
  });
  return found;
}

const MAX_UNANCHORED = 50;

/**
 * Each key that is a list or mapping (`{a: 1}: x`, or what a broken file makes of its lines)
 * becomes the text it was written as, first line and cut short. Turned into data, yaml writes
 * such a key out as YAML, and again for every key nested in it: a few kilobytes of `{{{...`
 * took minutes. As text, the key is also found again by its path, so a finding about it
 * names its own line rather than the top of the file.
 */
function collectionKeysAsText(doc: Document, source: string): void {
  visit(doc, {
    Pair(_key, pair) {
      if (!isCollection(pair.key) || !pair.key.range) return;
      const [start, end] = pair.key.range;
      const text = new Scalar(cut(source.slice(start, end).split(/\r?\n/)[0]!.trim(), 40));
      text.range = [start, end, end];
      pair.key = text;
    },
  });
}

/**
 * Where an alias bomb starts: the first alias of a value that itself holds aliases (the nesting
 * that multiplies), else the first alias; the start of the file when there is none.
 */
function firstNestedAlias(doc: Document): number {
  const aliases = aliasTargets(doc);
  // Each anchored value is searched once, however many aliases name it.
  const holdsAlias = new Map<Node, boolean>();
  const nests = (target: Node): boolean => {
    let found = holdsAlias.get(target);
    if (found === undefined) {
      found = false;
      visit(target, { Alias: () => ((found = true), visit.BREAK) });
      holdsAlias.set(target, found);
    }
    return found;
  };
  const nested = aliases.find(({ target }) => target !== undefined && nests(target));
  return (nested ?? aliases[0])?.alias.range?.[0] ?? 0;
}

function duplicateKeyName(source: string, start: number): string {
  const key = /^["']?([^:\n"']{1,60})/.exec(source.slice(start))?.[1]?.trim();
  // Spelt out as unknown-field spells it: stripped, "k<ESC>]0;T<BEL>ey" would read as the key "key".
  return key ? `key "${showControl(key)}" ` : 'a key ';
}

/** Each mapping's entries by key (the first of a key given twice), made on its first look-up. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

/**
 * The entry of a mapping with this key. Through an index: every finding looks its path up, and
 * a scan per finding over a mapping of thousands of keys (each unknown) took a minute.
 */
function pairOf(map: YAMLMap, segment: PathSegment): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
    }
    pairIndex.set(map, index);
  }
  return index.get(String(segment));
}

/** The node at path, or the deepest one on the way when the path runs out (`complete` false). */
function nodeAt(doc: Document, path: readonly PathSegment[]): { node: unknown; complete: boolean } {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairOf(node, segment);
      if (!pair) return { node, complete: false };
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment] !== undefined) {
      node = node.items[segment];
    } else {
      return { node, complete: false };
    }
  }
  return { node, complete: true };
}

/** The source offset of the node at path; where the path runs out, the nearest enclosing node. */
function offsetOf(doc: Document, path: readonly PathSegment[], at: 'key' | 'value', inside?: { source: string; written: string | RegExp }): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = pairOf(node, segment);
      if (!pair) return offset;
      const keyStart = rangeStart(pair.key);
      if (last && at === 'key' && keyStart !== undefined) return keyStart;
      node = pair.value;
      // A key with no value (`title:`) has no value, or an empty one: point at the key.
      offset = (isEmptyScalar(node) ? undefined : rangeStart(node)) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      if (node === undefined) return offset;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  const range = (node as Node | null | undefined)?.range;
  const found = inside && range ? indexFrom(inside.source, inside.written, range[0]) : -1;
  return found !== -1 && found < range![1] ? found : offset;
}

/** Where written first stands in source from `from` on; a pattern as it matches (`\bTODO\b` is not "TODOS"). */
function indexFrom(source: string, written: string | RegExp, from: number): number {
  if (typeof written === 'string') return source.indexOf(written, from);
  const pattern = new RegExp(written.source, `${written.flags.replace(/[gy]/g, '')}g`);
  pattern.lastIndex = from;
  return pattern.exec(source)?.index ?? -1;
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
