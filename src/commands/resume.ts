// `mldrill resume [session-id|last]`: picks an interrupted session up at the stage it was in,
// with the time that was left and the notes so far, and completes it as the same session.
import fs from 'node:fs';
import { givenBankDirectories } from '../bank/files.js';
import { MldrillError, NotFoundError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { isFinished, isPaused, resumeAt, type SessionState } from '../session/engine.js';
import { buildInterview } from '../session/interview.js';
import { liveFile, pickLive, type LiveSession } from '../store/live.js';
import type { SessionSummary } from '../store/record.js';
import { byIdOrPrefix } from '../store/sessions.js';
import { wrap } from '../text.js';
import { requireTerminal } from '../ui/prompts.js';
import { questionHeader } from '../ui/question-header.js';
import { timeLeftText } from '../ui/stage-screen.js';
import { conduct } from '../app/conduct.js';
import { withCatalog } from '../app/with-catalog.js';
import { ensureSaveable, resumableSessionsFor } from '../app/read-history.js';
import { llmOf, stateDirOf } from '../app/config.js';
import { withPrompter } from '../app/prompter.js';
import { leftOutReason } from '../select/filter.js';

export interface ResumeOptions {
  session?: string;
  bank?: string[];
  /** The report lists every red flag of the rubric. */
  allRedFlags?: boolean;
}

/**
 * pickLive, except that an id of a session the history holds with nothing to resume (completed,
 * or abandoned with no checkpoint left) is said to be that, not an unknown id.
 */
function pickOrExplain(sessions: readonly LiveSession<SessionState>[], wanted: string, records: readonly SessionSummary[]): LiveSession<SessionState> {
  try {
    return pickLive(sessions, wanted);
  } catch (error) {
    if (wanted === 'last' || !(error instanceof MldrillError)) throw error;
    // The latest record of each session: a resumed one supersedes its abandoned record.
    const latest = [...new Map(records.map((entry) => [entry.id, entry])).values()];
    // A start of several recorded ids, none of them resumable, is no resumable session: not "give more of the id".
    let record: SessionSummary | undefined;
    try {
      record = byIdOrPrefix(latest, wanted);
    } catch {
      throw error;
    }
    if (!record) throw error;
    const what = record.status === 'completed' ? `was completed${record.score === null ? '' : ` (${record.score}%)`}` : 'was abandoned and its checkpoint is gone';
    throw new NotFoundError(`session ${record.id} ${what}, so there is nothing to resume; mldrill export ${record.id} shows it, and mldrill drill ${record.questionId} drills the question again`);
  }
}

export async function resume(options: ResumeOptions, io: Io): Promise<number> {
  const stateDir = stateDirOf(io);
  const wanted = options.session ?? 'last';
  const { sessions, running, records } = resumableSessionsFor(io, { withRecords: wanted !== 'last' });
  // A wrong id is reported as such, with or without a terminal; only then is one required.
  // Drilled right now in another terminal: said so, rather than "no session" or an unknown id.
  // A start of an id is looked up among both, so that one starting a running and an interrupted session is ambiguous.
  const named = wanted === 'last' ? (sessions.length ? undefined : running[0]) : byIdOrPrefix([...running, ...sessions], wanted);
  const busy = named && running.includes(named) ? named : undefined;
  if (busy) throw new NotFoundError(`session ${busy.id} is being drilled right now in another terminal (process ${busy.pid}); carry on there, or end it (Ctrl-C saves it) and resume it then`);
  const live = pickOrExplain(sessions, wanted, records);
  requireTerminal(io, 'resume');
  ensureSaveable(io, false);

  // Started with --ai: the second opinion follows this save too, when the settings still allow it.
  let ai = live.ai === true;
  if (ai) {
    try {
      (await import('../app/ai-grade.js')).checkLlmSettings(io, llmOf(io));
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr.write(`mldrill: warning: session ${live.id} was started with --ai, but ${error.message}; it goes on without the second opinion (mldrill grade ${live.id} --ai asks for it later)\n`);
      ai = false;
    }
  }
  // The drill's own --bank and MLDRILL_BANK directories come back with it; one gone since is
  // passed over, and the question it held is then said to have left the bank.
  const recorded = (live.bank ?? []).filter((dir) => fs.existsSync(dir));
  const interview = await withCatalog(io, [...(options.bank ?? []), ...recorded], (bank) => {
    const checkpoint = liveFile(stateDir, live.id);
    // Its file there but left out for its errors (or its rubric's): that is what is said, as drill says it, not that it is gone.
    const broken = bank.ids.includes(live.questionId) ? undefined : leftOutReason(bank, live.questionId);
    if (broken) throw new NotFoundError(`session ${live.id} cannot be resumed: ${broken}; fix them and run mldrill resume ${live.id} again (its checkpoint ${checkpoint} is left in place)`);
    // The session's own question or rubric gone from the bank (or from a bank this run did not
    // load): said as such, with the checkpoint kept, rather than as an unknown id the user never typed.
    const gone = !bank.ids.includes(live.questionId) ? `question "${live.questionId}"` : !bank.rubrics.has(live.rubricId) ? `rubric "${live.rubricId}"` : undefined;
    if (gone) throw new NotFoundError(`session ${live.id} was drilled with the ${gone}, which is not in the bank now; if it came from --bank DIR or MLDRILL_BANK, resume with the same (mldrill resume ${live.id} --bank DIR), else once its file is back; its checkpoint ${checkpoint} is left in place`);
    return buildInterview(bank.question(live.questionId), bank.rubric(live.rubricId), live.minutes ?? undefined);
  });
  const { question } = interview;
  if (interview.stages.length !== live.state.plan.length) {
    throw new NotFoundError(`rubric "${live.rubricId}" has changed since session ${live.id} began (${live.state.plan.length} stages then, ${interview.stages.length} now); it cannot be resumed`);
  }

  return withPrompter(io, async (prompter) => {
    const state = resumeAt(live.state, io.now(), live.paused);
    prompter.say(`\n${questionHeader(question, state.plan, prompter.style, prompter.columns).join('\n')}\n\n`);
    const where = isFinished(state)
      ? `at the self-assessment, stage ${Math.min((live.assessed?.length ?? 0) + 1, state.plan.length)}/${state.plan.length}`
      : `at stage ${state.current + 1}/${state.plan.length}, ${state.plan[state.current]!.title}, with ${timeLeftText(state, io.now())}`;
    // Wrapped at word breaks: a title and the clock cut by the terminal's edge read badly.
    io.stderr.write(`${wrap(`Resuming session ${live.id} ${where}.`, prompter.columns).join('\n')}\n\n`);

    return await conduct(
      // Stopped with the clock paused (or at the drill's ready gate): the gate again, not a clock to unpause.
      { interview, id: live.id, mode: live.mode, minutes: live.minutes, strict: live.strict, save: true, stateDir, state, gated: isPaused(state), assessed: live.assessed, allRedFlags: Boolean(options.allRedFlags), ai,
        ...(ai && live.aiTimeoutSeconds !== undefined ? { timeoutSeconds: live.aiTimeoutSeconds } : {}),
        bank: [...new Set([...recorded, ...givenBankDirectories(io.cwd, io.env, options.bank)])] },
      io, prompter,
    );
  });
}
