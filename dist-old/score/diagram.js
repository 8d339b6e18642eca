// The candidate's diagram against the question's reference diagram: the comparison, the report's
// line, and whether it suggests the architecture stage's diagram item. Pure; the drill's
// self-assessment and `mldrill grade` share it, so both suggest the item alike.
import { compareDiagram, comparisonSummary } from '../diagram/compare.js';
import { parseDiagram } from '../diagram/parse.js';
import { plural } from '../text.js';
/** The rubric item (in the architecture stage) that a drawing suggests. */
const DIAGRAM_ITEM = 'diagram';
/**
 * Compares a drawing (edge lines) with the reference; null when there is no reference or nothing
 * was drawn. The drawing suggests the diagram item when it has at least half the reference's
 * components and one of its key flows: the boxes of the design, joined the way data moves.
 */
export function gradeDiagram(reference, source) {
    if (!reference || !source?.trim())
        return null;
    const drawn = parseDiagram(source);
    // Only lines that are not edges still make a drawing, of nothing: compared, it finds nothing.
    if (drawn.nodes.length === 0 && drawn.problems.length === 0)
        return null;
    const comparison = compareDiagram(reference, drawn);
    const { components, flows } = comparison;
    const suggests = components.found.length * 2 >= components.expected && flows.found.length >= 1;
    const evidence = `diagram with ${components.found.length} of ${plural(components.expected, 'component')}, ${flows.found.length} of ${plural(flows.expected, 'key flow')}`;
    return { comparison, summary: comparisonSummary(comparison), evidence: suggests ? evidence : null };
}
/** Each stage's suggestions (item id -> evidence), with the diagram item's when the drawing suggests it. */
export function withDiagramSuggestion(interview, suggestions, graded) {
    return suggestions.map((suggested, i) => {
        const copy = new Map(suggested);
        if (graded?.evidence && interview.stages[i]?.items.some((item) => item.id === DIAGRAM_ITEM))
            copy.set(DIAGRAM_ITEM, graded.evidence);
        return copy;
    });
}
/** The report's lines about a drawing: the comparison, and what was drawn beyond the reference (not counted). */
export function diagramReport(reference, source) {
    if (!source?.trim())
        return [];
    const graded = gradeDiagram(reference, source);
    if (graded) {
        const extra = graded.comparison.components.unexpected;
        return [graded.summary, ...(extra.length ? [`Also drawn (not in the reference, not counted): ${extra.join(', ')}`] : [])];
    }
    const drawn = parseDiagram(source);
    if (drawn.nodes.length === 0)
        return [];
    return [`Diagram: ${plural(drawn.nodes.length, 'component')}, ${plural(drawn.edges.length, 'edge')} drawn; this question has no reference diagram to compare with`];
}
