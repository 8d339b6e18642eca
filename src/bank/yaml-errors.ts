// What the YAML parser's errors mean to the author. One mistake (a bad indent, a tab, an
// unclosed quote or bracket) often gives the parser a cascade of errors on the lines that
// follow it; each cascade becomes one problem, placed at its real cause and worded as a fix,
// together with the stretch of the file whose parsed tree is not to be trusted.
import { isCollection, isPair, visit, type Document, type Node, type YAMLError } from 'yaml';
import { cut, plural } from '../text.js';

export const UNCLOSED_QUOTE = 'YAML syntax error: this quoted string is never closed; add the closing quote';

export interface SyntaxProblem {
  /** Offset of the real cause. */
  at: number;
  message: string;
  /** Offsets [start, end] between which the parsed tree may be an artefact of the mistake. */
  damage: [number, number];
  /** For a key indented past its siblings after a value: their indentation, where it belongs. */
  siblings?: number;
}

export const MAX_PROBLEMS = 50;

/** Cascades diagnosed in one file (see syntaxProblems). */
const MAX_DIAGNOSED = 200;

/** How close a later error must come to a mistake to be taken for more of it. */
const NEAR_LINES = 5;

export const TAB = 'YAML syntax error: a tab indents this line; YAML indents with spaces only, so replace the tab with spaces';

/** How the message about a second `: ` in a value ends (the value itself comes before it). */
export const COLON_IN_VALUE = 'holds ": ", which starts a mapping; put the value in quotes';

/** The problems behind the parser's errors (not DUPLICATE_KEY, which leaves the tree sound). */
export function syntaxProblems(doc: Document, source: string, errors: readonly YAMLError[], lineStarts: readonly number[]): SyntaxProblem[] {
  const lines = new SourceLines(source, lineStarts);
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0]);
  // Errors on the same or the next line as the one before belong to one cascade: the parser
  // reports a mistake where it stops making sense of it, often a line or two later and twice.
  const cascades: YAMLError[][] = [];
  for (const error of sorted) {
    const last = cascades[cascades.length - 1];
    const previous = last?.[last.length - 1];
    if (last && previous && lines.lineOf(error.pos[0]) <= lines.lineOf(previous.pos[0]) + 1) last.push(error);
    else cascades.push([error]);
  }
  const problems: Array<SyntaxProblem & { last: number }> = [];
  for (const [index, cascade] of cascades.entries()) {
    // Each diagnosis reads the file: a hostile file with thousands of mistakes stops here, and
    // nobody fixes more than this many before running lint again.
    if (problems.length === MAX_PROBLEMS) {
      const rest = cascades.length - index;
      problems.push({ at: cascade[0]!.pos[0], message: `YAML syntax error: ${rest} more ${rest === 1 ? 'mistake follows' : 'mistakes follow'} from here; fix the ones above and run lint again`, damage: [cascade[0]!.pos[0], source.length], last: source.length });
      break;
    }
    const first = cascade[0]!.pos[0];
    const to = cascade.reduce((most, error) => Math.max(most, error.pos[1]), 0);
    // Each diagnosis reads the file from its start: thousands of cascades that one mistake
    // leaves behind it (a tab early in a long file) would take minutes. Past this many, they
    // are taken for more of the mistake before them, as most of them are.
    const last = problems[problems.length - 1];
    if (last && index >= MAX_DIAGNOSED) {
      last.damage[1] = Math.max(last.damage[1], to);
      last.last = Math.max(last.last, to);
      continue;
    }
    const { at, message, explained, indentation, siblings } = diagnose(doc, lines, cascade);
    // An error inside the stretch an earlier mistake threw off is more of that mistake when it
    // has no cause of its own (the lines after a tab, say) or comes within a few lines of it (a
    // misaligned list item misaligns its item's other keys). Further on, it is a mistake of its
    // own, even if the tree there is already unsure: every mistake in one run.
    const previous = problems[problems.length - 1];
    const near = previous !== undefined && lines.lineOf(at) - lines.lineOf(previous.last) <= NEAR_LINES;
    const inside = previous !== undefined && previous.damage[0] <= first && first <= previous.damage[1];
    // Or, near it, a line at the same indentation as its cause: the other keys of a misaligned item.
    const alike = previous !== undefined && indentation && lines.column(at) === lines.column(previous.at);
    if (previous && ((inside && (!explained || near)) || (near && alike))) {
      previous.damage[1] = Math.max(previous.damage[1], to);
      previous.last = Math.max(previous.last, to);
      continue;
    }
    // From the earliest place involved: the parser's first error can come before the cause (a
    // value that swallowed the over-indented line after it), and a key on the line before may
    // have lost the block that the broken line was meant to be.
    const from = Math.min(at, lines.skipIndent(first), indentation ? lines.endOfLineBefore(at) : at);
    // Also where the parser put the broken line itself, which may be a collection further out.
    const [start, end] = damageFrom(doc, from, to, source.length);
    const [atStart, atEnd] = damageFrom(doc, lines.skipIndent(at), to, source.length);
    problems.push({ at, message, damage: [Math.min(start, atStart), Math.max(end, atEnd)], last: to, ...(siblings === undefined ? {} : { siblings }) });
  }
  return problems.map(({ at, message, damage, siblings }) => ({ at, message, damage, ...(siblings === undefined ? {} : { siblings }) }));
}

