// Parses one YAML file into plain data, keeping the document so that any path in the data
// can be traced back to a line and column.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';
import { stripControl } from '../text.js';
import { MAX_FILE_BYTES, type Finding } from './findings.js';

/** Enough for any honest use of anchors; a billion-laughs file stops here. */
const MAX_ALIAS_COUNT = 100;

/** Refused before it is read (check-file.ts) or parsed. */
export function tooLargeFinding(file: string): Finding {
  return {
    file, line: 1, column: 1, severity: 'error', rule: 'file-too-large',
    message: `file is larger than ${MAX_FILE_BYTES / 1024} KiB; split it or remove what is not a question`,
  };
}

export type PathSegment = string | number;

export interface ParsedFile {
  file: string;
  data: unknown;
  /** Present when the YAML parsed; used to locate paths. */
  locate: (path: readonly PathSegment[], at?: 'key' | 'value') => { line: number; column: number };
  findings: Finding[];
}

export function parseYaml(file: string, source: string): ParsedFile {
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

  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      fail(error.pos[0], 'duplicate-key', `${duplicateKeyName(source, error.pos[0])}appears twice in the same mapping; remove or rename one`);
    } else if (error.code === 'MISSING_CHAR' && /quote/.test(error.message)) {
      // The parser notices at the end of the file; the author needs the quote that opened it.
      const opening = openingQuote(source, error.pos[0]);
      fail(opening, 'yaml-syntax', 'YAML syntax error: this quoted string is never closed; add the closing quote');
    } else {
      fail(error.pos[0], 'yaml-syntax', `YAML syntax error: ${firstLine(error.message)}`);
    }
  }
  const locate = (path: readonly PathSegment[], at: 'key' | 'value' = 'value') => position(offsetOf(doc, path, at));
  if (doc.errors.length > 0) return { file, data: undefined, locate, findings };

  // An alias with no anchor before it: reported at the alias, not as an expansion limit.
  const unresolved = firstUnresolvedAlias(doc);
  if (unresolved) {
    fail(unresolved.offset, 'yaml-syntax', `YAML syntax error: the alias *${unresolved.name} has no anchor &${unresolved.name} before it; add the anchor or write the value out`);
    return { file, data: undefined, locate, findings };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    fail(0, 'alias-limit', `too many alias expansions (${firstLine(String((error as Error).message))}); write the values out instead of nesting anchors`);
    return { file, data: undefined, locate, findings };
  }
  return { file, data, locate, findings };
}

function firstUnresolvedAlias(doc: Document): { name: string; offset: number } | undefined {
  let found: { name: string; offset: number } | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.resolve(doc) !== undefined) return undefined;
      found = { name: node.source, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    },
  });
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function duplicateKeyName(source: string, start: number): string {
  const key = /^["']?([^:\n"']{1,60})/.exec(source.slice(start))?.[1]?.trim();
  return key ? `key "${key}" ` : 'a key ';
}

/** The offset of the last quote that opens a value (after `: ` or `- `) before offset. */
function openingQuote(source: string, offset: number): number {
  const pattern = /(?:^|: |- )(["'])/gm;
  let found = offset;
  for (let match = pattern.exec(source); match && match.index < offset; match = pattern.exec(source)) {
    found = match.index + match[0].length - 1;
  }
  return found;
}

/** The source offset of the node at path; where the path runs out, the nearest enclosing node. */
function offsetOf(doc: Document, path: readonly PathSegment[], at: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
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
  return offset;
}

function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && node.value === null && node.range?.[0] === node.range?.[1];
}

function rangeStart(node: unknown): number | undefined {
  return (node as Node | null | undefined)?.range?.[0];
}
