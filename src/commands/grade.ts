// `mldrill grade`: the keyword grader on its own. Grades a notes file against a question, or a
// recorded session's notes again (after a rubric change) without touching the record.
import path from 'node:path';
import { aiTimeoutOf, colourOf, llmOf } from '../app/config.js';
import { readSessionFor } from '../app/read-history.js';
import { readNotesFile, readNotesStream } from '../app/read-notes.js';
import { withCatalog } from '../app/with-catalog.js';
import { CONTROLS_LEFT_OUT, parseDiagram } from '../diagram/parse.js';
import { EXIT, NotFoundError, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { withRecordedFollowup } from '../score/dialogue.js';
import { gradeNotes } from '../score/grade.js';
import { allNotes, splitNotes } from '../score/notes.js';
import { requireId } from '../select/filter.js';
import { buildInterview } from '../session/interview.js';
import { isSessionId, type SessionRecord } from '../store/record.js';
import { cut, fileShown, showControl, stripControl } from '../text.js';
import { styleFor } from '../ui/colour.js';
import { gradeJson, gradeLines } from '../ui/grade.js';
import { leftOutWarnings } from '../app/left-out.js';

export interface GradeOptions {
  /** A question id (with notes), or a session id or `last`. */
  target: string;
  /** A notes file, or `-` for stdin. */
  notes?: string;
  rubric?: string;
  json?: boolean;
  bank?: string[];
  /** A second opinion from the language model configured in MLDRILL_LLM_URL (or the config file). */
  ai?: boolean;
  /** Seconds per attempt of the AI grader's request. */
  timeout?: number;
}

/** How many headings that name no stage the warning quotes. */
const HEADINGS_NAMED = 3;

export async function grade(options: GradeOptions, io: Io): Promise<number> {
  // --notes '' would resolve to the working directory: said as what it is, as export's -o '' is.
  if (options.notes === '') throw new UsageError('--notes needs a file name (or - for stdin)');
  const timeout = aiTimeoutOf(options);
  // Notes typed at a terminal are read last, once nothing else can refuse them: a mistyped id or
  // missing AI settings found after the typing would throw it away.
  const typed = options.notes === '-' && io.terminal.input.isTTY === true;
  if (typed && options.ai) (await import('../app/ai-grade.js')).checkLlmSettings(io, llmOf(io));
  // Read a notes file first: a missing file is the user's to fix before the bank is even opened.
  const text = options.notes === undefined || typed ? undefined : options.notes === '-' ? await readNotesStream(io.terminal.input) : readNotesFile(path.resolve(io.cwd, options.notes), fileShown(options.notes));
  return withCatalog(io, options.bank, async (catalog) => {
    let questionId: string;
    let rubricId: string | undefined = options.rubric;
    let notes: string;
    let sessionRecord: SessionRecord | undefined;
    /** The drawing's edge lines: the notes' `## diagram` section, or the record's saved diagram. */
    let diagram: string | undefined;
    if (options.notes !== undefined) {
      // A session with notes is a mix-up of the two forms: say which, not "no such question".
      if (!catalog.ids.includes(options.target) && (options.target === 'last' || isSessionId(options.target))) {
        throw new UsageError(`"${stripControl(options.target)}" is a session: --notes grades a notes file against a question id; drop --notes to grade the session's own notes again`);
      }
      questionId = requireId(catalog, options.target);
      if (typed) {
        catalog.rubric(rubricId ?? catalog.question(questionId).rubric);
        // Waiting for the notes to be typed: say so, rather than seem to hang.
        io.stderr.write('mldrill: reading the notes from the terminal; type or paste them, then Ctrl-D on a line of its own (Ctrl-Z, Enter on Windows)\n');
      }
      notes = text ?? (await readNotesStream(io.terminal.input));
    } else {
      if (catalog.ids.includes(options.target)) throw new UsageError(`"${options.target}" is a question: give its notes with --notes FILE (or --notes - for stdin)`);
      const record = readSessionFor(io, options.target);
      // The record's ids are not what the user typed: say what the session lacks, not "no question with id".
      if (!catalog.ids.includes(record.questionId)) {
        throw new NotFoundError(`session ${record.id} drilled question "${showControl(record.questionId)}", which is no longer in the bank, so there is nothing to grade its notes against`);
      }
      questionId = record.questionId;
      if (rubricId === undefined && catalog.rubrics.has(record.rubricId)) rubricId = record.rubricId;
      else if (rubricId === undefined) {
        // A rubric renamed or removed since: the question's rubric now is the rubric change to grade against.
        const now = catalog.question(questionId).rubric;
        io.stderr.write(`mldrill: warning: session ${record.id} was drilled with rubric "${showControl(record.rubricId)}", which is no longer in the bank; graded with the question's rubric "${stripControl(now)}"\n`);
      }
      notes = record.stages.map((stage) => `## ${stage.id}\n${stage.notes}`).join('\n');
      sessionRecord = record;
      diagram = record.diagram;
    }
    const question = catalog.question(questionId);
    const interview = buildInterview(question, catalog.rubric(rubricId ?? question.rubric));
    for (const warning of leftOutWarnings(interview)) io.stderr.write(warning);
    const split = splitNotes(notes, interview.stages.map((stage) => stage.plan));
    if (options.notes !== undefined) {
      diagram = split.diagram ?? undefined;
      const shown = stripControl(options.notes === '-' ? 'stdin' : options.notes);
      const stageIds = interview.stages.map((stage) => stage.plan.id).join(', ');
      const unknown = split.unknownHeadings;
      if (unknown.length === 1) {
        io.stderr.write(`mldrill: warning: ${shown}:${unknown[0]!.line}: heading "## ${stripControl(unknown[0]!.heading)}" names no stage (${stageIds}); its text counts for every stage\n`);
      } else if (unknown.length > 1) {
        // One line however many: a file of thousands of headings would bury everything else.
        const named = unknown.slice(0, HEADINGS_NAMED).map(({ line, heading }) => `"## ${cut(stripControl(heading), 40)}" (line ${line})`).join(', ');
        const more = unknown.length > HEADINGS_NAMED ? ` and ${unknown.length - HEADINGS_NAMED} more` : '';
        io.stderr.write(`mldrill: warning: ${shown}: ${unknown.length} headings name no stage (${stageIds}): ${named}${more}; their text counts for every stage\n`);
      }
      // The diagram section's lines sit at their lines of the file, so a line that is not an edge is named where it is.
      const drawing = split.diagram === null ? undefined : parseDiagram(split.diagram);
      for (const { line, column } of drawing?.controls ?? []) io.stderr.write(`mldrill: warning: ${shown}:${line}:${column}: ${CONTROLS_LEFT_OUT}\n`);
      for (const problem of drawing?.problems ?? []) {
        io.stderr.write(`mldrill: warning: ${shown}:${problem.line}:${problem.column}: ${stripControl(problem.message)}; ${stripControl(problem.hint)}; the line is left out of the comparison\n`);
      }
      if (split.diagram !== null && !question.diagram) io.stderr.write(`mldrill: warning: ${stripControl(question.id)} has no reference diagram; the ## diagram section is not compared\n`);
    }
    if (options.ai) {
      // A session's rating is kept beside it (ratings.jsonl); notes from a file are graded and shown only.
      const notesByStage: Record<string, string> = { '': split.unstaged, ...Object.fromEntries(split.stages) };
      const { runAiGrade } = await import('../app/ai-grade.js');
      return runAiGrade(
        { question, rubric: interview.rubric, notesByStage, ...(diagram ? { diagram } : {}), ...(sessionRecord ? { record: sessionRecord } : {}) },
        io,
        { json: options.json, llm: llmOf(io), ...timeout },
      );
    }
    // A session is graded on the checklist it was scored on: the follow-up's points join their stage.
    const graded = gradeNotes(withRecordedFollowup(interview, sessionRecord?.curveballs?.[0]), allNotes(split), diagram, sessionRecord?.exchanges);
    if (options.json) io.stdout.write(gradeJson(graded));
    else io.stdout.write(`${gradeLines(graded, question.title, interview.rubric.title, await styleFor(io.stdout, io.env, colourOf(io)), io.stdout.isTTY ? Math.min(io.stdout.columns, 100) : undefined).join('\n')}\n`);
    return EXIT.ok;
  });
}
