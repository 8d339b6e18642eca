// A candidate's diagram against a question's reference: which components and key flows it has,
// which flows it drew the wrong way round, and what it added that the reference does not expect
// (shown, never penalised). Pure and deterministic: no model, no network.
import type { Diagram } from './parse.js';
import { plural } from '../text.js';
import { containsRun, stem as stemWord } from '../words.js';

/** A question's reference diagram, as the question file holds it (src/bank/schema.ts). */
export interface ReferenceDiagram {
  components: ReadonlyArray<{ id: string; names: readonly string[] }>;
  /** [from id, to id] or [from id, to id, how to say it]: "the loop from logged outcomes to training data". */
  flows: ReadonlyArray<readonly [string, string, (string | undefined)?]>;
}

/**
 * Tells how well a name the candidate wrote stands for a reference name: 0 not at all, higher
 * is better. The scoring branch's keyword matcher can stand in here once merged.
 */
export interface NameMatcher {
  score(written: string, reference: string): number;
}

export interface FlowResult {
  from: string;
  to: string;
  /** The flow's own wording, or "from <name> to <name>". */
  description: string;
}

export interface DiagramComparison {
  components: {
    expected: number;
    /** Reference component id -> the names the candidate used for it. */
    found: Array<{ id: string; as: string[] }>;
    missing: Array<{ id: string; name: string }>;
    /** Names the candidate drew that match no reference component. */
    unexpected: string[];
  };
  flows: {
    expected: number;
    found: FlowResult[];
    missing: FlowResult[];
    /** Missing as drawn, but present the other way round. */
    reversed: FlowResult[];
  };
}

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'to', 'and', 'or', 'in', 'on', 'with']);

/**
 * The stem of one word of a component's name: the shared word forms (src/words.ts), and the agent
 * -er too, since a component is named by what it does: `ranker`, `ranking` and `rankers` are one.
 * What is left loses a doubled consonant as the shared stems do (`embedder` meets `embedding`,
 * `planner` meets `planning`).
 */
export function stem(word: string): string {
  const shared = stemWord(word);
  if (!/^.{3,}er$/.test(shared)) return shared;
  const agent = shared.slice(0, -2);
  return agent.length >= 4 && /([b-df-hj-np-tv-z])\1$/.test(agent) ? agent.slice(0, -1) : agent;
}

/** The stems of the words of a name, accents and stop words dropped. */
export function stems(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !STOP_WORDS.has(word))
    .map((word) => stem(word));
}

/** A name written as one word, hyphens and spaces closed up, stemmed: `re-ranker` and `ReRankers` read the same. */
function closedUp(name: string): string {
  return stem(name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''));
}

/** Words too general to name a component on their own: `model` alone is no ranking model. */
const GENERIC = new Set(['model', 'service', 'system', 'data', 'logs', 'pipeline', 'store', 'api', 'server', 'db', 'database', 'engine', 'layer', 'job', 'tool', 'user', 'module', 'component'].map((word) => stem(word)));

/**
 * Word forms: the same words up to endings score highest; then a written name that contains a
 * reference name whole (`online feature store` for `feature store`), by the words shared; last,
 * a short written name found whole inside a reference name (`uploads` for `new uploads`),
 * unless all its words are too general to tell (`model`, `logs`).
 */
export const wordFormMatcher: NameMatcher = {
  score(written, reference) {
    const a = stems(written);
    const b = stems(reference);
    if (a.length === 0 || b.length === 0) return 0;
    if (a.length === b.length && a.every((word, i) => word === b[i])) return 1000 + b.length;
    // One name written closed up or hyphenated, the other apart: `reranker`, `re-ranker`, `feature-store`.
    if (a.length !== b.length && closedUp(written) === closedUp(reference)) return 1000 + b.length;
    if (a.length >= b.length && containsRun(a, b)) return 100 + b.length;
    return b.length >= a.length && containsRun(b, a) && a.some((word) => !GENERIC.has(word)) ? 10 + a.length : 0;
  },
};

