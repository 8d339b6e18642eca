// The self-assessment of one stage: a thin Inquirer prompt that moves a cursor, ticks items and
// draws the pure layout (assess-screen.ts) at the terminal's size, read at every render. Once
// confirmed, it leaves one line on screen: `✔ Clarify: 5 of 9 covered`.
import type { ScoredItem } from '../session/interview.js';
import { stripControl } from '../text.js';
import type { EvidenceSource } from '../score/suggest.js';
import type { Style } from './colour.js';
import { assessedLine, assessLines } from './assess-screen.js';
import { makePrompt, useScreenEvents, type InquirerCore, type ScreenEvents } from './inquirer.js';
import type { Size } from './stage-screen.js';
import { HIDE_CURSOR } from './terminal-codes.js';

export interface AssessPromptConfig extends ScreenEvents {
  message: string;
  /** The stage's title, for the line left once confirmed. */
  title: string;
  items: readonly ScoredItem[];
  /** Ticked at the start: the suggestions. */
  preselected: ReadonlySet<string>;
  evidence: ReadonlyMap<string, string>;
  evidenceFrom?: ReadonlyMap<string, EvidenceSource>;
  notes: string;
  style: Style;
  size: () => Size;
}

/** The prompt, with Inquirer's core loaded (see inquirer.ts). */
export const loadAssessPrompt = () => makePrompt<string[], AssessPromptConfig>(renderAssess);

function renderAssess(core: InquirerCore, config: AssessPromptConfig, done: (ids: string[]) => void): string | [string, string] {
  const { useKeypress, useState, isUpKey, isDownKey, isSpaceKey, isEnterKey } = core;
  const { items, style } = config;
  const [ticked, setTicked] = useState<ReadonlySet<string>>(() => new Set(items.filter((item) => config.preselected.has(item.id)).map((item) => item.id)));
  const [cursor, setCursor] = useState(0);
  const [confirmed, setConfirmed] = useState(false);

  const finished = useScreenEvents(core, config);

  useKeypress((key, rl) => {
    if (confirmed) return;
    if (isEnterKey(key)) {
      setConfirmed(true);
      finished();
      done(items.filter((item) => ticked.has(item.id)).map((item) => item.id));
    } else if (isUpKey(key)) {
      setCursor(Math.max(0, cursor - 1));
    } else if (isDownKey(key)) {
      setCursor(Math.min(items.length - 1, cursor + 1));
    } else if (isSpaceKey(key) && items[cursor]) {
      const next = new Set(ticked);
      const id = items[cursor].id;
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setTicked(next);
    }
    // Nothing is typed here: a letter must not linger on the line.
    rl.clearLine(0);
  });

  if (confirmed) return assessedLine(config.title, items, ticked, style, config.size().columns);
  const { lines, help } = assessLines({ message: config.message, items, ticked, cursor, evidence: config.evidence, evidenceFrom: config.evidenceFrom, notes: config.notes }, config.size(), style);
  // The notes shown above the list are the user's, typed or resumed: the one sanitiser.
  return [`${stripControl(lines.join('\n'), { keepStyle: true })}${HIDE_CURSOR}`, help];
}
