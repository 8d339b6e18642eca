// The screen of one interview stage: a thin Inquirer prompt that reads a key, finds its action in
// the key table (stage-keys.ts), steps the screen's state with it (stage-step.ts, pure) and applies
// the step's effects to readline and the screen, drawn by the pure layout (stage-screen.ts). It
// re-renders itself on a timer, so the countdown stays live while the user thinks or types.
// All writes to the terminal go through the prompt, which keeps the screen from being garbled.
import type { SessionState } from '../session/engine.js';
import type { FactSheet } from '../session/interviewer.js';
import type { Pad } from '../diagram/pad.js';
import { stripControl } from '../text.js';
import type { Style } from './colour.js';
import { stageAction, typedAfterEsc } from './stage-keys.js';
import { finishedLine, stageLines, type Size } from './stage-screen.js';
import { keyContext, lineModeOf, openingLine, openStage, shownLine, stepStage, suspendStage, tickStage, type StageModel } from './stage-step.js';
import { makePrompt, measureCursorIncrementally, useRedraw, useScreenEvents, type InquirerCore, type MeasuredReadline, type ScreenEvents } from './inquirer.js';
import { HIDE_CURSOR, PASTE_OFF, PASTE_ON } from './terminal-codes.js';

const BELL = '\u0007';
/** Pictures of the diagram kept drawn: the sizes one frame asks for while fitting it (see stageLines). */
const PICTURES_KEPT = 4;

export interface StagePromptConfig extends ScreenEvents {
  state: SessionState;
  hints: readonly string[];
  strict: boolean;
  now: () => number;
  style: Style;
  /** The terminal's size, read at every render, so that a resize redraws at the new size. */
  size: () => Size;
  /** Called with the latest state, the line being typed included as its draft, after every change. */
  onChange: (state: SessionState) => void;
  /** Interviewer mode: the stage's checklist, ticked live with the keys. */
  checklist?: ReadonlyArray<{ id: string; text: string }>;
  /** Interviewer mode: follow-ups to ask, shown on this stage. */
  followups?: readonly string[];
  /** Self mode: the fact sheet that answers `?` questions; without one, every answer is the neutral reply. */
  sheet?: FactSheet;
  /** Interviewer mode: the question's prompt, kept on screen. */
  question?: string;
  /** Interviewer mode: the fact sheet to answer from, on screen (Ctrl-O shows it whole when cut to fit, hides it, shows it). */
  facts?: ReadonlyArray<{ topic: string; answer: string }>;
  /** The ready gate: the clock (paused in `state`) starts on Enter or on the first key typed. */
  gated?: boolean;
  /** False with --no-save: Ctrl-C then saves nothing, and the keys line must not say it does. */
  save?: boolean;
  /** A warning to keep on screen while it lasts (checkpoints failing); read at every render. */
  notice?: () => string | undefined;
  tickMs?: number;
}

/** The stage prompt, with Inquirer's core loaded (see inquirer.ts). */
export const loadStagePrompt = () => makePrompt<SessionState, StagePromptConfig>(renderStage);

