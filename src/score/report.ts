// The data of the end-of-drill report. Rendering is ui/render.ts's job.
import { totalBudgetSeconds, usedSeconds, type SessionState } from '../session/engine.js';
import type { Interview } from '../session/interview.js';
import { scoreSession, scoreStage, type SessionScore, type StageScore } from './score.js';

export interface ReportStage {
  id: string;
  title: string;
  budgetSeconds: number;
  usedSeconds: number;
  hintsShown: number;
  score: StageScore;
  redFlags: string[];
}

export interface Report {
  questionId: string;
  questionTitle: string;
  /** Whether the question has a strong example answer to offer after the drill. */
  strongAnswer: boolean;
  rubricTitle: string;
  total: number;
  budgetSeconds: number;
  usedSeconds: number;
  stages: ReportStage[];
}

/** checked[i] holds the ids ticked for stage i. */
export function assess(interview: Interview, checked: readonly (readonly string[])[]): SessionScore {
  return scoreSession(interview.stages.map((stage, i) => scoreStage(stage.plan.id, stage.items, checked[i] ?? [])));
}

export function buildReport(interview: Interview, state: SessionState, score: SessionScore, now: number): Report {
  const stages = interview.stages.map((stage, i) => ({
    id: stage.plan.id,
    title: stage.plan.title,
    budgetSeconds: stage.plan.budgetSeconds,
    usedSeconds: Math.round(usedSeconds(state, i, now)),
    hintsShown: state.progress[i]!.hintsShown,
    score: score.stages[i]!,
    redFlags: stage.redFlags,
  }));
  return {
    questionId: interview.question.id,
    questionTitle: interview.question.title,
    strongAnswer: interview.question.examples?.strong !== undefined,
    rubricTitle: interview.rubric.title,
    total: score.total,
    budgetSeconds: totalBudgetSeconds(stages),
    usedSeconds: stages.reduce((sum, stage) => sum + stage.usedSeconds, 0),
    stages,
  };
}
