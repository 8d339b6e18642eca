// The box-drawing picture of a diagram, fitted to a width (and height). The layout is
// lovely-mermaid's (layered, with fan-in, fan-out and feedback loops routed visibly), fed the
// Mermaid source of the diagram; this adapter picks the direction that fits, and when nothing
// fits says so and draws the edges that do. The package loads on first use only.
import { toMermaid } from './mermaid.js';
import { cut, plural } from '../text.js';
/** Beyond these the picture is no help in a terminal (and layout gets slow): the export has it. */
export const MAX_DRAWN_EDGES = 80;
const MAX_DRAWN_NODES = 60;
/**
 * The drawing function, with its renderer loaded. The module loader keeps what it loaded, so
 * nothing is memoised here: a failed load is not remembered for the next caller.
 */
export function loadDraw() {
    return import('lovely-mermaid').then(({ render }) => drawWith(render));
}
/** The edges given and the components they touch. */
function subgraph(nodes, edges) {
    const used = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
    return { nodes: nodes.filter((node) => used.has(node.key)), edges };
}
function drawWith(render) {
    const art = (diagram, direction) => {
        const result = render(toMermaid(diagram, { direction, entities: false }));
        return result ? { lines: result.plain, width: result.width } : undefined;
    };
    const fits = (found, size) => found !== undefined && found.width <= size.width && (size.height === undefined || found.lines.length <= size.height);
    /** Left to right reads like a pipeline, so it is tried first; top-down is narrower. */
    const fitted = (diagram, size) => {
        for (const direction of ['LR', 'TD']) {
            const found = art(diagram, direction);
            if (fits(found, size))
                return { art: found, direction };
        }
        return undefined;
    };
    return (diagram, size) => {
        if (diagram.nodes.length === 0)
            return { lines: [], complete: true, note: 'nothing to draw yet: write an edge such as `events -> feature store`' };
        if (diagram.edges.length > MAX_DRAWN_EDGES || diagram.nodes.length > MAX_DRAWN_NODES) {
            return {
                lines: [],
                complete: false,
                tooLarge: true,
                note: `too large to draw here (${plural(diagram.edges.length, 'edge')}, ${plural(diagram.nodes.length, 'component')}; at most ${MAX_DRAWN_EDGES} and ${MAX_DRAWN_NODES})`,
            };
        }
        const whole = fitted(diagram, size);
        if (whole)
            return { lines: whole.art.lines, complete: true, direction: whole.direction };
        const needed = art(diagram, 'TD');
        const space = size.height === undefined ? `${size.width} columns` : `${size.width}×${size.height}`;
        const need = needed ? ` (it needs ${needed.width}×${needed.lines.length})` : '';
        // The longest run of edges, in the order written, whose picture fits. With lone components
        // (boxes with no edge) every edge may fit once they are left out.
        const lone = diagram.nodes.length - subgraph(diagram.nodes, diagram.edges).nodes.length;
        let low = 1;
        let high = diagram.edges.length - (lone > 0 ? 0 : 1);
        let best;
        while (low <= high) {
            const count = Math.floor((low + high) / 2);
            const found = fitted(subgraph(diagram.nodes, diagram.edges.slice(0, count)), size);
            if (found) {
                best = { ...found, count };
                low = count + 1;
            }
            else {
                high = count - 1;
            }
        }
        if (best) {
            return {
                lines: best.art.lines,
                complete: false,
                direction: best.direction,
                // What is shown comes first: a narrow pad cuts the note at its width.
                note: `${best.count === diagram.edges.length ? `showing the edges, not ${plural(lone, 'lone component')}` : `showing the first ${best.count} of ${plural(diagram.edges.length, 'edge')}`}; the whole does not fit in ${space}${need}`,
            };
        }
        // Not even one edge fits: the top-left corner of the top-down picture, cut to size.
        const rows = (needed?.lines ?? []).slice(0, size.height ?? Infinity).map((row) => cut(row, size.width));
        return { lines: rows, complete: false, direction: 'TD', note: `showing the top-left corner; the whole does not fit in ${space}${need}` };
    };
}