/** The cause of one cascade and what to do about it. */
interface Diagnosis {
  at: number;
  message: string;
  /** False when only the parser's own words could be given. */
  explained: boolean;
  /** A line indented wrongly (or with a tab), which may have been meant for the block above. */
  indentation: boolean;
  siblings?: number;
}

function diagnose(doc: Document, lines: SourceLines, cascade: readonly YAMLError[]): Diagnosis {
  const found = explain(doc, lines, cascade);
  const first = cascade[0]!;
  return found ? { indentation: false, ...found, explained: true } : { at: first.pos[0], message: `YAML syntax error: ${firstLine(first.message)}`, explained: false, indentation: false };
}

function explain(doc: Document, lines: SourceLines, cascade: readonly YAMLError[]): { at: number; message: string; indentation?: boolean } | undefined {
  const first = cascade[0]!;
  // A tab in the indentation confuses every line after it: it is the cause whenever it is there.
  const tab = cascade.find((error) => error.code === 'TAB_AS_INDENT');
  if (tab) return { indentation: true, at: lines.tabIn(tab.pos[0]), message: TAB };
  // Inside a `|` or `>` text the parser says other things about a tab; the tab is still the cause.
  const tabbed = lines.leadingTab(lines.lineOf(first.pos[0]) - 1, lines.lineOf(cascade[cascade.length - 1]!.pos[0]));
  if (tabbed !== undefined) return { indentation: true, at: tabbed, message: TAB };
  // A line of a `|` or `>` text less indented than the text's first line: the text ends there
  // for the parser, and the line is read as keys.
  const scalar = cascade.find((error) => /^Block scalar lines must not be less indented/.test(error.message));
  if (scalar) {
    const at = lines.skipIndent(scalar.pos[0]);
    return { indentation: true, at, message: 'bad indentation: this line of a | or > text is indented less than the text\'s first line; indent it at least as far' };
  }
  // The parser's recursion ran out of stack: a JavaScript message that names no cause.
  const deep = cascade.find((error) => /Maximum call stack size exceeded/.test(error.message));
  if (deep) return { at: deep.pos[0], message: 'YAML syntax error: the values are nested too deeply to read (thousands of [ or { inside each other); write them flatter' };
  const quote = cascade.find((error) => error.code === 'MISSING_CHAR' && /quote/.test(error.message));
  // The parser notices at the end of the string or file; the author needs the quote that opened it.
  if (quote) return { at: unclosedQuote(doc, quote.pos[0]) ?? lines.openingQuote(quote.pos[0]), message: UNCLOSED_QUOTE };
  const flow = cascade.find((error) => /^Flow (sequence|map)/.test(error.message) || (error.code === 'MISSING_CHAR' && /[\]}]/.test(error.message)));
  if (flow) {
    const open = unclosedFlow(doc, lines.source, flow.pos[0]);
    if (open) {
      const [what, close] = open.kind === 'seq' ? ['list in [ ]', ']'] : ['mapping in { }', '}'];
      return { at: open.offset, message: `YAML syntax error: this ${what} is never closed; add the ${close} (or indent the lines it continues on)` };
    }
  }
  const indicator = first.code === 'UNEXPECTED_TOKEN' ? indicatorStart(lines, first.pos[0]) ?? afterValue(lines, first) : undefined;
  if (indicator) return indicator;
  const indent = lines.badIndent(lines.lineOf(first.pos[0]) - 1, lines.lineOf(cascade[cascade.length - 1]!.pos[0]) + 1);
  if (indent) return { ...indent, indentation: true };
  const at = lines.skipIndent(first.pos[0]);
  const text = lines.textAt(at);
  switch (first.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
      // `title: A: feed`: a second `: ` makes the value look like a nested mapping.
      if (/^Nested mappings/.test(first.message) && /:(\s|$)/.test(text)) {
        return { at, message: `YAML syntax error: the value "${clip(text)}" ${COLON_IN_VALUE}` };
      }
      break;
    case 'MULTILINE_IMPLICIT_KEY':
    case 'MISSING_CHAR':
      if (!/:(\s|$)/.test(text)) return { at, message: `YAML syntax error: "${clip(text)}" is not a "key: value" line; add the missing ":", or indent it under the key it belongs to` };
      break;
    case 'BAD_SCALAR_START':
      return { at, message: `YAML syntax error: a plain value cannot start with ${lines.charAt(first.pos[0])}; put the value in quotes` };
    case 'BAD_DQ_ESCAPE':
      return { at: first.pos[0], message: 'YAML syntax error: an unknown escape sequence in a double-quoted string; write \\\\ for a backslash, or use single quotes' };
    case 'MULTIPLE_DOCS':
      return { at, message: 'YAML syntax error: a second document starts here; the file holds one document, so remove the ---' };
    case 'BAD_ALIAS': {
      // `* ask about scale`: a Markdown bullet, where YAML wants "- ".
      const char = lines.charAt(first.pos[0]);
      if (char === '*' && lines.skipIndent(first.pos[0]) === first.pos[0] && /^\*\s/.test(lines.textAt(first.pos[0]))) {
        return { at: first.pos[0], message: `YAML syntax error: a list item starts with "- ", not "* " as in Markdown; write "- ${clip(lines.textAt(first.pos[0]).slice(1).trim())}"` };
      }
      return { at: first.pos[0], message: `YAML syntax error: a plain value cannot start with ${char}, which YAML reads as ${char === '&' ? 'an anchor' : 'an alias'}; put the value in quotes` };
    }
    case 'TAG_RESOLVE_FAILED':
      return { at: first.pos[0], message: `YAML syntax error: a plain value cannot start with !, which YAML reads as a tag (${clip(lines.source.slice(first.pos[0], first.pos[1]))}) and drops from the text; put the value in quotes` };
    default:
      break;
  }
  return undefined;
}

