// The question picker: a thin Inquirer prompt that filters as you type, moves a cursor and draws
// the pure layout (pick-screen.ts) at the terminal's size, read at every render. What is typed
// stays readline's line, so the line editor's keys work on it.
import type { QuestionSummary } from '../bank/catalog.js';
import type { Style } from './colour.js';
import { makePrompt, useScreenEvents, type InquirerCore, type ScreenEvents } from './inquirer.js';
import { byTitle, matching, pickLines, pickMessage } from './pick-screen.js';
import { stripControl } from '../text.js';
import type { Size } from './stage-screen.js';

export interface PickPromptConfig extends ScreenEvents {
  /** Shown in the picker's order (byTitle). */
  questions: readonly QuestionSummary[];
  lastScores: ReadonlyMap<string, number>;
  style: Style;
  size: () => Size;
}

/** The prompt, with Inquirer's core loaded (see inquirer.ts). */
export const loadPickPrompt = () => makePrompt<QuestionSummary, PickPromptConfig>(renderPick);

function renderPick(core: InquirerCore, config: PickPromptConfig, done: (question: QuestionSummary) => void): string | [string, string] {
  const { useKeypress, useState, isUpKey, isDownKey, isEnterKey } = core;
  const { style } = config;
  const [questions] = useState(() => byTitle(config.questions));
  const [term, setTerm] = useState('');
  const [active, setActive] = useState(0);
  const [chosen, setChosen] = useState<QuestionSummary | undefined>(undefined);
  const shown = matching(questions, term);
  const finished = useScreenEvents(core, config);

  useKeypress((key, rl) => {
    if (chosen) return;
    if (isEnterKey(key)) {
      const question = shown[active];
      if (question) {
        setChosen(question);
        finished();
        done(question);
      } else rl.write(term); // Enter cleared readline's line: what was typed stays.
      return;
    }
    if (isUpKey(key) || isDownKey(key)) {
      if (shown.length) setActive((active + shown.length + (isUpKey(key) ? -1 : 1)) % shown.length);
      return;
    }
    // Tab has no completion here: readline would type it into the filter.
    if (rl.line.includes('\t')) {
      const line = rl.line.replace(/\t/g, '');
      rl.clearLine(0);
      rl.write(line);
    }
    if (rl.line !== term) {
      setTerm(rl.line);
      setActive(0);
    }
  });

  const { columns, rows } = config.size();
  const message = pickMessage(columns);
  if (chosen) return `${style.good('✔')} ${style.heading(message)} ${style.accent(chosen.title)}`;
  // The header ends with what is typed: Inquirer puts the cursor after it. What is typed or
  // pasted is untrusted text: the one sanitiser, keeping only the colour the style added.
  const shownTerm = stripControl(term);
  return [`${style.accent('?')} ${style.heading(message)} ${shownTerm}`, stripControl(pickLines({ shown, active, term: shownTerm, lastScores: config.lastScores }, { columns, rows }, style).join('\n'), { keepStyle: true })];
}
