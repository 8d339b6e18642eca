// The edge-list language of the diagram pad and `mldrill diagram`: one line per chain of edges,
// typed as fast as one talks. Pure: text in, a graph and the lines that are not edges out.
//
//   events -> stream processor -> feature store     a chain: two edges
//   ranker -[top 500]-> re-ranker                    a labelled edge
//   training data <- logged outcomes                 an edge written backwards
//   cache <-> ranking service                        both ways: two edges
//   feature store                                    a lone component
//   # a comment, or // a comment; blank lines are skipped
//   model -> feed   # a comment after a space ends the line
//   - events -> model                                a Markdown bullet is read past (1. too)
//   ```mermaid ... ```                               fences are read past; in a Mermaid block its
//                                                    header goes, and ids stand for their names
//   ┌────┐ │ a │                                     a line of a box drawing (the export's) is skipped
//
// A line that is none of these is kept as a problem with its position and a hint, never dropped.
import { controlColumn, stripControl } from '../text.js';

/** A component; `key` is how two spellings of one name are told to be the same. */
export interface DiagramNode {
  key: string;
  /** As first written, spaces collapsed. */
  name: string;
  line: number;
  column: number;
}

export interface DiagramEdge {
  /** Node keys. */
  from: string;
  to: string;
  label?: string;
  line: number;
  column: number;
}

/** A line (or part of one) that is not an edge or a component: shown with a hint. */
export interface DiagramProblem {
  line: number;
  /** 1-based, in characters (code points). */
  column: number;
  /** The whole line as written. */
  text: string;
  message: string;
  hint: string;
}

export interface Diagram {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  problems: DiagramProblem[];
  /** Where a line holds control characters (an escape sequence?), which names are drawn without. */
  controls: Array<{ line: number; column: number }>;
}

/** What to say at each of `controls`, as the problems say theirs. */
export const CONTROLS_LEFT_OUT = 'control characters (an escape sequence?) are left out of the names on this line';

/** The most text `mldrill diagram` reads: far beyond any diagram worth drawing. */
export const MAX_DIAGRAM_BYTES = 256 * 1024;
/** Longer lines are refused rather than parsed: nobody types them, and they would only stall the pad. */
const MAX_LINE_CHARS = 2000;
/** A lone line of more words than this, or ending like a sentence, is prose, not a component. */
const MAX_LONE_WORDS = 6;

// Forward `->`, `-->`, `→`, labelled `-[label]->`; backward `<-`, `<--`, `←`, `<-[label]-`;
// both ways `<->`, `<-[label]->`. Longest alternatives first.
const ARROW = /<-\[([^\]\n]*)\]->|<-\[([^\]\n]*)\]-(?!>)|-\[([^\]\n]*)\]->|<-+>|<-+|-+>|→|←|↔/g;

// What looks like an arrow but is not one: `- >`, `=>`, `<=`, `-[label` left open, `--` alone.
const ODD_ARROW = /-\s+-*>|=+>|<=+|-\[|(?<=^|\s)--?(?=\s|$)|\|>/;

// Markdown fences around the edges (notes written in Markdown fence them so they render as lines).
const FENCE = /^\s*(`{3,}|~{3,})\s*([\w-]*)[^`]*$/;
// A box drawing's line (mldrill's own picture, as the export has it) holds box-drawing
// characters or arrowheads (a label stands beside its arrowhead, `weights▼ ▼features`): no name holds them.
const DRAWING = /[\u2500-\u257f▲▶▼◀]/;
// In a Mermaid block: its header, its comments, a node's declaration (`feature_store["feature
// store"]`, as `mldrill diagram --format mermaid` and the export write it) and a labelled arrow.
const MERMAID_HEADER = /^\s*(?:flowchart|graph)(?:\s+(?:TB|TD|BT|RL|LR))?\s*;?\s*$/i;
const MERMAID_NODE = /^\s*([\p{L}\p{N}_]+)\s*(?:\[\[?|\(\(?|\{\{?)\s*(?:"([^"]*)"|([^"\])}]*))\s*(?:\]\]?|\)\)?|\}\}?)\s*;?\s*$/u;
const MERMAID_LABEL = /-{2,}>\s*\|\s*"?([^|"]*)"?\s*\|/g;
/** Mermaid's entity codes (`#34;`), as the Mermaid writer puts them for characters it cannot quote. */
const mermaidText = (text: string) => text.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

type Direction = 'forward' | 'backward' | 'both';

interface Arrow {
  index: number;
  length: number;
  direction: Direction;
  label?: string;
}

/** The key that makes `Feature  Store` and `feature store` one component. */
function nodeKey(name: string): string {
  return name.toLowerCase();
}

/** A name or label as drawn: control sequences out (they would skew the layout's widths), spaces collapsed. */
const collapse = (text: string) => stripControl(text).trim().replace(/\s+/g, ' ');

/** 1-based column in code points of a UTF-16 index in text. */
function columnOf(text: string, index: number): number {
  let column = 1;
  for (let i = 0; i < index; i++) {
    const code = text.charCodeAt(i);
    // The high half of a surrogate pair starts a character; the low half does not.
    if (code < 0xdc00 || code > 0xdfff) column++;
  }
  return column;
}

function arrowsIn(text: string): Arrow[] {
  const arrows: Arrow[] = [];
  for (const match of text.matchAll(ARROW)) {
    const token = match[0];
    const label = match[1] ?? match[2] ?? match[3];
    const direction: Direction = token === '↔' || (token.startsWith('<') && token.endsWith('>'))
      ? 'both'
      : token.startsWith('<') || token === '←' ? 'backward' : 'forward';
    arrows.push({ index: match.index, length: token.length, direction, ...(label !== undefined && collapse(label) ? { label: collapse(label) } : {}) });
  }
  return arrows;
}

