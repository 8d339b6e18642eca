// One session as a document to keep or send to a mentor: the question, the notes and time of
// every stage, what was covered and what was missed with its guidance. Pure data; `export`
// writes it as JSON, and ui/export.ts renders it as Markdown.
import type { FactTopic } from '../bank/categories.js';
import type { RatingRecord } from '../store/ratings.js';
import { FOLLOWUP_ITEM, type CurveballRecord, type ExchangeRecord, type SessionMode, type SessionRecord, type SessionStatus } from '../store/record.js';
import { totalBudgetSeconds } from '../session/plan.js';
import { usedSecondsOf } from '../store/sessions.js';
import { localDateTime, zoneName } from '../time.js';
import type { BankView, QuestionInfo } from './bank-view.js';
import { notesAfter as notesAfterLines, pacingFlag, stageSignals } from './signals.js';

export interface DocumentItem {
  id: string;
  /** From the bank; the id when the bank no longer has the item. */
  text: string;
  guidance: string | null;
  /** One of the question's core items (the insight it exists to test). */
  core: boolean;
}

export interface DocumentStage {
  id: string;
  title: string;
  budgetSeconds: number;
  usedSeconds: number;
  hintsShown: number;
  notes: string;
  /** Percent; null when not assessed (an abandoned session). */
  score: number | null;
  covered: DocumentItem[];
  missed: DocumentItem[];
  /** `rushed: 8 s of 15 min`, `over by 40%`, or null when the pace was fine. */
  pacing: string | null;
  /** The signs of trouble the session's data shows in the stage (the report shows its red flags when there are any). */
  signals: string[];
  /** Every red flag the rubric names for the stage. */
  redFlags: string[];
}

/** A follow-up the drill threw in, and the notes written after it (null for older records, which do not say). */
export interface DocumentCurveball {
  stageId: string;
  stageTitle: string;
  atSeconds: number;
  text: string;
  notesAfter: string[] | null;
}

export interface SessionDocument {
  id: string;
  questionId: string;
  /** null when the question is no longer in the bank. */
  question: Omit<QuestionInfo, 'id'> & { prompt: string; strongAnswer: Record<string, string> | null } | null;
  rubricId: string;
  rubricTitle: string | null;
  mode: SessionMode;
  status: SessionStatus;
  startedAt: string;
  endedAt: string;
  /** The start in the reader's zone, YYYY-MM-DD HH:MM, and that zone's name. */
  localStart: string;
  timeZone: string;
  score: number | null;
  usedSeconds: number;
  budgetSeconds: number;
  stages: DocumentStage[];
  /** The diagram drawn during the session, as its edge lines; null when none was. */
  diagram: string | null;
  curveballs: DocumentCurveball[];
  /** The AI grader's latest rating of the session (ratings.jsonl); null when it has none. */
  aiRating: DocumentRating | null;
  /** In interviewer mode, the candidate's own ticks beside the partner's (ratings.jsonl); null when they gave none. */
  selfRating: DocumentSelfRating | null;
  /** The questions put to the interviewer and the answers, in the order asked. */
  exchanges: ExchangeRecord[];
  /**
   * The question's fact sheet, each fact with whether a question uncovered it; empty in
   * interviewer mode (the partner answered), or when the question has no sheet or is gone.
   */
  facts: Array<{ id: string; topic: FactTopic; answer: string; asked: boolean }>;
  /** The follow-up thrown in; null when none was. */
  followup: DocumentFollowup | null;
}

/** The follow-up as the document shows it: what was written after it and its answer key. */
export interface DocumentFollowup {
  stageId: string;
  atSeconds: number;
  text: string;
  /** The notes written after it came: its stage's from that moment, and every later stage's. */
  notesAfter: string;
  /** Its answer key, each point covered or not (not when unassessed); empty without a key. */
  answer: Array<{ id: string; text: string; covered: boolean }>;
}

/** The session's follow-up, if one was thrown in, from the record alone. */
function followupOf(record: SessionRecord): DocumentFollowup | null {
  const curveball = record.curveballs?.[0];
  if (!curveball) return null;
  const from = record.stages.findIndex((stage) => stage.id === curveball.stageId);
  // Its own stage's notes from the moment it came (the whole stage when that was not kept), then every later stage's.
  const firstStage = (notes: string) => notesAfterLines(notes, curveball)?.map((line) => `${line}\n`).join('') ?? notes;
  const notesAfter = from < 0 ? '' : record.stages.slice(from).map((stage, i) => (i === 0 ? firstStage(stage.notes) : stage.notes)).join('');
  const checked = new Set(from < 0 ? [] : record.stages[from]!.checked);
  const answer = (curveball.answer ?? []).map((text, i) => ({ id: `${FOLLOWUP_ITEM}${i + 1}`, text, covered: checked.has(`${FOLLOWUP_ITEM}${i + 1}`) }));
  return { stageId: curveball.stageId, atSeconds: curveball.atSeconds, text: curveball.text, notesAfter, answer };
}

/** An AI rating as the document shows it: per item the verdict, the quote and the reason. */
export interface DocumentRating {
  model: string | null;
  host: string | null;
  ratedAt: string;
  score: number;
  stages: Array<{
    id: string;
    title: string;
    score: number;
    items: Array<{ id: string; text: string; met: boolean | null; evidence: string | null; reason: string; void?: true; counted: boolean }>;
  }>;
}

