// The diagram pad's view: the edge lines a candidate has typed, parsed and drawn for a size, with
// what could not be read listed under the picture, hint and all. Returns lines; never prints.
// The drill's stage screen opens it with `await openPad()` (which loads the renderer once) and
// calls `view` on every change; `export` uses it for the text drawing of a saved session.
import { cut, plural } from '../text.js';
import { loadDraw, tooLargeNote, type Drawing, type DrawSize } from './draw.js';
import { toMermaid } from './mermaid.js';
import { parseDiagram, type Diagram } from './parse.js';

/** The rows of the shortest picture: one box, its name between its top and bottom. */
const BOX_ROWS = 3;

export interface PadView {
  diagram: Diagram;
  /** The picture, each row at most `width` columns; empty when there is nothing to draw. */
  drawing: string[];
  /** Why the picture is not the whole diagram, or that there is nothing yet (whole; `lines` has it cut to the width). */
  note?: string;
  /** One line per line of the pad that is not an edge, cut to the width: `line 3: not an edge: …; hint`. */
  problems: string[];
  /** drawing, note and problems together, cut to the height when one is given (problems first kept). */
  lines: string[];
}

export interface Pad {
  view(source: string, size: DrawSize): PadView;
}

/** The pad, with its renderer loaded. */
export async function openPad(): Promise<Pad> {
  const draw = await loadDraw();
  return {
    view(source, size) {
      const diagram = parseDiagram(source);
      const problems = diagram.problems.map((problem) => cut(`line ${problem.line}: ${problem.message}; ${problem.hint}`, size.width));
      const note = (text: string | undefined) => (text === undefined ? [] : [text]);
      // The problems and the note come first out of the height: losing a typed line silently is worse than a shorter picture.
      const reserved = problems.length + 1;
      const room = size.height === undefined ? undefined : size.height - reserved;
      // Too few rows for a box (three: its two sides and its name): say so, rather than draw a row of box tops.
      const count = diagram.edges.length > 0 ? diagram.edges.length : diagram.nodes.length;
      const noRoom = { lines: [], note: `no room to draw ${plural(count, diagram.edges.length > 0 ? 'edge' : 'component')} here; a taller terminal shows ${count === 1 ? 'it' : 'them'}`, tooLarge: true };
      let drawn: Drawing | typeof noRoom;
      if (room === undefined || diagram.nodes.length === 0) drawn = draw(diagram, { width: size.width, ...(room === undefined ? {} : { height: Math.max(1, room) }) });
      else if (room >= BOX_ROWS) drawn = draw(diagram, { width: size.width, height: room });
      else if (room + 1 < BOX_ROWS) drawn = noRoom;
      else {
        // The note's row too is a box's height: a picture that fits whole there needs no note.
        const whole = draw(diagram, { width: size.width, height: room + 1 });
        drawn = whole.complete ? whole : noRoom;
      }
      // Too large, the note leads with where the whole is: the pad cuts it at its width.
      const said = 'past' in drawn && drawn.past ? tooLargeNote(drawn.past, 'the export has it whole')
        : drawn.tooLarge ? `${drawn.note}; the export has it whole` : drawn.note;
      const lines = [...drawn.lines, ...note(said).map((text) => cut(text, size.width)), ...problems];
      return {
        diagram,
        drawing: drawn.lines,
        ...(said ? { note: said } : {}),
        problems,
        lines: size.height === undefined ? lines : lines.slice(-size.height),
      };
    },
  };
}

/** A saved diagram as Mermaid source and as a text drawing `width` columns wide, for documents. */
export async function diagramForDocument(source: string, width = 100): Promise<{ mermaid: string; drawing: string[]; note?: string; problems: string[] } | undefined> {
  const diagram = parseDiagram(source);
  if (diagram.nodes.length === 0 && diagram.problems.length === 0) return undefined;
  const drawn = (await loadDraw())(diagram, { width });
  // The lines that are not edges, whole: a document has room, and nothing typed is lost.
  const problems = diagram.problems.map((problem) => `line ${problem.line}: ${problem.text.trim()} (${problem.message})`);
  return { mermaid: toMermaid(diagram), drawing: drawn.lines, ...(drawn.note ? { note: drawn.note } : {}), problems };
}
