// Per-file checks of what the grader reads: keywords too generic to count, how many core items
// a question has, and the length of its strong example. Warnings: a file with them still works.
import { containsRun, genericReason, wordForms } from '../words.js';
import type { PathSegment } from './parse.js';
import { isRecord } from './records.js';
import { plural } from '../text.js';
import type { FileKind } from './validate.js';

/** `missing`: the finding is about a field missing `from` a mapping, which a YAML break may have swallowed. */
type Report = (pathTo: PathSegment[], rule: string, message: string, missing?: { from: PathSegment[] }) => void;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const MAX_CORE = 3;
export const STRONG_LINES = { min: 15, max: 40 } as const;

/** Non-empty lines of an example's notes, over every stage. */
export function exampleLines(notes: unknown): number {
  if (!isRecord(notes)) return 0;
  return Object.values(notes).reduce<number>((sum, text) => sum + (typeof text === 'string' ? text.split('\n').filter((line) => line.trim()).length : 0), 0);
}

export function scoringChecks(data: Record<string, unknown>, kind: FileKind, report: Report): void {
  const stages: Array<[PathSegment, unknown]> = kind === 'rubric' ? list(data.stages).map((stage, i) => [i, stage]) : Object.entries(isRecord(data.stages) ? data.stages : {});
  let core = 0;
  let items = 0;
  // The question's own words: a core item that they would tick is ticked by repeating the question back.
  const asked = kind === 'rubric' ? [] : [data.title, data.prompt].filter((text): text is string => typeof text === 'string').map((text) => wordForms.stems(text));
  for (const [key, stage] of stages) {
    list(isRecord(stage) ? stage.checklist : undefined).forEach((item, i) => {
      if (!isRecord(item)) return;
      items++;
      if (item.core === true) core++;
      list(item.keywords).forEach((keyword, k) => {
        const reason = typeof keyword === 'string' ? genericReason(keyword) : undefined;
        if (reason && reason !== 'no words') {
          const what = reason === 'too short' ? 'is too short (one or two letters)' : `is a ${reason}`;
          report(['stages', key, 'checklist', i, 'keywords', k], 'generic-keyword', `keyword "${String(keyword)}" ${what} and never counts on its own; use a phrase that only this item's coverage would produce`);
        }
        else if (item.core === true && typeof keyword === 'string' && asked.some((stems) => containsRun(stems, wordForms.stems(keyword)))) {
          report(['stages', key, 'checklist', i, 'keywords', k], 'core-in-prompt', `keyword "${keyword}" of a core item is in the question's title or prompt, so repeating the question back ticks it; use a phrase only the insight would produce`);
        }
      });
    });
  }
  if (kind === 'rubric') return;
  if (core > MAX_CORE) report(['stages'], 'core-count', `the question has ${core} core items; keep 1 to ${MAX_CORE}: the insights it exists to test`);
  // Only a question's own items can be core (a rubric's are the same for every question, and the
  // format refuses `core` there). Stages that are there but no mapping are a format error, and
  // their items, if any, cannot be counted: no guess. Without any core item nothing caps an answer
  // that misses the point.
  else if (core === 0 && (data.stages === undefined || isRecord(data.stages))) {
    const fix = items > 0 ? `mark 1 to ${MAX_CORE} of its items with core: true` : `add 1 to ${MAX_CORE} checklist items with core: true`;
    const message = `the question has no core item; ${fix} (the insights it exists to test)`;
    if (data.stages !== undefined) report(['stages'], 'core-count', message);
    else report(data.id !== undefined ? ['id'] : [], 'core-count', message, { from: [] });
  }
  const strong = isRecord(data.examples) && isRecord(data.examples.strong) ? data.examples.strong : undefined;
  if (strong) {
    const lines = exampleLines(strong.notes);
    if (lines < STRONG_LINES.min || lines > STRONG_LINES.max) report(['examples', 'strong', 'notes'], 'example-length', `the strong example has ${plural(lines, 'line')} of notes; write ${STRONG_LINES.min} to ${STRONG_LINES.max}`);
  }
}
