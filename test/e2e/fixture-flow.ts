// Steps through the e2e fixture question (two stages, clarify then design), as a user would.
import path from 'node:path';
import type { TmuxSession } from '../helpers/tmux.js';

export const BANK = path.resolve(import.meta.dirname, '..', 'fixtures', 'e2e-bank');

/** From stage `from` (1 or 2) on: Enter through the stages, then confirm both assessments as they are. */
export async function finishDrill(tmux: TmuxSession, from: 1 | 2): Promise<void> {
  if (from === 1) {
    tmux.keys('Enter');
    await tmux.waitFor('Stage 2/2');
  }
  tmux.keys('Enter');
  await confirmAssessments(tmux);
}

/** Confirms both self-assessment screens with whatever is ticked. */
export async function confirmAssessments(tmux: TmuxSession): Promise<void> {
  await tmux.waitFor('Clarify the feed: what did you cover?');
  tmux.keys('Enter');
  await tmux.waitFor('Design the ranking: what did you cover?');
  tmux.keys('Enter');
}
