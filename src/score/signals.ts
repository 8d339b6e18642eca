// What a session's own data says about each stage: its pacing, and the signs that make its red
// flags worth reading (no notes, little covered, clarify eating the interview). Pure; the report
// and the exported document both word them from here.

/** Under this share of its budget a stage was rushed. */
const RUSHED_BELOW = 0.25;
/** From this share over its budget a stage ran over. */
const OVER_FROM = 0.1;
/** Clarifying for more than this share of the whole interview leaves too little for the design. */
const CLARIFY_SHARE = 0.25;
/** Covering less than this (percent) is a sign of trouble in the stage. */
const LOW_SCORE = 50;

/** A span in words: `8 s`, `15 min`, `2 min 30 s`. */
function spanWords(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** `rushed: 8 s of 15 min` under a quarter of the budget, `over by 40%` from 10% over, else null. */
export function pacingFlag(usedSeconds: number, budgetSeconds: number): string | null {
  if (budgetSeconds <= 0) return null;
  if (usedSeconds < budgetSeconds * RUSHED_BELOW) return `rushed: ${spanWords(usedSeconds)} of ${spanWords(budgetSeconds)}`;
  const over = (usedSeconds - budgetSeconds) / budgetSeconds;
  return over >= OVER_FROM ? `over by ${Math.round(over * 100)}%` : null;
}

export interface StageFacts {
  id: string;
  usedSeconds: number;
  budgetSeconds: number;
  notes: string;
  /** Percent; null when not assessed. */
  score: number | null;
}

/** Per stage, the signs of trouble its data shows, worded for a reader; empty when none. */
export function stageSignals(stages: readonly StageFacts[]): string[][] {
  const total = stages.reduce((sum, stage) => sum + stage.usedSeconds, 0);
  return stages.map((stage) => {
    const signals: string[] = [];
    const pacing = pacingFlag(stage.usedSeconds, stage.budgetSeconds);
    if (pacing) signals.push(pacing);
    // A clarify rushed through its own budget did not eat the interview, however short the rest was.
    const rushed = stage.usedSeconds < stage.budgetSeconds * RUSHED_BELOW;
    if (stage.id === 'clarify' && !rushed && total > 0 && stage.usedSeconds / total > CLARIFY_SHARE) signals.push(`took ${Math.round((stage.usedSeconds / total) * 100)}% of the interview`);
    if (!stage.notes.trim()) signals.push('no notes');
    if (stage.score !== null && stage.score < LOW_SCORE) signals.push(`${stage.score}% covered`);
    return signals;
  });
}

/**
 * The lines of a stage's notes written after its curveball came: from the length the notes had
 * then (`notesChars`, what the answer key is graded on too); sessions recorded before that was
 * kept counted lines instead (`linesBefore`). Null when neither was kept.
 */
export function notesAfter(notes: string, mark: { notesChars?: number; linesBefore?: number }): string[] | null {
  const lines = (text: string) => text.split('\n').map((line) => line.trimEnd()).filter(Boolean);
  if (mark.notesChars !== undefined) return lines(notes.slice(mark.notesChars));
  if (mark.linesBefore !== undefined) return lines(notes).slice(mark.linesBefore);
  return null;
}