/** Compares the candidate's diagram with the reference; see the README for what counts. */
export function compareDiagram(reference: ReferenceDiagram, candidate: Pick<Diagram, 'nodes' | 'edges'>, matcher: NameMatcher = wordFormMatcher): DiagramComparison {
  // Each drawn component stands for the reference component it matches best, if any.
  const componentOf = new Map<string, string>();
  const unexpected: string[] = [];
  for (const node of candidate.nodes) {
    let best = { id: '', score: 0 };
    for (const component of reference.components) {
      for (const name of [component.id.replaceAll('-', ' '), ...component.names]) {
        const score = matcher.score(node.name, name);
        if (score > best.score) best = { id: component.id, score };
      }
    }
    if (best.score > 0) componentOf.set(node.key, best.id);
    else unexpected.push(node.name);
  }

  const nameOf = new Map(reference.components.map((component) => [component.id, component.names[0] ?? component.id.replaceAll('-', ' ')]));
  const found: DiagramComparison['components']['found'] = [];
  const missing: DiagramComparison['components']['missing'] = [];
  for (const component of reference.components) {
    const as = candidate.nodes.filter((node) => componentOf.get(node.key) === component.id).map((node) => node.name);
    if (as.length) found.push({ id: component.id, as });
    else missing.push({ id: component.id, name: nameOf.get(component.id)! });
  }

  const next = new Map<string, string[]>();
  for (const edge of candidate.edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
  /**
   * Whether a path of drawn edges leads from a node standing for `from` to one standing for
   * `to`, passing only through nodes the reference does not name (a queue drawn between two
   * components, say) or through other nodes standing for the two ends.
   */
  const reaches = (from: string, to: string): boolean => {
    const passable = (key: string) => !componentOf.has(key) || componentOf.get(key) === from || componentOf.get(key) === to;
    const queue = candidate.nodes.filter((node) => componentOf.get(node.key) === from).map((node) => node.key);
    const seen = new Set(queue);
    while (queue.length) {
      const key = queue.shift()!;
      for (const target of next.get(key) ?? []) {
        if (componentOf.get(target) === to) return true;
        if (!seen.has(target) && passable(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    return false;
  };

  const flows: DiagramComparison['flows'] = { expected: reference.flows.length, found: [], missing: [], reversed: [] };
  for (const [from, to, wording] of reference.flows) {
    const flow = { from, to, description: wording ?? `from ${nameOf.get(from) ?? from} to ${nameOf.get(to) ?? to}` };
    if (reaches(from, to)) flows.found.push(flow);
    else {
      flows.missing.push(flow);
      if (reaches(to, from)) flows.reversed.push(flow);
    }
  }
  return { components: { expected: reference.components.length, found, missing, unexpected }, flows };
}

/** What `grade --json` shows under "diagram". */
export function comparisonJson(comparison: DiagramComparison) {
  const flow = ({ from, to, description }: FlowResult) => ({ from, to, description });
  return {
    components: {
      found: comparison.components.found.length,
      expected: comparison.components.expected,
      missing: comparison.components.missing.map((component) => component.id),
      unexpected: comparison.components.unexpected,
    },
    flows: {
      found: comparison.flows.found.length,
      expected: comparison.flows.expected,
      missing: comparison.flows.missing.map(flow),
      reversed: comparison.flows.reversed.map(flow),
    },
  };
}

/** Lists at most max items, then "and N more". */
const SHOWN = 4;

function some(items: string[], max = SHOWN): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/**
 * One line: `Diagram: 6 of 8 components, 4 of 6 key flows; missing: …; drawn the wrong way
 * round: …`. A flow is listed as missing only when both its ends were drawn: a missing
 * component already says it.
 */
export function comparisonSummary(comparison: DiagramComparison): string {
  const { components, flows } = comparison;
  const absent = new Set(components.missing.map((component) => component.id));
  const reversed = new Set(flows.reversed);
  const names = components.missing.map((component) => component.name);
  const links = flows.missing.filter((flow) => !reversed.has(flow) && !absent.has(flow.from) && !absent.has(flow.to)).map((flow) => flow.description);
  // Components first, but never all the room: a missing flow (the feedback loop, often) is
  // named even when more components are missing than the line shows.
  const linksShown = Math.min(links.length, Math.max(1, SHOWN - names.length));
  const shown = [...names.slice(0, SHOWN - linksShown), ...links.slice(0, linksShown)];
  const left = names.length + links.length - shown.length;
  const parts = [`Diagram: ${components.found.length} of ${plural(components.expected, 'component')}, ${flows.found.length} of ${plural(flows.expected, 'key flow')}`];
  if (shown.length) parts.push(`missing: ${shown.join(', ')}${left ? ` and ${left} more` : ''}`);
  if (flows.reversed.length) parts.push(`drawn the wrong way round: ${some(flows.reversed.map((flow) => flow.description))}`);
  return parts.join('; ');
}
