// The offline keyword grader: an interview's notes in, every item met or not with its evidence,
// and the score the self-assessment would give had the user ticked exactly the suggestions.
// Pure; `mldrill grade`, lint's grading-example rule and the drill's suggestions share it.
import { exampleRange, type Example, type ExampleKind } from '../bank/schema.js';
import type { Interview } from '../session/interview.js';
import type { Exchange } from '../session/interviewer.js';
import { exchangeEvidence, withExchangeSuggestions } from './dialogue.js';
import { gradeDiagram, withDiagramSuggestion, type DiagramGrade } from './diagram.js';
import { indexNotes } from './keywords.js';
import { assess } from './report.js';
import { suggestForStages } from './suggest.js';

export interface GradedItem {
  id: string;
  text: string;
  weight: number;
  core: boolean;
  met: boolean;
  /** The notes' own words that met the item; null when not met. */
  evidence: string | null;
}

export interface GradedStage {
  id: string;
  title: string;
  score: number;
  /** Core items first, then in checklist order. */
  items: GradedItem[];
}

export interface Grade {
  questionId: string;
  rubricId: string;
  grader: 'keywords';
  score: number;
  capped: boolean;
  stages: GradedStage[];
  /** The drawing compared with the question's reference; null when there is no drawing (or no reference). */
  diagram: DiagramGrade | null;
}

/**
 * Grades notes: every stage's items against all of the notes together; a drawing (edge lines)
 * may suggest the diagram item, and a session's questions to the interviewer clarify items, as
 * they do in the drill.
 */
export function gradeNotes(interview: Interview, notes: string, diagram?: string, exchanges?: readonly Pick<Exchange, 'asked' | 'factId'>[]): Grade {
  const facts = interview.question.interviewer?.facts ?? [];
  const index = indexNotes(notes + exchangeEvidence(exchanges, facts));
  const drawn = gradeDiagram(interview.question.diagram, diagram);
  const found = withExchangeSuggestions(interview, withDiagramSuggestion(interview, suggestForStages(interview.stages.map((stage) => stage.items), index), drawn), exchanges, facts);
  const score = assess(interview, found.map((map) => [...map.keys()]));
  return {
    questionId: interview.question.id,
    rubricId: interview.rubric.id,
    grader: 'keywords',
    score: score.total,
    capped: score.capped,
    stages: interview.stages.map((stage, i) => ({
      id: stage.plan.id,
      title: stage.plan.title,
      score: score.stages[i]!.score,
      items: [...stage.items]
        .sort((a, b) => Number(Boolean(b.core)) - Number(Boolean(a.core)))
        .map((item) => {
          const evidence = found[i]!.get(item.id) ?? null;
          return { id: item.id, text: item.text, weight: item.weight, core: Boolean(item.core), met: evidence !== null, evidence };
        }),
    })),
    diagram: drawn,
  };
}

export interface ExampleGrade {
  kind: ExampleKind;
  grade: Grade;
  min: number;
  max: number;
  inRange: boolean;
}

/** Grades one of a question's examples against its range. */
export function gradeExample(interview: Interview, kind: ExampleKind, example: Example): ExampleGrade {
  const { min, max } = exampleRange(kind, example.score);
  const grade = gradeNotes(interview, Object.values(example.notes).join('\n'));
  return { kind, grade, min, max, inRange: grade.score >= min && grade.score <= max };
}

/** What an author needs to fix an example out of its range: the missed core items or the evidence that lifted it. */
export function explainExampleGrade({ kind, grade, min, max }: ExampleGrade): string {
  const items = grade.stages.flatMap((stage) => stage.items);
  const base = `examples.${kind} grades to ${grade.score}%, outside its range ${min}-${max}%`;
  if (grade.score < min) {
    const core = items.filter((item) => item.core && !item.met).map((item) => item.id);
    const heaviest = items.filter((item) => !item.met && !item.core).sort((a, b) => b.weight - a.weight).slice(0, 3).map((item) => item.id);
    return `${base}${grade.capped ? ' (capped: core items missed)' : ''}; missed ${[...core.map((id) => `core ${id}`), ...heaviest].join(', ')}; use their keywords' phrases in the notes`;
  }
  const met = items.filter((item) => item.met).sort((a, b) => b.weight - a.weight).slice(0, 4).map((item) => `${item.id} ("${item.evidence}")`);
  return `${base}; it met ${met.join(', ')}: make the notes shallower or the keywords sharper`;
}