function renderStage(core: InquirerCore, config: StagePromptConfig, done: (state: SessionState) => void): string | [string, string | undefined] {
  const { useEffect, useKeypress, useRef, useState } = core;
  const { style, now } = config;
  // The screen's state (stage-step.ts): the keys step it, the timer and Ctrl-Z move its clock.
  const model = useRef<StageModel>(openStage(config.state, Boolean(config.gated)));
  const redraw = useRedraw(core);
  // A paste arrives as hundreds of keys in one read: the screen is drawn once after them (drawSoon),
  // not after each, which made a few kilobytes take seconds to settle.
  const soon = useRef<NodeJS.Immediate | undefined>(undefined);
  const drawSoon = () => {
    soon.current ??= setImmediate(() => {
      soon.current = undefined;
      redraw();
    });
  };
  // What the last frame did with the fact sheet (cut to fit, in how many screenfuls), which Ctrl-O reads.
  const factsShown = useRef({ factsCut: false, factsPages: 1 });
  const [ended, setEnded] = useState<SessionState | null>(null);
  // The diagram pad's renderer, loaded the first time the pad opens (or is open on resume).
  const pad = useRef<Pad | 'loading' | Error | undefined>(undefined);
  // The last pictures drawn, newest first: the screen is redrawn every tick, the diagram only
  // changes on Enter, and a frame may ask for it at two or three heights while fitting it.
  const pictures = useRef<Array<{ key: string; lines: string[] }>>([]);

  /** The screen's state moves on; a change of the session is handed to the caller. */
  const update = (next: StageModel) => {
    const changed = next.session !== model.current.session;
    model.current = next;
    if (changed) config.onChange(next.session);
  };
  const updateSession = (session: SessionState) => update({ ...model.current, session });
  /** Loads the pad's code (the renderer) once, then redraws: the stage screen does not load it at start-up. */
  const loadPad = () => {
    if (pad.current !== undefined) return;
    pad.current = 'loading';
    const loaded = (value: Pad | Error) => {
      pad.current = value;
      redraw();
    };
    import('../diagram/pad.js').then(({ openPad }) => openPad()).then(loaded, (error: unknown) => loaded(error instanceof Error ? error : new Error(String(error))));
  };
  // The time stopped with Ctrl-Z is not counted; on `fg` the screen is drawn anew.
  const finished = useScreenEvents(core, config, (phase) => update(suspendStage(model.current, phase, now())));
  const end = (next: SessionState) => {
    updateSession(next);
    setEnded(next);
    finished();
    done(next);
  };

  useEffect((rl) => {
    // Inquirer defers a prompt's first render by a tick; a prompt aborted (Ctrl-C) in that tick
    // has already closed its readline and run its cleanups, so a timer started now would never
    // be stopped, and would keep Node running after the command is done.
    const closed = () => Boolean((rl as { closed?: boolean }).closed);
    if (closed()) return undefined;
    // A long paste would be measured whole at every key. Inquirer's readline is Node's, whose
    // prompt, cursor and columns its own type leaves out.
    measureCursorIncrementally(rl as unknown as Parameters<typeof measureCursorIncrementally>[0]);
    // The pad open when the session was checkpointed: open again, its line as it was.
    if (config.state.padLine !== undefined) loadPad();
    const opening = openingLine(config.state);
    if (opening) rl.write(opening);
    const write = (text: string) => {
      rl.output.unmute();
      rl.output.write(text);
      rl.output.mute();
    };
    const timer = setInterval(() => {
      if (closed()) {
        clearInterval(timer);
        return;
      }
      const tick = tickStage(model.current.session, now(), config.strict, config.sheet);
      if (tick.end) return end(tick.session);
      updateSession(tick.session);
      if (tick.bell) write(BELL);
      redraw();
    }, config.tickMs ?? 250);
    return () => {
      clearInterval(timer);
      clearImmediate(soon.current);
      write(PASTE_OFF);
    };
  }, []);

  const pasting = useRef(false);
  useKeypress((key, rl) => {
    if (ended) return;
    if (key.name === 'paste-start' || key.name === 'paste-end') {
      pasting.current = key.name === 'paste-start';
      return;
    }
    const action = stageAction(key, keyContext(model.current, { interviewer: Boolean(config.checklist?.length), facts: Boolean(config.facts?.length), pasting: pasting.current }));
    // Esc and a key at once: readline drops the key (see typedAfterEsc), so it is typed here, before the line is read.
    if (action === 'type' && typedAfterEsc(key)) rl.write(typedAfterEsc(key));
    // Node's readline has the cursor Inquirer's type leaves out.
    const cursor = rl as unknown as Pick<MeasuredReadline, 'cursor'>;
    const { model: next, effects } = stepStage(model.current, action, {
      key, readline: rl.line, readlineCursor: cursor.cursor, now: now(), hints: config.hints.length, checklist: config.checklist, sheet: config.sheet, ...factsShown.current,
    });
    // The step's effects, in order: readline's line, then the end of the stage, the pad's code, the drawing.
    update(next);
    if (effects.line !== undefined) {
      rl.clearLine(0);
      if (effects.line) rl.write(effects.line);
      if (effects.lineCursor !== undefined) cursor.cursor = effects.lineCursor;
    }
    if (effects.end) return end(effects.end);
    if (effects.loadPad) loadPad();
    if (effects.draw === 'now') redraw();
    else if (effects.draw === 'soon') drawSoon();
  });

  if (ended) {
    const index = ended.current - 1;
    return index >= 0 && index < ended.plan.length && ended.current > config.state.current
      ? finishedLine(ended, index, now(), style, config.size().columns)
      : style.dim(`↩ back to ${ended.plan[ended.current]?.title ?? 'the previous stage'}`);
  }
  const shown = model.current;
  const current = shown.session;
  const loaded = pad.current;
  const { lines, help, factsCut, factsPages } = stageLines(
    {
      state: current, now: now(), hints: config.hints, checklist: config.checklist, cursor: shown.cursor, followups: config.followups, allFollowups: shown.allFollowups,
      line: shownLine(shown), editing: shown.editing, gated: shown.gated, save: config.save !== false,
      notice: loaded instanceof Error ? `the diagram pad could not load: ${loaded.message}` : config.notice?.(),
      lineMode: lineModeOf(current), noFactSheet: !config.sheet && !config.checklist?.length, facts: config.facts, factsView: shown.factsView, factsPage: shown.factsPage, question: config.question,
      ...(current.diagram ? { diagram: current.diagram } : {}),
      ...(typeof loaded === 'object' && !(loaded instanceof Error) ? {
        drawDiagram: (source: string, size: { width: number; height: number }) => {
          // A paste adds its lines one by one, and a layout takes tens of milliseconds: the
          // picture waits for the paste's end (the next tick draws it), or a 100-line paste
          // took seconds, each line laid out in turn.
          const key = `${size.width}×${size.height}\n${source}`;
          const drawn = pictures.current.find((picture) => picture.key === key) ?? (pasting.current ? pictures.current[0] : undefined);
          if (drawn) return drawn.lines;
          const picture = { key, lines: loaded.view(source, size).lines };
          pictures.current = [picture, ...pictures.current.slice(0, PICTURES_KEPT - 1)];
          return picture.lines;
        },
      } : {}),
    },
    config.size(),
    style,
  );
  factsShown.current = { factsCut, factsPages };
  // The notes, the line being typed and the pad hold what was typed or pasted (or resumed from a
  // checkpoint): the one sanitiser, keeping only the colour the style added.
  // Asked for in every frame: after Ctrl-Z (which turns it off) and `fg`, the next frame turns it on.
  return [`${stripControl(lines.join('\n'), { keepStyle: true })}${HIDE_CURSOR}${PASTE_ON}`, help];
}
