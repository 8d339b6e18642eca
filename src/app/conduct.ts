// Runs an interview from wherever its state is (new or resumed) to the end: the stages, the
// assessment, the report and the history. Checkpoints the session to disk as it goes, so that
// Ctrl-C, a crash or kill -9 never loses what was typed.
import { EXIT, InterruptedError, UsageError } from '../errors.js';
import os from 'node:os';
import type { Io } from '../io.js';
import { assess, buildReport } from '../score/report.js';
import type { SessionScore } from '../score/score.js';
import { exchangeEvidence, thrownFollowup, withExchangeSuggestions, withFollowupItems, type ThrownFollowup } from '../score/dialogue.js';
import { indexNotes } from '../score/keywords.js';
import { gradeDiagram, withDiagramSuggestion } from '../score/diagram.js';
import { evidenceSources, suggestForStages, suggestFromNotes, type EvidenceSource } from '../score/suggest.js';
import { diagramWithPadLine, isFinished, isPaused, notesWithDraft, settle, stop, usedSeconds, type SessionState } from '../session/engine.js';
import type { Interview } from '../session/interview.js';
import { compileFacts } from '../session/interviewer.js';
import { appendRecord } from '../store/append.js';
import { liveDirectory, removeLive, saveLive, LIVE_VERSION } from '../store/live.js';
import { historyFile } from '../store/paths.js';
import { makeRecord, type SessionMode } from '../store/record.js';
import { jsonText, stripControl, wrap } from '../text.js';
import { assessIntro } from '../ui/assess-screen.js';
import { styleFor } from '../ui/colour.js';
import type { Prompter } from '../ui/prompts.js';
import { reportLines, type ReportFit } from '../ui/render.js';
import { colourOf, llmOf } from './config.js';

/** How often the running session is checkpointed, at the least (also at every stage change). */
const CHECKPOINT_MS = 2000;

export interface ConductOptions {
  interview: Interview;
  id: string;
  mode: SessionMode;
  minutes: number | null;
  strict: boolean;
  save: boolean;
  stateDir: string;
  /** A fresh session, or one picked up by resume. */
  state: SessionState;
  /**
   * drill --ai: the AI grader's second opinion once the completed session is saved. Kept in the
   * checkpoints, so a resumed session asks for it too.
   */
  ai?: boolean;
  /** drill --ai --timeout: the AI grader's wait per attempt, in seconds; kept in the checkpoints with `ai`. */
  timeoutSeconds?: number;
  /** Behind the ready gate (a fresh drill, or a resumed one stopped paused): `state` is paused and the clock starts on Enter. */
  gated?: boolean;
  /** The self-assessment's confirmed stages so far (resume), in stage order. */
  assessed?: string[][];
  /** --all-red-flags: the report lists every red flag of the rubric. */
  allRedFlags?: boolean;
  /** The bank directories given to the drill (absolute), kept in the checkpoints for resume. */
  bank?: string[];
}

/**
 * How the report fits stdout: on a terminal, its height less the blank line above the report and
 * the two lines that say where the session was saved, so the score never scrolls away.
 */
function reportFit(io: Io, options: ConductOptions): ReportFit {
  // Folded only when the export can give the rest: with --no-save nothing can, and the missed
  // items' guidance and the red flags would be lost to a count. Whole, the terminal scrolls.
  const rows = io.stdout.isTTY && options.save ? io.stdout.rows : undefined;
  return {
    ...(rows ? { rows: Math.max(12, rows - 4) } : {}),
    ...(options.save ? { wholeWith: `mldrill export ${options.id}` } : {}),
    allRedFlags: Boolean(options.allRedFlags),
  };
}

/** The errno code of a failed write, or its message: short enough for one line on screen. */
function reason(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? (error as Error)?.message ?? String(error);
}

