// The data of the end-of-drill report. Rendering is ui/render.ts's job.
import { diagramWithPadLine, notesAfterCurveball, notesWithDraft, usedSeconds, type SessionState } from '../session/engine.js';
import { totalBudgetSeconds } from '../session/plan.js';
import type { Interview } from '../session/interview.js';
import type { Exchange, FactLike } from '../session/interviewer.js';
import { isFollowupItem } from '../store/record.js';
import { diagramReport } from './diagram.js';
import { scoreSession, scoreStage, type SessionScore, type StageScore } from './score.js';
import { notesAfter, pacingFlag, stageSignals } from './signals.js';

export interface ReportStage {
  id: string;
  title: string;
  budgetSeconds: number;
  usedSeconds: number;
  hintsShown: number;
  score: StageScore;
  /** The rubric's red flags for the stage, all of them. */
  redFlags: string[];
  /** `rushed: 8 s of 15 min`, `over by 40%`, or null when the pace was fine. */
  pacing: string | null;
  /** The signs of trouble the session's data shows in the stage; its red flags are suggested when there are any. */
  signals: string[];
}

/** The follow-up thrown in, and what was written after it. */
export interface ReportCurveball {
  stageTitle: string;
  atSeconds: number;
  text: string;
  /** The stage's notes lines written after it; null when the session does not know (older checkpoints). */
  notesAfter: string[] | null;
}

export interface Report {
  questionId: string;
  questionTitle: string;
  /** Whether the question has a strong example answer to offer after the drill. */
  strongAnswer: boolean;
  rubricTitle: string;
  total: number;
  /** Whether missed core items capped the total. */
  capped: boolean;
  budgetSeconds: number;
  usedSeconds: number;
  stages: ReportStage[];
  /** null when none was thrown in. */
  curveball: ReportCurveball | null;
  /** The questions put to the interviewer, and the fact sheet; absent when there was neither. */
  dialogue?: { facts: FactLike[]; exchanges: Exchange[] };
  /** The follow-up thrown in, what was written after it and its answer key, point by point. */
  followup?: ReportFollowup;
  /** The drawing compared with the question's reference diagram (src/score/diagram.ts); empty when nothing was drawn. */
  diagram?: string[];
}

export interface ReportFollowup {
  stageTitle: string;
  text: string;
  notesAfter: string;
  /** Empty when the follow-up has no answer key. */
  points: Array<{ text: string; covered: boolean }>;
}

/** checked[i] holds the ids ticked for stage i. */
export function assess(interview: Interview, checked: readonly (readonly string[])[]): SessionScore {
  return scoreSession(interview.stages.map((stage, i) => scoreStage(stage.plan.id, stage.items, checked[i] ?? [])));
}

export function buildReport(interview: Interview, state: SessionState, score: SessionScore, now: number): Report {
  const notes = state.progress.map((progress) => notesWithDraft(progress));
  const base = interview.stages.map((stage, i) => ({
    id: stage.plan.id,
    title: stage.plan.title,
    budgetSeconds: stage.plan.budgetSeconds,
    usedSeconds: Math.round(usedSeconds(state, i, now)),
    hintsShown: state.progress[i]!.hintsShown,
    score: score.stages[i]!,
    redFlags: stage.redFlags,
  }));
  const signals = stageSignals(base.map((stage, i) => ({ ...stage, notes: notes[i]!, score: stage.score.score })));
  const stages = base.map((stage, i) => ({ ...stage, pacing: pacingFlag(stage.usedSeconds, stage.budgetSeconds), signals: signals[i]! }));
  const facts = interview.question.interviewer?.facts ?? [];
  const exchanges = state.exchanges ?? [];
  const thrown = state.curveball;
  const curveball = thrown?.shownAtSeconds != null ? thrown : null;
  const followupStage = curveball && interview.stages[curveball.stage];
  const drawn = diagramReport(interview.question.diagram, diagramWithPadLine(state));
  return {
    questionId: interview.question.id,
    questionTitle: interview.question.title,
    strongAnswer: interview.question.examples?.strong !== undefined,
    rubricTitle: interview.rubric.title,
    total: score.total,
    capped: score.capped,
    budgetSeconds: totalBudgetSeconds(stages),
    usedSeconds: stages.reduce((sum, stage) => sum + stage.usedSeconds, 0),
    stages,
    curveball: thrown && thrown.shownAtSeconds !== null && stages[thrown.stage]
      ? { stageTitle: stages[thrown.stage]!.title, atSeconds: thrown.shownAtSeconds, text: thrown.text, notesAfter: notesAfter(notes[thrown.stage]!, thrown) }
      : null,
    ...(drawn.length ? { diagram: drawn } : {}),
    ...(facts.length || exchanges.length ? { dialogue: { facts, exchanges } } : {}),
    ...(curveball && followupStage ? {
      followup: {
        stageTitle: followupStage.plan.title,
        text: curveball.text,
        notesAfter: notesAfterCurveball(state),
        points: followupStage.items.filter((item) => isFollowupItem(item.id)).map((item) => ({ text: item.text, covered: score.stages[curveball.stage]!.checked.includes(item.id) })),
      },
    } : {}),
  };
}
