// The drill on a terminal that cannot move its cursor (TERM=dumb: an editor's shell buffer, a
// serial line): everything is asked one line at a time and printed once, never redrawn, and
// the countdown is shown in each line's prompt. Same Prompter as the full-screen one.
import readline from 'node:readline';
import type { QuestionSummary } from '../bank/catalog.js';
import { InterruptedError } from '../errors.js';
import type { Io } from '../io.js';
import { parseDiagram } from '../diagram/parse.js';
import {
  addPadLine,
  askInStage,
  clockAtSuspend,
  commitDraft,
  curveballDue,
  diagramLines,
  isPaused,
  markCurveballShown,
  nextStage,
  remainingSeconds,
  resume,
  revealHint,
  setDraft,
  setPadLine,
  togglePause,
  toggleTick,
  type SessionState,
} from '../session/engine.js';
import { plural, stripControl, wrap } from '../text.js';
import { assessedLine, SUGGESTED } from './assess-screen.js';
import { PLAIN } from './colour.js';
import { byTitle, matching } from './pick-screen.js';
import { timeLeftText } from './stage-screen.js';
import type { Prompter } from './prompts.js';

const BELL = '\u0007';

/** A Prompter that reads whole lines and prints plain text: no cursor movement, no colour. */
export function createLinePrompter(io: Io, signal: AbortSignal): Prompter {
  const output = io.terminal.output;
  const columns = (output.columns || 80);
  /** A message as lines that fit the terminal, broken at word breaks (a dumb terminal breaks words). */
  const sayLine = (text: string) => say(`${wrap(text, columns).join('\n')}\n`);
  // Notes resumed from a checkpoint and the user's own lines are untrusted text too: the one sanitiser.
  const say = (text: string) => void output.write(stripControl(text, { keepStyle: true }));

  // One reader for the whole drill: lines typed ahead (a paste, a fast typist) wait in the
  // queue instead of being lost with a reader closed after each question.
  const queue: string[] = [];
  let waiting: ((line: string | null) => void) | undefined;
  let ended = false;
  let reader: readline.Interface | undefined;
  // The prompt being waited at. After Ctrl-Z and `fg` the shell's lines stand under it (and the
  // terminal dropped the line being typed): it is asked again, its time left as it is now.
  let asking: (() => string) | undefined;
  io.onSuspend?.((phase) => {
    // Once the stage's own listener has run its clock again (it listens later).
    if (phase === 'continue') setImmediate(() => asking && say(asking()));
  });
  const open = () => {
    if (reader) return reader;
    reader = readline.createInterface({ input: io.terminal.input, terminal: false });
    reader.on('line', (line) => (waiting ? waiting(line) : queue.push(line)));
    reader.on('close', () => {
      ended = true;
      waiting?.(null);
    });
    return reader;
  };

  /** One line typed, or InterruptedError on Ctrl-C, SIGTERM or the end of input; null when `until` ends the wait. */
  const ask = (prompt: string | (() => string), until?: AbortSignal): Promise<string | null> =>
    new Promise((resolve, reject) => {
      const promptText = typeof prompt === 'string' ? () => prompt : prompt;
      if (signal.aborted) return reject(new InterruptedError(''));
      const rl = open();
      const end = (settle: () => void) => {
        waiting = undefined;
        asking = undefined;
        signal.removeEventListener('abort', onAbort);
        until?.removeEventListener('abort', onUntil);
        // Paused between questions, so that the reader never keeps the process running.
        rl.pause();
        settle();
      };
      const onAbort = () => end(() => reject(new InterruptedError('')));
      const onUntil = () => end(() => resolve(null));
      say(promptText());
      asking = promptText;
      if (queue.length) return end(() => resolve(queue.shift()!));
      if (ended) return end(() => reject(new InterruptedError('')));
      signal.addEventListener('abort', onAbort);
      until?.addEventListener('abort', onUntil);
      waiting = (line) => end(() => (line === null ? reject(new InterruptedError('')) : resolve(line)));
      rl.resume();
    });
  const askLine = async (prompt: string) => (await ask(prompt))!;

  // Said once a drill, not with every answer.
  let saidNoSheet = false;
  let shownFacts = false;

  /** Numbers typed as "1 3 5", within 1..count. */
  const numbers = (line: string, count: number) =>
    line.split(/[\s,]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= count);
  /** Says which words of a line of item numbers were none of them, rather than pass them over in silence. */
  const sayStrays = (line: string, count: number) => {
    const strays = line.split(/[\s,]+/).filter(Boolean).filter((word) => numbers(word, count).length === 0);
    if (strays.length) sayLine(`(${strays.map((word) => stripControl(word)).join(', ')}: not ${strays.length === 1 ? 'an item number' : 'item numbers'}; the items are ${count === 1 ? '1' : `1 to ${count}`})`);
  };

  return {
    style: PLAIN,
    columns,
    say,

    async chooseQuestion(unsorted, lastScores = new Map()) {
      const questions = byTitle(unsorted);
      let shown: readonly QuestionSummary[] = questions;
      for (;;) {
        const last = (id: string) => (lastScores.has(id) ? ` · last ${lastScores.get(id)}%` : '');
        say(`\n${shown.slice(0, 20).map((question, i) => `  ${i + 1}. ${question.title} (${question.category}, ${question.difficulty})${last(question.id)}`).join('\n')}\n`);
        if (shown.length > 20) say(`  … ${shown.length - 20} more: type words to narrow the list\n`);
        const line = (await askLine('Pick a question: its number, or words to filter > ')).trim();
        const [pick] = numbers(line, Math.min(20, shown.length));
        if (pick && /^\d+$/.test(line)) return shown[pick - 1]!;
        const matches = matching(questions, line);
        if (matches.length) shown = matches;
        else say(`No question matches "${line}".\n`);
      }
    },

    async runStage(config) {
      const now = io.now;
      let state = config.state;
      const change = (next: SessionState) => {
        state = next;
        config.onChange(state);
      };
      const index = state.current;
      const stage = state.plan[index]!;
      const checklist = config.checklist ?? [];
      // Behind the ready gate the clock has not started: "ready", as the stage screen says, not "paused".
      let ready = config.gated === true;
      const left = () => {
        const time = timeLeftText(state, now());
        return ready ? `ready, ${time}` : isPaused(state) ? `paused, ${time}` : time;
      };
      const list = (items: readonly string[]) => items.map((item, i) => wrap(`${i + 1}. ${item}`, columns - 4, '  ').join('\n')).join('\n');
      say(`\nStage ${index + 1}/${state.plan.length} · ${stage.title} (${left()})\n${wrap(stage.goal, columns - 2, '  ').join('\n')}\n`);
      // Interviewer mode: the question again in every stage, as the stage screen keeps it; printed
      // once before the plan, it has scrolled away by the time the partner comes back to it.
      if (config.question) say(`Question:\n${wrap(stripControl(config.question), columns, '  ').join('\n')}\n`);
      if (config.followups?.length) say(`Follow-ups to ask:\n${list(config.followups)}\n`);
      if (checklist.length) say(`Checklist:\n${list(checklist.map((item) => item.text))}\n`);
      const facts = config.facts ?? [];
      const sayFacts = () => say(`Fact sheet: answer only what is asked:\n${list(facts.map((fact) => `${fact.topic}: ${stripControl(fact.answer)}`))}\n`);
      if (facts.length && !shownFacts) sayFacts();
      shownFacts ||= facts.length > 0;
      const notes = state.progress[index]!.notes;
      if (notes) say(`Notes so far:\n${stripControl(notes).replace(/\n$/, '').split('\n').map((line) => `  ${line}`).join('\n')}\n`);
      const commands = [
        checklist.length ? '/t N ticks item N' : '/a QUESTION asks the interviewer', facts.length ? '/f fact sheet' : '', config.hints.length ? '/h hint' : '', '/d EDGE adds to the diagram', '/p pause', 'an empty line: next stage',
      ].filter(Boolean);
      const commandsLine = `Type notes, one line at a time. ${commands.join(', ')}, /help this line. Ctrl-C quits (${config.save === false ? 'not saved' : 'saved'}).`;
      sayLine(commandsLine);
      let notice = config.notice?.();
      if (notice) say(`${notice}\n`);
      if (state.progress[index]!.draft) change(commitDraft(state));
      // A line typed at the gate is the stage's first (a note, or a command), as typing at the
      // stage screen's gate starts the clock and goes to the notes: never dropped.
      let typedAtGate: string | undefined;
      if (config.gated) {
        const typed = await ask('Press Enter to start the clock > ');
        ready = false;
        change(resume(state, now()));
        if (typed?.trim()) typedAtGate = typed;
      }

      // Ctrl-Z: the time stopped is not counted, as on the stage screen (suspendStage); a clock
      // paused already (/p) stays paused.
      let stopped = false;
      const stopListening = io.onSuspend?.((phase) => {
        const at = clockAtSuspend(state, phase, now(), stopped);
        stopped = at.stoppedRunning;
        if (at.state !== state) change(at.state);
      });

      // Between lines: --strict's end of time, the end of the budget, the curveball and a new
      // notice are printed as lines, and then the prompt again: the one above them is out of sight,
      // and its time is stale. The end of the budget is said once, as the stage screen's clock
      // turns to overtime; a stage opened over time already says so in its heading.
      const timeUp = new AbortController();
      let overtimeSaid = remainingSeconds(state, now()) <= 0;
      const timer = setInterval(() => {
        if (config.strict && !isPaused(state) && remainingSeconds(state, now()) <= 0) timeUp.abort();
        let said = false;
        if (!config.strict && !overtimeSaid && remainingSeconds(state, now()) <= 0) {
          overtimeSaid = said = true;
          say('\n');
          sayLine(`Time is up for ${stage.title}: the time over it is counted; an empty line ${index + 1 < state.plan.length ? 'goes on to the next stage' : 'finishes'}.`);
        }
        if (curveballDue(state, now())) {
          change(markCurveballShown(state, now()));
          output.write(BELL);
          say(`\n⚡ The interviewer cuts in:\n${wrap(state.curveball!.text, columns - 2, '  ').join('\n')}\n`);
          said = true;
        }
        const current = config.notice?.();
        if (current && current !== notice) {
          say(`\n${current}\n`);
          said = true;
        }
        notice = current;
        if (said && asking) say(asking());
      }, 1000);
      try {
        for (;;) {
          const line = typedAtGate ?? await ask(() => `[${left()}] > `, timeUp.signal);
          typedAtGate = undefined;
          if (line === null) {
            say(`\nTime is up for ${stage.title}.\n`);
            break;
          }
          const text = line.trimEnd();
          if (!text) break;
          if (text === '/help' || text === '/?' || text === '/') {
            sayLine(commandsLine);
          } else if (text === '/h') {
            const shown = state.progress[index]!.hintsShown;
            if (shown < config.hints.length) {
              change(revealHint(state, config.hints.length));
              sayLine(`Hint ${shown + 1}: ${config.hints[shown]}`);
            } else say('No more hints for this stage.\n');
          } else if (text === '/p') {
            change(togglePause(state, now()));
            say(isPaused(state) ? 'Paused: /p resumes.\n' : 'Resumed.\n');
          } else if (!checklist.length && /^\/a(sk)?(\s|$)/.test(text)) {
            const asked = text.replace(/^\/a(sk)?/, '').trim();
            if (!asked) {
              say('Type the question after /a, e.g. /a how many daily users?\n');
              continue;
            }
            change(askInStage(state, asked, config.sheet));
            say(`${wrap(`Interviewer: ${stripControl(state.exchanges!.at(-1)!.answer)}`, columns - 2, '  ').join('\n').trimStart()}\n`);
            if (!config.sheet && !saidNoSheet) say('(This question has no fact sheet: every answer is to make an assumption.)\n');
            saidNoSheet ||= !config.sheet;
          } else if (/^\/d(\s|$)/.test(text)) {
            // The pad as a line command: no drawing without cursor movement; `/d` alone lists the diagram's lines.
            const edge = text.slice(2).trim();
            if (edge) change(setPadLine(addPadLine(setPadLine(state, edge)), undefined));
            const lines = diagramLines(state);
            const problem = edge ? parseDiagram(edge).problems[0] : undefined;
            if (problem) sayLine(`Kept in the diagram, but ${problem.message}; ${problem.hint}`);
            else if (edge) say(`Added to the diagram (${plural(lines.length, 'line')}).\n`);
            else say(lines.length ? `Diagram:\n${lines.map((line) => `  ${stripControl(line)}`).join('\n')}\n` : 'The diagram is empty: /d events -> ranker adds an edge.\n');
          } else if (facts.length && text === '/f') {
            sayFacts();
          } else if (checklist.length && /^\/t\s+\S/.test(text)) {
            for (const n of numbers(text.slice(2), checklist.length)) change(toggleTick(state, checklist[n - 1]!.id));
            sayLine(`Ticked: ${state.progress[index]!.ticked.length ? checklist.filter((item) => state.progress[index]!.ticked.includes(item.id)).map((item) => item.text).join('; ') : 'nothing'}`);
            sayStrays(text.slice(2), checklist.length);
          } else {
            change(commitDraft(setDraft(state, line)));
            // Kept, as everything typed is, but a mistyped command should not pass for one silently.
            if (/^\/[a-z]+$/i.test(text)) sayLine(`(${text} is not a command: kept as a note. /help lists the commands.)`);
          }
        }
      } finally {
        clearInterval(timer);
        stopListening?.();
      }
      const next = nextStage(state, now());
      change(next);
      return next;
    },

    assessKeys: 'type the numbers to tick or untick, an empty line confirms',

    async assess(message, items, preselected = new Set(), beside) {
      const ticked = new Set(items.filter((item) => preselected.has(item.id)).map((item) => item.id));
      const evidence = (id: string) => (beside?.evidence.has(id) ? ` ${SUGGESTED} "${stripControl(beside.evidence.get(id)!)}"` : preselected.has(id) ? ` ${SUGGESTED}` : '');
      const notes = beside && stripControl(beside.notes).split('\n').map((line) => line.trim()).filter(Boolean).join(' · ');
      if (notes) sayLine(`\nYour notes: ${notes}`);
      for (;;) {
        sayLine(`\n${message}`);
        for (const [i, item] of items.entries()) {
          const [first = '', ...rest] = wrap(`${i + 1}. [${ticked.has(item.id) ? 'x' : ' '}] ${item.text}${evidence(item.id)}`, columns - 7);
          say(`${[`  ${first}`, ...rest.map((line) => `       ${line}`)].join('\n')}\n`);
        }
        const line = (await askLine('Numbers to tick or untick (e.g. 1 3), or an empty line to confirm > ')).trim();
        if (!line) {
          say(`${assessedLine(beside?.title ?? message, items, ticked, PLAIN, columns)}\n`);
          return items.filter((item) => ticked.has(item.id)).map((item) => item.id);
        }
        for (const n of numbers(line, items.length)) {
          const id = items[n - 1]!.id;
          if (ticked.has(id)) ticked.delete(id);
          else ticked.add(id);
        }
        sayStrays(line, items.length);
      }
    },


    async input(options) {
      for (;;) {
        const line = (await askLine(`${options.message}${options.default ? ` (${options.default})` : ''} > `)).trim() || options.default || '';
        const verdict = line ? (options.validate?.(line) ?? true) : 'a value is required';
        if (verdict === true) return line;
        say(`> ${verdict}\n`);
      }
    },

    async select(options) {
      const start = Math.max(0, options.choices.findIndex((choice) => choice.value === options.default));
      say(`${options.message}\n${options.choices.map((choice, i) => `  ${i + 1}. ${choice.name}`).join('\n')}\n`);
      for (;;) {
        const line = (await askLine(`Number (${start + 1}) > `)).trim();
        if (!line) return options.choices[start]!.value;
        const [n] = numbers(line, options.choices.length);
        if (n) return options.choices[n - 1]!.value;
        // The choice typed by its own name (`ads`) is as clear as its number.
        const named = options.choices.find((choice) => choice.value.toLowerCase() === line.toLowerCase());
        if (named) return named.value;
        sayLine(`(${stripControl(line)}: not one of the choices; type its number, 1 to ${options.choices.length}, or Enter for ${start + 1})`);
      }
    },
  };
}

