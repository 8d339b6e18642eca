// The box-drawing picture of a diagram, fitted to a width (and height). The layout is
// lovely-mermaid's (layered, with fan-in, fan-out and feedback loops routed visibly), fed the
// Mermaid source of the diagram; this adapter picks the direction that fits, and when nothing
// fits says so and draws the edges that do. A diagram past the limits of a picture is drawn the
// same way, from its first edges within them. The package loads on first use only.
import { toMermaid, type Direction } from './mermaid.js';
import type { Diagram, DiagramEdge, DiagramNode } from './parse.js';
import { cut, plural } from '../text.js';

/** Beyond these the picture is no help in a terminal (and layout gets slow): the first edges within them are drawn, and the export has the whole. */
export const MAX_DRAWN_EDGES = 80;
const MAX_DRAWN_NODES = 60;

export interface DrawSize {
  /** Columns available. */
  width: number;
  /** Rows available; unlimited when absent. */
  height?: number;
}

export interface Drawing {
  /** The picture, each row at most `width` columns; empty when nothing could be drawn. */
  lines: string[];
  /** Whether every component and edge is in the picture. */
  complete: boolean;
  /** Past the limits of a drawing (only its first edges drawn): the caller says where the whole diagram is (the export, Mermaid). */
  tooLarge?: true;
  /** With tooLarge, the note in two parts: what is shown ("the first 59 of 300 edges") and why the rest is not. */
  past?: { shown: string; limits: string };
  /** One line for the user when the picture is not the whole diagram (or there is none). */
  note?: string;
  direction?: Direction;
}

/**
 * The note for a drawing past the limits, where the whole can be seen first: a pad cuts the note
 * at its width, and "too large to draw here" is what the reader must not miss.
 */
export function tooLargeNote(past: NonNullable<Drawing['past']>, whole: string): string {
  return `too large to draw here (${whole}): showing ${past.shown}; ${past.limits}`;
}

export type Draw = (diagram: Pick<Diagram, 'nodes' | 'edges'>, size: DrawSize) => Drawing;

interface Art {
  lines: string[];
  width: number;
}

type RenderMermaid = (source: string) => { plain: string[]; width: number } | null;

/**
 * The drawing function, with its renderer loaded. The module loader keeps what it loaded, so
 * nothing is memoised here: a failed load is not remembered for the next caller.
 */
export function loadDraw(): Promise<Draw> {
  return import('lovely-mermaid').then(({ render }) => drawWith(render));
}


/**
 * The longest run of edges, in the order written, within MAX_DRAWN_EDGES and MAX_DRAWN_NODES
 * (with no edges, the first components); undefined when the whole diagram is within them.
 */
function withinLimits(diagram: Pick<Diagram, 'nodes' | 'edges'>): Pick<Diagram, 'nodes' | 'edges'> | undefined {
  if (diagram.edges.length <= MAX_DRAWN_EDGES && diagram.nodes.length <= MAX_DRAWN_NODES) return undefined;
  const used = new Set<string>();
  let count = 0;
  for (const edge of diagram.edges.slice(0, MAX_DRAWN_EDGES)) {
    const more = new Set([edge.from, edge.to].filter((key) => !used.has(key)));
    if (used.size + more.size > MAX_DRAWN_NODES) break;
    for (const key of more) used.add(key);
    count++;
  }
  return count > 0 ? subgraph(diagram.nodes, diagram.edges.slice(0, count)) : { nodes: diagram.nodes.slice(0, MAX_DRAWN_NODES), edges: [] };
}

/** `80 columns`, or `80×24` with a height. */
const spaceOf = (size: DrawSize) => (size.height === undefined ? `${size.width} columns` : `${size.width}×${size.height}`);

/** The edges given and the components they touch. */
function subgraph(nodes: readonly DiagramNode[], edges: DiagramEdge[]): Pick<Diagram, 'nodes' | 'edges'> {
  const used = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
  return { nodes: nodes.filter((node) => used.has(node.key)), edges };
}

