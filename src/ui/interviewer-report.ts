// The report's lines about the clarify dialogue: which facts the candidate uncovered by asking,
// and, for each one never asked about, what the interviewer would have said. Returns plain
// lines (the caller styles and wraps them); every string from the bank is stripped of control
// characters here.
import type { Exchange, FactLike } from '../session/interviewer.js';
import { coveredFacts, uncoveredFacts } from '../session/interviewer.js';
import { stripControl } from '../text.js';

export interface FactReport {
  /** One line: how many facts were uncovered, and which topics. */
  summary: string;
  /** One line per fact never asked about: "You never asked about latency: ...". */
  missed: string[];
}

/** What the report says about the fact sheet after a drill; undefined when there is no sheet. */
export function factReport(facts: readonly FactLike[], exchanges: readonly Pick<Exchange, 'factId'>[]): FactReport | undefined {
  if (facts.length === 0) return undefined;
  const covered = coveredFacts(exchanges, facts);
  const topics = [...new Set(covered.map((fact) => fact.topic))];
  const summary = covered.length === 0
    ? `You asked the interviewer about none of the ${facts.length} facts they had.`
    : `You uncovered ${covered.length} of ${facts.length} facts, about ${topics.join(', ')}.`;
  const missed = uncoveredFacts(exchanges, facts).map((fact) => `You never asked about ${fact.topic}: ${stripControl(fact.answer)}`);
  return { summary, missed };
}