/**
 * A value that starts with a character YAML reads as syntax, where the parser then stumbles on
 * the rest of the line: `*bold* text` (an alias and then more), `>50% of traffic` or `|x| is`
 * (the header of a block of text with words after it).
 */
function indicatorStart(lines: SourceLines, offset: number): { at: number; message: string } | undefined {
  const at = lines.valueStart(offset);
  const char = lines.charAt(at);
  if (at > offset) return undefined;
  if (char === '>' || char === '|') {
    const block = char === '>' ? 'folded' : 'literal';
    return { at, message: `YAML syntax error: a plain value cannot start with ${char}, which YAML reads as the start of a ${block} block of text; put the value in quotes` };
  }
  if (char === '*' && at < offset) {
    const alias = /^\S+/.exec(lines.textAt(at))![0];
    return { at, message: `YAML syntax error: a plain value cannot start with *, which YAML reads as an alias (${clip(alias)}); put the value in quotes` };
  }
  return undefined;
}

/**
 * Text where a value has ended: `"Recall@k" measures retrieval` (a quoted start, then more),
 * `[a, b] c` or `[a, b],` (after the closing bracket), or an extra comma inside [ ] or { }.
 */
function afterValue(lines: SourceLines, error: YAMLError): { at: number; message: string } | undefined {
  const at = error.pos[0];
  // `hints: - ask about scale`: a list cannot start on its key's line.
  if (/^Unexpected block-seq-ind on same line with key/.test(error.message)) {
    return { at, message: `YAML syntax error: a list item cannot start on the same line as its key; put "${clip(lines.textAt(at))}" on the next line, indented under the key (or write the list in [ ])` };
  }
  const comma = /^Unexpected , in flow (sequence|map)/.exec(error.message);
  if (comma) return { at, message: `YAML syntax error: an extra comma in this ${comma[1] === 'map' ? '{ } mapping' : '[ ] list'}, with no value before it; remove it` };
  if (!/ at node end$/.test(error.message)) return undefined;
  const rest = clip(lines.textAt(at));
  const start = lines.valueStart(at);
  const opened = lines.charAt(start);
  if ((opened === '"' || opened === "'") && start < at) {
    // In '...' an apostrophe ends the text early unless doubled: `'the model's score'`.
    const inside = opened === "'" ? ", writing '' for each ' inside it" : ', writing \\" for each " inside it';
    return { at: start, message: `YAML syntax error: the value goes on after its closing quote ("${rest}"); put the whole value in quotes${inside}, or remove the quotes` };
  }
  const closed = lines.source.slice(0, at).trimEnd().slice(-1);
  if (closed === ']' || closed === '}') return { at, message: `YAML syntax error: "${rest}" follows the closing ${closed}; remove it, or put the whole value in quotes if it is text` };
  return undefined;
}