/** The curveball as the history keeps it, with its answer key and where the notes after it start. */
function curveballRecord(interview: Interview, state: SessionState) {
  const curveball = state.curveball;
  if (curveball?.shownAtSeconds == null) return undefined;
  const answer = thrownFollowup(interview, state)?.items.map((item) => item.text) ?? [];
  return {
    stageId: state.plan[curveball.stage]!.id, atSeconds: curveball.shownAtSeconds, text: curveball.text,
    ...(answer.length ? { answer } : {}), ...(curveball.notesChars !== undefined ? { notesChars: curveball.notesChars } : {}),
  };
}

/**
 * The report's data. A partner answers in person and nothing records what was asked, so an
 * interviewer-mode report says nothing of the facts asked about.
 */
function reportOf(interview: Interview, state: SessionState, score: SessionScore, now: number, mode: SessionMode) {
  const report = buildReport(interview, state, score, now);
  if (mode !== 'interviewer') return report;
  const { dialogue: _unrecorded, ...rest } = report;
  return rest;
}

/** The stage where the interviewer's follow-ups belong: the deep-dive, else the last. */
export function followupStage(interview: Interview): number {
  const index = interview.stages.findIndex((stage) => stage.plan.id === 'deep-dive');
  return index >= 0 ? index : interview.stages.length - 1;
}

/**
 * One stage's self-assessment: its checklist, pre-ticked from the notes and the questions asked;
 * then, in the stage the follow-up came in, its answer key, pre-ticked from the notes written
 * after it. Both go in as one stage's ticks, so a checkpoint holds the stage whole.
 */
async function assessStage(prompter: Prompter, interview: Interview, suggested: ReadonlyMap<string, string>, from: ReadonlyMap<string, EvidenceSource>, stageNotes: string, index: number, followup: ThrownFollowup | undefined): Promise<string[]> {
  const stage = interview.stages[index]!;
  const ticked = await prompter.assess(`${stage.plan.title}: what did you cover?`, stage.items, new Set(suggested.keys()), { title: stage.plan.title, notes: stageNotes, evidence: suggested, evidenceFrom: from });
  if (followup?.stage !== index || followup.items.length === 0) return ticked;
  // Wrapped at word breaks: the terminal would break a long follow-up mid-word.
  prompter.say(`\n${wrap(`${prompter.style.heading('The interviewer’s follow-up:')} ${stripControl(followup.text)}`, prompter.columns).join('\n')}\n`);
  const fromAnswer = suggestFromNotes(followup.items, followup.notesAfter);
  const key = await prompter.assess('The follow-up: what did your answer cover?', followup.items, new Set(fromAnswer.keys()), { title: 'The follow-up', notes: followup.notesAfter, evidence: fromAnswer });
  return [...ticked, ...key];
}