function drawWith(render: RenderMermaid): Draw {
  const art = (diagram: Pick<Diagram, 'nodes' | 'edges'>, direction: Direction): Art | undefined => {
    const result = render(toMermaid(diagram, { direction, entities: false }));
    return result ? { lines: result.plain, width: result.width } : undefined;
  };
  const fits = (found: Art | undefined, size: DrawSize): found is Art =>
    found !== undefined && found.width <= size.width && (size.height === undefined || found.lines.length <= size.height);
  /** Left to right reads like a pipeline, so it is tried first; top-down is narrower. */
  const fitted = (diagram: Pick<Diagram, 'nodes' | 'edges'>, size: DrawSize): { art: Art; direction: Direction } | undefined => {
    for (const direction of ['LR', 'TD'] as const) {
      const found = art(diagram, direction);
      if (fits(found, size)) return { art: found, direction };
    }
    return undefined;
  };

  /** Drawn within the limits (its first edges, when the whole is past them), saying what was left out. */
  const draw: Draw = (diagram, size) => {
    if (diagram.nodes.length === 0) return { lines: [], complete: true, note: 'nothing to draw yet: write an edge such as `events -> feature store`' };
    const part = withinLimits(diagram);
    if (!part) return drawFitted(diagram, size).drawing;
    const { drawing: drawn, shown = part.edges.length } = drawFitted(part, size);
    const edges = plural(diagram.edges.length, 'edge');
    const what = part.edges.length === 0 ? `the first ${part.nodes.length} of ${plural(diagram.nodes.length, 'component')}`
      : shown === 0 ? `the top-left corner of the first ${part.edges.length} of ${edges}` : `the first ${shown} of ${edges}`;
    const why = drawn.complete ? '' : `, and the first ${part.edges.length || part.nodes.length} do not fit in ${spaceOf(size)}`;
    const limits = `a picture here holds at most ${MAX_DRAWN_EDGES} edges and ${MAX_DRAWN_NODES} components${why}`;
    return {
      lines: drawn.lines,
      complete: false,
      tooLarge: true,
      past: { shown: what, limits },
      ...(drawn.direction ? { direction: drawn.direction } : {}),
      // What is shown comes first: a narrow pad cuts the note at its width.
      note: `showing ${what}: ${limits}`,
    };
  };

  /** Drawn to fit the size: whole if it can be, else its first edges, else a corner. */
  const drawFitted = (diagram: Pick<Diagram, 'nodes' | 'edges'>, size: DrawSize): { drawing: Drawing; shown?: number } => {
    const whole = fitted(diagram, size);
    if (whole) return { drawing: { lines: whole.art.lines, complete: true, direction: whole.direction } };

    const needed = art(diagram, 'TD');
    const space = spaceOf(size);
    const need = needed ? ` (it needs ${needed.width}×${needed.lines.length})` : '';
    // The longest run of edges, in the order written, whose picture fits. With lone components
    // (boxes with no edge) every edge may fit once they are left out.
    const lone = diagram.nodes.length - subgraph(diagram.nodes, diagram.edges).nodes.length;
    let low = 1;
    let high = diagram.edges.length - (lone > 0 ? 0 : 1);
    let best: { art: Art; direction: Direction; count: number } | undefined;
    while (low <= high) {
      const count = Math.floor((low + high) / 2);
      const found = fitted(subgraph(diagram.nodes, diagram.edges.slice(0, count)), size);
      if (found) {
        best = { ...found, count };
        low = count + 1;
      } else {
        high = count - 1;
      }
    }
    if (best) {
      return {
        shown: best.count,
        drawing: {
          lines: best.art.lines,
          complete: false,
          direction: best.direction,
        // What is shown comes first: a narrow pad cuts the note at its width.
          note: `${best.count === diagram.edges.length ? `showing the edges, not ${plural(lone, 'lone component')}` : `showing the first ${best.count} of ${plural(diagram.edges.length, 'edge')}`}; the whole does not fit in ${space}${need}`,
        },
      };
    }
    // Not even one edge fits: the top-left corner of the top-down picture, cut to size.
    const rows = (needed?.lines ?? []).slice(0, size.height ?? Infinity).map((row) => cut(row, size.width));
    return { shown: 0, drawing: { lines: rows, complete: false, direction: 'TD', note: `showing the top-left corner; the whole does not fit in ${space}${need}` } };
  };
  return draw;
}