export function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

/** File text quoted in a message: a line's start is enough to find it. */
const clip = (text: string) => cut(text, 40);

/**
 * Where the tree is not to be trusted after a mistake at `from`: in the innermost collection
 * that holds it, from the entry it is in to the collection's end, since the parser may have
 * put what follows the mistake anywhere up to there. The entries before it parsed as written.
 */
function damageFrom(doc: Document, from: number, to: number, length: number): [number, number] {
  // A node holds `from` when it starts at or before it and ends after it; one that ends just at
  // it (the end of the line before) only when no node begins there.
  const holds = (node: unknown, atEnd: boolean) => {
    const range = (node as Node | null | undefined)?.range;
    return range != null && range[0] <= from && (from < range[2] || (atEnd && from === range[2]));
  };
  let collection: Node | undefined;
  let entryStart = from;
  let node: unknown = doc.contents;
  while (isCollection(node) && (holds(node, false) || holds(node, true))) {
    collection = node;
    let next: unknown;
    for (const atEnd of [false, true]) {
      for (const item of node.items) {
        const parts: unknown[] = isPair(item) ? [item.key, item.value] : [item];
        const inside = parts.find((part) => holds(part, atEnd));
        if (inside === undefined) continue;
        next = inside;
        entryStart = Math.min(from, (parts[0] as Node | null)?.range?.[0] ?? from);
        break;
      }
      if (next !== undefined) break;
    }
    if (next === undefined) break;
    node = next;
  }
  const end = collection?.range?.[2] ?? length;
  return [Math.min(from, entryStart), Math.max(end, to)];
}

/** The start of the quoted string that runs up to offset, where the parser missed its closing quote. */
function unclosedQuote(doc: Document, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && range && range[0] < offset && offset <= range[2]) found = range[0];
    },
  });
  return found;
}

/** The flow collection ([ ] or { }) that was still open at offset. */
function unclosedFlow(doc: Document, source: string, offset: number): { kind: 'seq' | 'map'; offset: number } | undefined {
  let found: { kind: 'seq' | 'map'; offset: number } | undefined;
  const check = (node: Node & { flow?: boolean }, kind: 'seq' | 'map') => {
    const [start, end] = node.range ?? [];
    if (!node.flow || start === undefined || start >= offset) return;
    if (end !== undefined && source[end - 1] === (kind === 'seq' ? ']' : '}')) return;
    if (!found || start > found.offset) found = { kind, offset: start };
  };
  visit(doc, { Seq: (_key, node) => check(node, 'seq'), Map: (_key, node) => check(node, 'map') });
  return found;
}

/** The text of the file by lines, for what the parser's offsets leave unsaid. */
class SourceLines {
  constructor(readonly source: string, private readonly starts: readonly number[]) {}

  /** 1-based. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  private line(number: number): { start: number; text: string } {
    const start = this.starts[number - 1] ?? this.source.length;
    const end = this.starts[number] ?? this.source.length;
    return { start, text: this.source.slice(start, end).replace(/\r?\n$/, '') };
  }

  /** An offset in a line's indentation moved to its first character: where the author looks. */
  skipIndent(offset: number): number {
    const { start, text } = this.line(this.lineOf(offset));
    const indent = /^[ \t]*/.exec(text)![0].length;
    return offset - start < indent ? start + indent : offset;
  }

  /** 0-based column of offset in its line. */
  column(offset: number): number {
    return offset - this.line(this.lineOf(offset)).start;
  }

