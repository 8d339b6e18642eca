// The `next` list: what to practise, in order, and why. Returns lines; never prints.
import type { QueueEntry } from '../select/schedule.js';
import { fitLine, padColumns, plural, stripControl, widest } from '../text.js';
import type { Style } from './colour.js';

/** Why an entry is where it is, in a few words. */
export function reasonText(entry: QueueEntry, now: number): string {
  const last = entry.lastScore === null ? '' : ` · last ${entry.lastScore}%${entry.lastScoreBy === 'ai' ? ' by the AI grader' : ''} (${entry.lastRating})`;
  if (entry.reason === 'due') {
    const when = entry.overdueDays === 0 ? 'due today' : `due ${plural(entry.overdueDays!, 'day')} ago`;
    return `${when}${last}`;
  }
  if (entry.reason === 'unseen') {
    return `new · ${entry.category}: ${entry.categoryAverage === null ? 'no sessions yet' : `average ${entry.categoryAverage}%`}`;
  }
  const ahead = Date.parse(entry.due!) - now;
  // Within a day, days would round 40 minutes up to "1 day": say the hours.
  const hours = Math.ceil(ahead / 3_600_000);
  const when = hours <= 1 ? 'under an hour' : hours < 24 ? plural(hours, 'hour') : plural(Math.ceil(ahead / 86_400_000), 'day');
  return `due in ${when}${last}`;
}

/** The fewest columns a reason keeps beside the ids before it goes under them. */
const REASON_LEAST = 24;

/** The list, each line no wider than `width` (a terminal's; unlimited for a pipe): a line the terminal wrapped would break the columns. */
export function nextLines(queue: readonly QueueEntry[], now: number, style: Style, width = Number.POSITIVE_INFINITY): string[] {
  const [first, ...rest] = queue;
  if (!first) return [];
  const lines = [
    `${style.heading('Next:')} ${style.title(stripControl(first.title))} ${style.dim(`(${stripControl(first.questionId)})`)}`,
    `      ${reasonText(first, now)}`,
    `      ${style.dim('start it with')} mldrill drill --next`,
  ];
  if (rest.length) {
    const idWidth = widest(rest.map((entry) => stripControl(entry.questionId)));
    // Beside the ids while that leaves the reasons room to be read; under each id on a narrow terminal.
    const beside = width - (6 + idWidth + 2) >= REASON_LEAST;
    lines.push('', style.heading('Then'));
    rest.forEach((entry, i) => {
      const numbered = `  ${String(i + 2).padStart(2)}. `;
      if (beside) lines.push(`${numbered}${padColumns(stripControl(entry.questionId), idWidth)}  ${style.dim(reasonText(entry, now))}`);
      else lines.push(`${numbered}${stripControl(entry.questionId)}`, `      ${style.dim(reasonText(entry, now))}`);
    });
  }
  return lines.map((line) => fitLine(line, width));
}