/** Parses an edge list. Never throws: what is not understood comes back in `problems`. */
export function parseDiagram(source: string): Diagram {
  const nodes = new Map<string, DiagramNode>();
  const edges: DiagramEdge[] = [];
  const seenEdges = new Set<string>();
  const problems: DiagramProblem[] = [];
  const controls: Diagram['controls'] = [];

  const node = (name: string, line: number, column: number): string => {
    const key = nodeKey(name);
    if (!nodes.has(key)) nodes.set(key, { key, name, line, column });
    return key;
  };
  const edge = (from: string, to: string, label: string | undefined, line: number, column: number) => {
    const id = `${from}\u0000${to}\u0000${label ?? ''}`;
    if (seenEdges.has(id)) return;
    seenEdges.add(id);
    edges.push({ from, to, ...(label ? { label } : {}), line, column });
  };

  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  /** The open fence and whether it holds Mermaid, or null outside one. */
  let fence: { marks: string; mermaid: boolean } | null = null;
  /** A Mermaid block's node ids and the names they stand for. */
  const mermaidNames = new Map<string, string>();
  lines.forEach((written, i) => {
    const line = i + 1;
    const control = controlColumn(written);
    if (control) controls.push({ line, column: control });
    // A Markdown bullet (`- `, `* `, `+ `, or numbered: `1. `, `2) `) is not part of the edge;
    // blanked so columns stay true.
    // A comment after a space (` # why`) ends the line; `C#` or `#1` inside a name or label stays.
    let raw = written.replace(/^(\s*)([-*+]|\d{1,3}[.)])(\s+)/, (_, before: string, bullet: string, after: string) => `${before}${' '.repeat(bullet.length)}${after}`).replace(/\s#(?:\s.*)?$/, '');
    let trimmed = raw.trim();
    if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('//')) return;
    const fenceLine = FENCE.exec(written);
    if (fenceLine) {
      const marks = fenceLine[1]!;
      if (!fence) fence = { marks, mermaid: fenceLine[2]!.toLowerCase() === 'mermaid' };
      else if (marks[0] === fence.marks[0] && marks.length >= fence.marks.length && !fenceLine[2]) fence = null;
      return;
    }
    if (DRAWING.test(trimmed)) return;
    if (fence?.mermaid) {
      if (MERMAID_HEADER.test(trimmed) || trimmed.startsWith('%%')) return;
      const declared = MERMAID_NODE.exec(trimmed);
      if (declared) {
        const name = collapse(mermaidText(declared[2] ?? declared[3]!)) || declared[1]!;
        mermaidNames.set(declared[1]!, name);
        node(name, line, columnOf(raw, raw.indexOf(declared[1]!)));
        return;
      }
      raw = raw.replace(MERMAID_LABEL, (_, label: string) => `-[${mermaidText(label)}]->`);
      trimmed = raw.trim();
    }
    const problem = (index: number, message: string, hint: string) => problems.push({ line, column: columnOf(raw, index), text: written, message, hint });
    if (raw.length > MAX_LINE_CHARS) {
      problem(0, `line is longer than ${MAX_LINE_CHARS} characters`, 'split it into shorter chains, one per line');
      return;
    }
    const arrows = arrowsIn(raw);
    // The names between the arrows, with where each starts.
    const parts: Array<{ name: string; index: number }> = [];
    let start = 0;
    for (const arrow of [...arrows, { index: raw.length, length: 0 }]) {
      const piece = raw.slice(start, arrow.index);
      const lead = piece.length - piece.trimStart().length;
      parts.push({ name: collapse(piece), index: start + lead });
      start = arrow.index + arrow.length;
    }
    const odd = parts.find((part) => ODD_ARROW.test(part.name));
    if (odd) {
      problem(odd.index + ODD_ARROW.exec(raw.slice(odd.index))!.index, 'not an edge: an arrow mldrill does not read', 'write arrows as -> (<- backwards, -[label]-> with a label)');
      return;
    }
    if (arrows.length === 0) {
      const name = parts[0]!;
      if (/[.?!:;,]$/.test(name.name) || name.name.split(' ').length > MAX_LONE_WORDS) {
        problem(name.index, 'not an edge: this reads as a sentence, not a component', 'write edges as `a -> b`, or a lone component by its name; keep prose in your notes');
      } else {
        node(name.name, line, columnOf(raw, name.index));
      }
      return;
    }
    const empty = parts.findIndex((part) => !part.name);
    if (empty !== -1) {
      const arrow = arrows[Math.min(empty, arrows.length - 1)]!;
      const at = empty === 0 ? arrow.index : empty === parts.length - 1 ? arrow.index + arrow.length : parts[empty]!.index;
      const where = empty === 0 ? 'before the first arrow' : empty === parts.length - 1 ? 'after the last arrow' : 'between two arrows';
      problem(at, `not an edge: no component ${where}`, 'name a component on both sides of every arrow, e.g. `events -> feature store`');
      return;
    }
    const keys = parts.map((part) => node(fence?.mermaid ? mermaidNames.get(part.name) ?? part.name : part.name, line, columnOf(raw, part.index)));
    arrows.forEach((arrow, j) => {
      const column = columnOf(raw, parts[j]!.index);
      const left = keys[j]!;
      const right = keys[j + 1]!;
      if (arrow.direction !== 'backward') edge(left, right, arrow.label, line, column);
      if (arrow.direction !== 'forward') edge(right, left, arrow.label, line, column);
    });
  });
  return { nodes: [...nodes.values()], edges, problems, controls };
}

