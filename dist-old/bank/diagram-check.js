// Checks of a question's reference diagram beyond its format: what would make the comparison
// with a candidate's drawing wrong or meaningless. Reads the data as it is, like fileChecks.
import { stems } from '../diagram/compare.js';
import { closest } from '../text.js';
const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
export function diagramIssues(diagram) {
    if (!isRecord(diagram))
        return [];
    const issues = [];
    const ids = new Set();
    // A name two components share (up to word forms) would make every match a coin toss.
    const names = new Map();
    list(diagram.components).forEach((component, i) => {
        if (!isRecord(component))
            return;
        const id = typeof component.id === 'string' ? component.id : undefined;
        if (id !== undefined) {
            if (ids.has(id))
                issues.push({ path: ['diagram', 'components', i, 'id'], rule: 'diagram-duplicate', message: `component id "${id}" is used twice in diagram.components; give each component its own id` });
            ids.add(id);
        }
        list(component.names).forEach((name, j) => {
            if (typeof name !== 'string')
                return;
            const key = stems(name).join(' ');
            const owner = names.get(key);
            if (owner !== undefined) {
                const where = owner === id ? 'twice in this component' : `already by component "${owner}"`;
                issues.push({ path: ['diagram', 'components', i, 'names', j], rule: 'diagram-duplicate', message: `the name "${name}" is used ${where} (word forms count as the same name); keep it in one component` });
            }
            else if (key) {
                names.set(key, id ?? '');
            }
        });
    });
    if (Array.isArray(diagram.flows) && diagram.flows.length === 0) {
        issues.push({ path: ['diagram', 'flows'], rule: 'diagram-no-flows', message: 'diagram.flows is empty; add the key flows, [from, to], including the feedback loop back to training' });
    }
    list(diagram.flows).forEach((flow, i) => {
        list(flow).slice(0, 2).forEach((end, j) => {
            if (typeof end !== 'string' || ids.has(end))
                return;
            const [suggestion] = closest(end, ids, 1);
            issues.push({
                path: ['diagram', 'flows', i, j],
                rule: 'diagram-unknown-component',
                message: `diagram.flows[${i}] names the component "${end}", which diagram.components does not have; ${suggestion ? `did you mean "${suggestion}"?` : 'add it to diagram.components'}`,
            });
        });
    });
    return issues;
}