/** The candidate's own ticks of an interviewer-mode session, stage by stage, where they and the partner disagree. */
export interface DocumentSelfRating {
  ratedAt: string;
  score: number;
  /** The partner's score, the record's. */
  partnerScore: number | null;
  stages: Array<{
    id: string;
    title: string;
    score: number;
    partnerScore: number | null;
    /** Ticked by the candidate, not by the partner. */
    onlySelf: DocumentItem[];
    /** Ticked by the partner, not by the candidate. */
    onlyPartner: DocumentItem[];
  }>;
}

export function sessionDocument(record: SessionRecord, bank: BankView, timeZone?: string, rating?: RatingRecord, selfRating?: RatingRecord): SessionDocument {
  const question = bank.question(record.questionId);
  const signals = stageSignals(record.stages);
  const followup = followupOf(record);
  const item = (stageId: string, id: string): DocumentItem => {
    // A point of the follow-up's answer key: the record holds its text.
    const point = followup?.stageId === stageId ? followup.answer.find((entry) => entry.id === id) : undefined;
    if (point) return { id, text: point.text, guidance: null, core: false };
    const found = bank.item(record, stageId, id);
    return { id, text: found?.text ?? id, guidance: found?.guidance ?? null, core: Boolean(found?.core) };
  };
  return {
    id: record.id,
    questionId: record.questionId,
    question: question ? { title: question.title, category: question.category, difficulty: question.difficulty, prompt: question.prompt, strongAnswer: question.strongAnswer } : null,
    rubricId: record.rubricId,
    rubricTitle: bank.rubricTitle(record.rubricId) ?? null,
    mode: record.mode,
    status: record.status,
    startedAt: record.startedAt,
    endedAt: record.endedAt,
    localStart: localDateTime(Date.parse(record.startedAt), timeZone),
    timeZone: zoneName(timeZone, Date.parse(record.startedAt)),
    score: record.score,
    usedSeconds: usedSecondsOf(record),
    budgetSeconds: totalBudgetSeconds(record.stages),
    stages: record.stages.map((stage, i) => ({
      id: stage.id,
      title: bank.stageTitle(record.rubricId, stage.id) ?? stage.id,
      budgetSeconds: stage.budgetSeconds,
      usedSeconds: stage.usedSeconds,
      hintsShown: stage.hintsShown,
      notes: stage.notes,
      score: stage.score,
      covered: stage.checked.map((id) => item(stage.id, id)),
      // Core items first: what the question exists to test.
      missed: stage.missed.map((id) => item(stage.id, id)).sort((a, b) => Number(b.core) - Number(a.core)),
      pacing: pacingFlag(stage.usedSeconds, stage.budgetSeconds),
      signals: signals[i]!,
      redFlags: [...(bank.redFlags?.(record.rubricId, stage.id) ?? [])],
    })),
    diagram: record.diagram ?? null,
    curveballs: curveballsOf(record).map((thrown) => {
      const stage = record.stages.find((candidate) => candidate.id === thrown.stageId);
      return {
        stageId: thrown.stageId,
        stageTitle: bank.stageTitle(record.rubricId, thrown.stageId) ?? thrown.stageId,
        atSeconds: thrown.atSeconds,
        text: thrown.text,
        notesAfter: stage ? notesAfterLines(stage.notes, thrown) : null,
      };
    }),
    aiRating: rating ? {
      model: rating.model ?? null,
      host: rating.host ?? null,
      ratedAt: rating.ratedAt,
      score: rating.score,
      stages: rating.stages.map((stage) => ({
        id: stage.id,
        title: bank.stageTitle(record.rubricId, stage.id) ?? stage.id,
        score: stage.score,
        items: stage.items.map((rated) => ({ ...rated, text: item(stage.id, rated.id).text })),
      })),
    } : null,
    selfRating: selfRating ? {
      ratedAt: selfRating.ratedAt,
      score: selfRating.score,
      partnerScore: record.score,
      stages: selfRating.stages.map((stage) => {
        const partner = new Set(record.stages.find((recorded) => recorded.id === stage.id)?.checked ?? []);
        const own = new Set(stage.items.filter((rated) => rated.met === true).map((rated) => rated.id));
        return {
          id: stage.id,
          title: bank.stageTitle(record.rubricId, stage.id) ?? stage.id,
          score: stage.score,
          partnerScore: stage.recordScore,
          onlySelf: [...own].filter((id) => !partner.has(id)).map((id) => item(stage.id, id)),
          onlyPartner: [...partner].filter((id) => !own.has(id)).map((id) => item(stage.id, id)),
        };
      }),
    } : null,
    exchanges: record.exchanges ?? [],
    facts: record.mode === 'interviewer' ? [] : (question?.facts ?? []).map((fact) => ({ id: fact.id, topic: fact.topic, answer: fact.answer, asked: (record.exchanges ?? []).some((exchange) => exchange.factId === fact.id) })),
    followup,
  };
}

/** The record's curveballs that have the form a drill writes; a hand-edited history may hold anything. */
function curveballsOf(record: SessionRecord): CurveballRecord[] {
  if (!Array.isArray(record.curveballs)) return [];
  return record.curveballs.filter((thrown): thrown is CurveballRecord =>
    typeof thrown === 'object' && thrown !== null && typeof thrown.stageId === 'string' && typeof thrown.text === 'string'
    && Number.isFinite(thrown.atSeconds) && thrown.atSeconds >= 0
    && (thrown.linesBefore === undefined || (Number.isInteger(thrown.linesBefore) && thrown.linesBefore >= 0)));
}
