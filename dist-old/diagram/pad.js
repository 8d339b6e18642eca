// The diagram pad's view: the edge lines a candidate has typed, parsed and drawn for a size, with
// what could not be read listed under the picture, hint and all. Returns lines; never prints.
// The drill's stage screen opens it with `await openPad()` (which loads the renderer once) and
// calls `view` on every change; `export` uses it for the text drawing of a saved session.
import { cut } from '../text.js';
import { loadDraw } from './draw.js';
import { toMermaid } from './mermaid.js';
import { parseDiagram } from './parse.js';
/** The pad, with its renderer loaded. */
export async function openPad() {
    const draw = await loadDraw();
    return {
        view(source, size) {
            const diagram = parseDiagram(source);
            const problems = diagram.problems.map((problem) => cut(`line ${problem.line}: ${problem.message}; ${problem.hint}`, size.width));
            const note = (text) => (text === undefined ? [] : [text]);
            // The problems and the note come first out of the height: losing a typed line silently is worse than a shorter picture.
            const reserved = problems.length + 1;
            const room = size.height === undefined ? undefined : Math.max(1, size.height - reserved);
            const drawn = draw(diagram, { width: size.width, ...(room === undefined ? {} : { height: room }) });
            const said = drawn.tooLarge ? `${drawn.note}; the export has it whole` : drawn.note;
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
export async function diagramForDocument(source, width = 100) {
    const diagram = parseDiagram(source);
    if (diagram.nodes.length === 0 && diagram.problems.length === 0)
        return undefined;
    const drawn = (await loadDraw())(diagram, { width });
    // The lines that are not edges, whole: a document has room, and nothing typed is lost.
    const problems = diagram.problems.map((problem) => `line ${problem.line}: ${problem.text.trim()} (${problem.message})`);
    return { mermaid: toMermaid(diagram), drawing: drawn.lines, ...(drawn.note ? { note: drawn.note } : {}), problems };
}