  /** The end of the last line with content before the one at offset (offset itself on the first). */
  endOfLineBefore(offset: number): number {
    for (let number = this.lineOf(offset) - 1; number >= 1; number--) {
      const { start, text } = this.line(number);
      const content = text.replace(/\s#.*$/, '').trimEnd();
      if (content !== '' && !content.trimStart().startsWith('#')) return start + content.length;
    }
    return offset;
  }

  /** The rest of the line from offset. */
  textAt(offset: number): string {
    const { start, text } = this.line(this.lineOf(offset));
    // The parser's line starts skip the lines inside a plain value it gave up on: up to the newline only.
    return text.slice(offset - start).split(/\r?\n/)[0]!.trim();
  }

  /** Where the value on the line at offset starts: after the indentation, any `- ` and a `key: `. */
  valueStart(offset: number): number {
    const { start, text } = this.line(this.lineOf(offset));
    return start + /^\s*(?:-\s+)*(?:(?:"[^"]*"|'[^']*'|[^\s#'"*&!|>[{-][^#]*?)\s*:\s+)?/.exec(text)![0].length;
  }

  charAt(offset: number): string {
    return this.source[offset] ?? '';
  }

  /** The offset of the first tab in the indentation of lines from..to (1-based). */
  leadingTab(from: number, to: number): number | undefined {
    for (let number = Math.max(1, from); number <= Math.min(to, this.starts.length); number++) {
      const { start, text } = this.line(number);
      const tab = /^ *\t/.exec(text);
      if (tab) return start + tab[0].length - 1;
    }
    return undefined;
  }

  tabIn(offset: number): number {
    const { start, text } = this.line(this.lineOf(offset));
    const tab = text.indexOf('\t');
    return tab === -1 ? offset : start + tab;
  }

  /** The last quote that opens a value (after `: ` or `- `) before offset. */
  openingQuote(offset: number): number {
    const pattern = /(?:^|: |- )(["'])/gm;
    let found = offset;
    for (let match = pattern.exec(this.source); match && match.index < offset; match = pattern.exec(this.source)) {
      found = match.index + match[0].length - 1;
    }
    return found;
  }

  /**
   * The first line from `from` to `to` (1-based) whose indentation fits no block open above it,
   * with what it should be. Lenient: only plain block structure is judged, and lines inside
   * block scalars (`|`, `>`) and unclosed brackets are skipped, as the parser reads them.
   */
  badIndent(from: number, to: number): { at: number; message: string; siblings?: number } | undefined {
    const levels: number[] = [];
    /** The levels where `- ` items are, to tell a key that strays in among them. */
    const listAt = new Set<number>();
    const mapAt = new Set<number>();
    let opens = true;
    /** Inside a `|` or `>` text: the column of its key, the key, and the indentation of its first line. */
    let scalarAt: number | undefined;
    let scalarKey = '';
    let scalarIndent: number | undefined;
    let brackets = 0;
    /** The line before, when it is a lone word among keys (`metrics` for `metrics:`): a key without its colon. */
    let bare: { at: number; word: string } | undefined;
    for (let number = 1; number <= Math.min(to, this.starts.length); number++) {
      const { start, text } = this.line(number);
      const content = text.trimStart();
      if (content === '' || content.startsWith('#') || /^(---|\.\.\.)(\s|$)/.test(text)) continue;
      const indent = text.length - content.length;
      // A tab in the indentation has no width to judge by; the tab itself is reported.
      if (text.slice(0, indent).includes('\t')) continue;
      if (scalarAt !== undefined && indent > scalarAt) {
        // The text's first line sets its indentation; a later line less indented ends the text
        // for the parser, which then reads it as keys.
        scalarIndent ??= indent;
        if (indent < scalarIndent && number >= from) {
          // A key there is more likely a key out of line with the one that opened the text.
          const message = /^[^\s#'"-][^#]*?:(\s|$)/.test(content)
            ? `bad indentation: "${keyOf(content)}" is indented ${spaces(indent)}, but "${scalarKey}" above it ${scalarAt}; line it up with the key it belongs with`
            : `bad indentation: this line of the text under "${scalarKey}" is indented ${spaces(indent)}, less than its first line (${scalarIndent}); indent it like the rest of the text`;
          return { at: start + indent, message };
        }
        continue;
      }
      scalarAt = undefined;
      scalarIndent = undefined;
      if (brackets > 0) {
        brackets = Math.max(0, brackets + bracketBalance(content));
        continue;
      }
      // A line out of line leaves the levels as they were, so the lines after it are judged by
      // the structure around it, not by the mistake.
      const before = [...levels];
      let popped: number | undefined;
      while (levels.length > 0 && levels[levels.length - 1]! > indent) popped = levels.pop();
      const below = levels[levels.length - 1];
      const dashed = /^-( |$)/.test(content);
      // `key: value` after `- item` lines at the same indentation: a mapping cannot go on a list.
      if (below === indent && !dashed && listAt.has(indent) && number >= from) {
        return { at: start + indent, message: `bad indentation: "${keyOf(content)}" is a key among the items of a list; start it with "- " to make it an item, or indent it like the key it belongs to` };
      }
      // And `- item` among keys, unless the key just above opened a block for it (`key:` then `- item`).
      if (below === indent && dashed && mapAt.has(indent) && !opens && number >= from) {
        return { at: start + indent, message: `bad indentation: the list item "${clip(content)}" is among the keys of a mapping; indent it under the key it belongs to` };
      }
      // At a level already open (a sibling key's, or a list item's keys'), not a deeper one.
      const amongKeys = !dashed && below === indent;
      for (const set of [listAt, mapAt]) for (const level of [...set]) if (level >= indent) set.delete(level);
      (dashed ? listAt : mapAt).add(indent);
      if (below === undefined || below < indent) {
        if (opens) levels.push(indent);
        // Lines indented under a lone word among keys: the word is a key that lost its colon, not they out of line.
        else if (number >= from && bare) return { at: bare.at, message: `YAML syntax error: "${bare.word}" is not a "key: value" line; add the missing ":" ("${bare.word}:") to hold the lines under it` };
        else if (number >= from) return { at: start + indent, message: indentMessage(content, indent, below, popped), ...(popped === undefined && !dashed ? { siblings: below ?? 0 } : {}) };
        else levels.splice(0, levels.length, ...before);
      }
      // `- ` items: what follows the dash sits one level further in.
      let rest = content;
      let column = indent;
      for (let dash = /^-( +|$)/.exec(rest); dash; dash = /^-( +|$)/.exec(rest)) {
        column += dash[0].length;
        rest = rest.slice(dash[0].length);
        if (rest !== '') levels.push(column);
      }
      // A key's value on the same line ('' when the key opens a block); undefined when not a key.
      const key = /^(?:"[^"]*"|'[^']*'|[^\s#'"][^#]*?)\s*:(?:\s+(.*))?$/.exec(rest);
      const value = key ? (key[1] ?? '').trim() : rest === '' ? '' : undefined;
      opens = value === '' || value?.startsWith('#') === true;
      bare = amongKeys && value === undefined && /^[A-Za-z_][\w-]*$/.test(rest) ? { at: start + indent, word: rest } : undefined;
      if ((value !== undefined && /^[|>][-+0-9]*\s*(#.*)?$/.test(value)) || /^[|>][-+0-9]*$/.test(rest)) {
        scalarAt = column;
        scalarKey = keyOf(content);
      }
      brackets = bracketBalance(value ?? rest);
    }
    return undefined;
  }
}

/** Open minus closed brackets, outside quotes: a flow collection that goes on to the next line. */
function bracketBalance(text: string): number {
  let balance = 0;
  const bare = text.replace(/"(?:[^"\\]|\\.)*"|'[^']*'/g, '').replace(/\s#.*$/, '');
  if (!/^[[{]/.test(bare)) return 0;
  for (const char of bare) {
    if (char === '[' || char === '{') balance++;
    else if (char === ']' || char === '}') balance--;
  }
  return Math.max(0, balance);
}

const spaces = (count: number) => plural(count, 'space');

/** The key of a `key: value` line, else the start of the line. */
function keyOf(content: string): string {
  return /^([^:#]{1,40}?)\s*:(\s|$)/.exec(content.replace(/^(- +)+/, ''))?.[1] ?? clip(content);
}

function indentMessage(content: string, indent: number, below: number | undefined, above: number | undefined): string {
  const what = content.startsWith('- ') ? `the list item "${clip(content)}"` : `"${keyOf(content)}"`;
  if (below !== undefined && above !== undefined) {
    const mate = content.startsWith('- ') ? 'the other items of its list' : 'the key it belongs with';
    return `bad indentation: ${what} is indented ${spaces(indent)}, between the levels above it (${below} and ${above}); line it up with ${mate}`;
  }
  return `bad indentation: ${what} is indented ${spaces(indent)}, its siblings ${below ?? 0}; line it up with them`;
}
