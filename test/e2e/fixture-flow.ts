// Steps through the e2e fixture question (two stages, clarify then design), as a user would,
// and reads what a drill leaves in its state directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { until, type TmuxSession } from '../helpers/tmux.js';

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

/** A fresh, empty state directory for one test. */
export const newHome = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-'));

/** The records of the history file, in order. */
export const history = (home: string) => fs.readFileSync(path.join(home, 'history.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line));

/** The names of the checkpoint files. */
/** The checkpoints in sessions/, without the atomic writer's temporary files (`.ID.json.PID.N.tmp`), which a kill -9 can catch mid-write. */
export const liveFiles = (home: string): string[] => (fs.existsSync(path.join(home, 'sessions')) ? fs.readdirSync(path.join(home, 'sessions')).filter((name) => name.endsWith('.json') && !name.startsWith('.')) : []);

/** Waits until the (first) checkpoint on disk holds text; returns its file name. */
export function checkpointHolding(home: string, text: string, what: string): Promise<string> {
  return until(() => {
    // Not a temporary file caught mid-write (.ID.json.PID.N.tmp): the checkpoint itself.
    const name = liveFiles(home).find((file) => /^\d{8}-\d{4}-[a-z0-9]{4}\.json$/.test(file));
    return name && fs.readFileSync(path.join(home, 'sessions', name), 'utf8').includes(text) ? name : undefined;
  }, what);
}

/** Types a line of notes and Enter, and waits until it shows as the last line of the notes. */
export async function writeNote(tmux: TmuxSession, text: string): Promise<string> {
  tmux.type(text);
  tmux.keys('Enter');
  return tmux.waitFor(new RegExp(`\\n\\s+${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n\\s+>`));
}