export async function conduct(options: ConductOptions, io: Io, prompter: Prompter): Promise<number> {
  const { interview, id, mode, stateDir } = options;
  // What is scored: the interview, with the follow-up's answer key joined to its stage once the stages are done.
  let scored = interview;
  let latest = options.state;
  const facts = interview.question.interviewer?.facts ?? [];
  const sheet = facts.length ? compileFacts(facts) : undefined;

  // The drill never ends because a checkpoint cannot be written (a full disk, a sessions
  // directory replaced by a file): it says so on screen, and the record at the end still holds
  // everything, or is printed whole if the history cannot be written either.
  let checkpointTrouble: string | undefined;
  const assessed: string[][] = [...(options.assessed ?? [])];
  const checkpoint = (paused = isPaused(latest)): boolean => {
    if (!options.save) return true;
    const now = io.now();
    try {
      saveLive(stateDir, {
        version: LIVE_VERSION, id, questionId: interview.question.id, rubricId: interview.rubric.id, mode,
        minutes: options.minutes, strict: options.strict, paused, ...(options.ai ? { ai: true } : {}),
        ...(options.ai && options.timeoutSeconds !== undefined ? { aiTimeoutSeconds: options.timeoutSeconds } : {}),
        state: settle(latest, now), savedAt: new Date(now).toISOString(),
        ...(assessed.length ? { assessed } : {}),
        ...(options.bank?.length ? { bank: options.bank } : {}),
        // Who is drilling it, so that another terminal sees it in progress rather than interrupted.
        pid: process.pid, host: os.hostname(),
      });
      checkpointTrouble = undefined;
      return true;
    } catch (error) {
      checkpointTrouble = `checkpoints are failing: ${reason(error)} in ${stripControl(liveDirectory(stateDir))}`;
      return false;
    }
  };
  const notice = () => checkpointTrouble && `⚠ ${checkpointTrouble}; your notes are kept and go to the history at the end`;

  checkpoint();
  const timer = setInterval(() => checkpoint(), CHECKPOINT_MS);
  let score: SessionScore | undefined;
  let pausedWhenStopped = false;
  try {
    const followupsAt = followupStage(interview);
    // The ready gate holds the first stage's clock (the session starts paused) until Enter.
    let gated = Boolean(options.gated);
    while (!isFinished(latest)) {
      const stage = interview.stages[latest.current]!;
      const interviewer = mode === 'interviewer';
      latest = await prompter.runStage({
        state: latest,
        hints: stage.hints,
        strict: options.strict,
        checklist: interviewer ? stage.items : undefined,
        question: interviewer ? interview.question.prompt : undefined,
        followups: interviewer && latest.current === followupsAt ? interview.question.followups ?? [] : undefined,
        ...(interviewer ? (facts.length ? { facts } : {}) : sheet ? { sheet } : {}),
        onChange: (state) => {
          latest = state;
        },
        gated,
        save: options.save,
        notice,
      });
      gated = false;
      checkpoint();
    }
    // The follow-up's answer key joins its stage's checklist: assessed and scored with it.
    const followup = thrownFollowup(interview, latest);
    scored = withFollowupItems(interview, followup);
    let checked: string[][];
    if (mode === 'interviewer') {
      checked = latest.progress.map((progress) => progress.ticked);
    } else {
      // The notes no longer change: every stage's suggestions are known now, so ✦ is explained once, up front.
      const notesOf = (i: number) => notesWithDraft(latest.progress[i]!);
      // Notes from any stage count for any stage's items: people write metrics while clarifying.
      // So do the questions put to the interviewer, with the topics of the facts they uncovered.
      const notes = indexNotes(latest.progress.map((progress) => notesWithDraft(progress)).join('\n') + exchangeEvidence(latest.exchanges, facts));
      // The drawing suggests the architecture stage's diagram item, with the comparison as the evidence.
      const drawn = gradeDiagram(interview.question.diagram, diagramWithPadLine(latest));
      const suggestions = withExchangeSuggestions(interview, withDiagramSuggestion(interview, suggestForStages(interview.stages.map((stage) => stage.items), notes), drawn), latest.exchanges, facts);
      const sources = evidenceSources(suggestions, latest.progress.map((progress) => notesWithDraft(progress)), (latest.exchanges ?? []).map((exchange) => exchange.asked));
      prompter.say(`\n${assessIntro(suggestions.slice(assessed.length).some((suggested) => suggested.size > 0), prompter.style, prompter.columns, prompter.assessKeys)}\n`);
      // Each confirmed stage is checkpointed at once, so Ctrl-C keeps it and resume goes on from the next.
      for (let i = assessed.length; i < interview.stages.length; i++) {
        const trouble = notice();
        if (trouble) prompter.say(`${prompter.style.warn(trouble)}\n`);
        assessed.push(await assessStage(prompter, interview, suggestions[i]!, sources[i]!, notesOf(i), i, followup));
        checkpoint();
      }
      checked = assessed;
    }
    score = assess(scored, checked);
  } catch (error) {
    if (!(error instanceof InterruptedError)) throw error;
    pausedWhenStopped = isPaused(latest);
    latest = stop(latest, io.now());
  } finally {
    clearInterval(timer);
  }

  const now = io.now();
  // The report is the command's data: stdout, styled only if stdout itself is a terminal.
  const writeReport = async (done: SessionScore) => io.stdout.write(`\n${reportLines(reportOf(scored, latest, done, now, mode), await styleFor(io.stdout, io.env, colourOf(io)), Math.min(io.stdout.columns, 100), reportFit(io, options)).join('\n')}\n`);
  if (!options.save) {
    if (score) await writeReport(score);
    else io.stderr.write('\nInterrupted: nothing saved (--no-save)\n');
    return score ? EXIT.ok : EXIT.interrupted;
  }

  const file = historyFile(stateDir);
  const curveball = latest.curveball;
  const record = makeRecord({
    id,
    questionId: interview.question.id,
    rubricId: interview.rubric.id,
    mode,
    status: score ? 'completed' : 'abandoned',
    startedAt: latest.startedAt,
    endedAt: latest.endedAt ?? now,
    stages: interview.stages.map((stage, i) => ({
      id: stage.plan.id,
      budgetSeconds: latest.plan[i]!.budgetSeconds,
      usedSeconds: usedSeconds(latest, i, now),
      hintsShown: latest.progress[i]!.hintsShown,
      notes: notesWithDraft(latest.progress[i]!),
      // Interrupted: the ticks given so far are kept too (a checkpoint may not have kept them).
      checked: mode === 'interviewer' ? latest.progress[i]!.ticked : assessed[i] ?? [],
    })),
    score,
    curveballs: curveball?.shownAtSeconds != null ? [curveballRecord(interview, latest)!] : [],
    exchanges: (latest.exchanges ?? []).map((exchange) => ({ stageId: exchange.stageId ?? '', asked: exchange.asked, factId: exchange.factId, answer: exchange.answer })),
    diagram: diagramWithPadLine(latest),
  });
  // Saved before anything more is shown or asked: a terminal that closes from here on (its
  // window shut under the candidate's own ticks) fails every write, and must not cost the record.
  let appendError: unknown;
  try {
    appendRecord(file, record);
  } catch (error) {
    appendError = error;
  }
  if (score && appendError === undefined) {
    try {
      removeLive(stateDir, id);
    } catch {
      // The checkpoint outlived the session; the history's completed record supersedes it.
    }
  }
  // The candidate's own ticks beside the partner's: a rating of its own for stats, never the record's score.
  if (score && mode === 'interviewer') await (await import('./self-rating.js')).rateSelf(prompter, { interview: scored, partner: score, notes: latest.progress.map((progress) => notesWithDraft(progress)), sessionId: id, stateDir, now: () => io.now() });
  if (score) await writeReport(score);
  if (appendError !== undefined) {
    // The work must not be lost with the history: print the record, and keep the checkpoint.
    const kept = checkpoint(pausedWhenStopped);
    // One line, as the history holds it; escaped where the sanitiser would strip what was typed.
    io.stdout.write(jsonText(record, 0));
    const where = kept ? `kept for 'mldrill resume ${id}'` : `not resumable (${checkpointTrouble})`;
    throw new UsageError(`could not write the history file ${file} (${reason(appendError)}); the session record is printed above and ${where}`);
  }
  if (score) {
    io.stderr.write(`\nSaved session ${id} to ${file}\n`);
    if (options.ai) return (await import('./ai-grade.js')).secondOpinion(record, interview.question, interview.rubric, io, { llm: llmOf(io), ...(options.timeoutSeconds !== undefined ? { timeoutSeconds: options.timeoutSeconds } : {}) });
    return EXIT.ok;
  }
  const kept = checkpoint(pausedWhenStopped);
  // Wrapped at word breaks on a terminal: a history path under $HOME would be broken mid-name at 80 columns.
  const width = io.stderr.isTTY ? io.stderr.columns : Infinity;
  const said = [`Interrupted: session ${id} saved as abandoned, notes included, to ${file}`, kept ? `Pick it up where you left it with: mldrill resume ${id}` : `It cannot be resumed: ${checkpointTrouble}`];
  io.stderr.write(`\n${said.flatMap((line) => wrap(line, width)).join('\n')}\n`);
  return EXIT.interrupted;
}
