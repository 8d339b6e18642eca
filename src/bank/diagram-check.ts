// Checks of a question's reference diagram beyond its format: what would make the comparison
// with a candidate's drawing wrong or meaningless. Reads the data as it is, like fileChecks.
import { stems } from '../diagram/compare.js';
import { closest, didYouMean } from '../text.js';
import type { PathSegment } from './parse.js';
import { isRecord } from './records.js';

export interface DiagramIssue {
  path: PathSegment[];
  rule: 'diagram-unknown-component' | 'diagram-duplicate' | 'diagram-no-flows' | 'diagram-self-flow';
  message: string;
}

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export function diagramIssues(diagram: unknown): DiagramIssue[] {
  if (!isRecord(diagram)) return [];
  const issues: DiagramIssue[] = [];
  const ids = new Set<string>();
  // A name two components share (up to word forms) would make every match a coin toss.
  const names = new Map<string, string>();
  list(diagram.components).forEach((component, i) => {
    if (!isRecord(component)) return;
    const id = typeof component.id === 'string' ? component.id : undefined;
    if (id !== undefined) {
      if (ids.has(id)) issues.push({ path: ['diagram', 'components', i, 'id'], rule: 'diagram-duplicate', message: `component id "${id}" is used twice in diagram.components; give each component its own id` });
      ids.add(id);
    }
    list(component.names).forEach((name, j) => {
      if (typeof name !== 'string') return;
      const key = stems(name).join(' ');
      const owner = names.get(key);
      if (owner !== undefined) {
        const where = owner === id ? 'twice in this component' : `already by component "${owner}"`;
        issues.push({ path: ['diagram', 'components', i, 'names', j], rule: 'diagram-duplicate', message: `the name "${name}" is used ${where} (word forms count as the same name); keep it in one component` });
      } else if (key) {
        names.set(key, id ?? '');
      }
    });
  });
  if (Array.isArray(diagram.flows) && diagram.flows.length === 0) {
    issues.push({ path: ['diagram', 'flows'], rule: 'diagram-no-flows', message: 'diagram.flows is empty; add the key flows, [from, to], including the feedback loop back to training' });
  }
  // A flow twice would count twice; a flow from a component to itself is no flow a drawing can match.
  const flows = new Map<string, number>();
  list(diagram.flows).forEach((flow, i) => {
    const [from, to] = list(flow);
    if (typeof from === 'string' && typeof to === 'string') {
      if (from === to) {
        issues.push({ path: ['diagram', 'flows', i], rule: 'diagram-self-flow', message: `diagram.flows[${i}] goes from "${from}" to itself; a flow joins two components, so name the other end or remove it` });
      } else if (flows.has(`${from}\u0000${to}`)) {
        issues.push({ path: ['diagram', 'flows', i], rule: 'diagram-duplicate', message: `diagram.flows[${i}] repeats diagram.flows[${flows.get(`${from}\u0000${to}`)}] ("${from}" to "${to}"); keep one` });
      } else {
        flows.set(`${from}\u0000${to}`, i);
      }
    }
    list(flow).slice(0, 2).forEach((end, j) => {
      if (typeof end !== 'string' || ids.has(end)) return;
      const fix = didYouMean(closest(end, ids, 1)) || 'add it to diagram.components';
      issues.push({
        path: ['diagram', 'flows', i, j],
        rule: 'diagram-unknown-component',
        message: `diagram.flows[${i}] names the component "${end}", which diagram.components does not have; ${fix}`,
      });
    });
  });
  return issues;
}
