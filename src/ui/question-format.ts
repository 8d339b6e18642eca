// How daily, random, show and list print questions: styled text for a person, plain lines for a
// shell greeting, JSON for programs, Markdown for a chat or an issue. Returns strings; never
// prints. Every string from a question file passes through stripControl (JSON escapes its own).
import type { QuestionSummary } from '../bank/catalog.js';
import type { Followup, LoadedQuestion, LoadedRubric } from '../bank/schema.js';
import { planStages, totalBudgetSeconds } from '../session/plan.js';
import { cut, flatten, padColumns, shellWord, stripControl, widest, wrap } from '../text.js';
import type { Style } from './colour.js';
import { questionJsonText } from './question-json.js';
import { formatMinutes, questionHeader } from './question-header.js';

import type { OutputFormat } from '../formats.js';

export interface QuestionView {
  question: LoadedQuestion;
  rubric: LoadedRubric;
  /** For `daily`: the date, shown in every format. */
  date?: string;
  /** For `show`: follow-ups, and hints and answer keys when asked for. */
  full?: boolean;
  hints?: boolean;
  followupKeys?: boolean;
  /** For `show --answer`: the strong example answer, as what a strong answer covers. */
  answer?: boolean;
  /**
   * The `--bank` arguments, as typed, that the question's file came from: the commands shown
   * (`Drill it: ...`, the hints' pointer) repeat them, or they would not find the question.
   */
  bank?: readonly string[];
}

/** The strong example's notes by stage, in the rubric's order, as lines; empty when there is none. */
function strongAnswer(question: LoadedQuestion, rubric: LoadedRubric): Array<{ title: string; lines: NoteLine[] }> {
  const notes = question.examples?.strong?.notes ?? {};
  return rubric.stages
    .filter((stage) => notes[stage.id]?.trim())
    .map((stage) => ({ title: stripControl(stage.title), lines: noteLines(stripControl(notes[stage.id]!).split('\n')) }));
}

/**
 * A line of notes as a list shows it: a list item (`- `, `* `, `+ `, `1. `, `2) `) at its depth,
 * more of the item above it (indented under it), or a line of its own.
 */
interface NoteLine {
  kind: 'item' | 'more' | 'line';
  /** An item's marker: `-` for any bullet, a number as written. */
  marker: string;
  /** Columns its text starts at under the enclosing items' text: the markers before it and their spaces. */
  column: number;
  text: string;
}

const LIST_ITEM = /^([-*+]|\d{1,9}[.)])\s+(.*)$/;

/** Notes' lines as a list, nesting by indentation as Markdown does: a user's bank may nest its example's bullets. */
function noteLines(lines: readonly string[]): NoteLine[] {
  // The open items: where each one's marker is in the notes, and where its text is shown.
  const open: Array<{ indent: number; column: number; width: number }> = [];
  const out: NoteLine[] = [];
  for (const raw of lines) {
    const text = raw.trim();
    if (!text) continue;
    // A tab indents as far as four spaces (as Markdown reads it).
    const indent = /^\s*/.exec(raw.replace(/\t/g, '    '))![0].length;
    // A line belongs to the items whose marker it is indented past; the others end before it.
    while (open.length && open.at(-1)!.indent >= indent) open.pop();
    const parent = open.at(-1);
    const column = parent ? parent.column + parent.width : 0;
    const item = LIST_ITEM.exec(text);
    if (item) {
      const marker = /^[-*+]$/.test(item[1]!) ? '-' : item[1]!;
      open.push({ indent, column, width: marker.length + 1 });
      out.push({ kind: 'item', marker, column, text: item[2]! });
    } else out.push({ kind: parent ? 'more' : 'line', marker: '', column, text });
  }
  return out;
}

const STRONG_ANSWER_TITLE = 'What a strong answer covers';

/** One question in the given format, ending with a newline. Only `text` uses a style. */
export function formatQuestion(view: QuestionView, format: OutputFormat, style: Style | undefined, width: number): string {
  switch (format) {
    case 'json':
      return questionJsonText(view.question, view.rubric, view.date, { hints: Boolean(view.hints), followupKeys: Boolean(view.followupKeys), answer: Boolean(view.answer) });
    case 'plain':
      return plainLines(view).join('\n') + '\n';
    case 'markdown':
      return markdownLines(view).join('\n') + '\n';
    case 'text':
      if (!style) throw new Error('the text format needs a style');
      return textLines(view, style, width).join('\n') + '\n';
  }
}

/** `mldrill <command> <id> [more]`, with the `--bank` arguments the question needs. */
const command = (name: string, { question, bank = [] }: Pick<QuestionView, 'question' | 'bank'>, ...more: string[]) =>
  stripControl(['mldrill', name, question.id, ...more, ...bank.flatMap((dir) => ['--bank', shellWord(dir)])].join(' '));
const dayLabel = (date: string) => `Question of the day, ${date}`;

/** A few unstyled lines for a shell greeting: title, prompt, and how to drill it. */
function plainLines(view: QuestionView): string[] {
  const { question, date } = view;
  // Three lines whatever the YAML holds: a script takes the prompt with `sed -n 2p`.
  const title = flatten(question.title);
  return [date ? `${dayLabel(date)}: ${title}` : title, flatten(question.prompt), `Drill it: ${command('drill', view)}`];
}

function textLines(view: QuestionView, style: Style, width: number): string[] {
  const { question } = view;
  const clean = withoutControl(question);
  const rubric = withoutControl(view.rubric);
  const lines = view.date ? [style.dim(dayLabel(view.date))] : [];
  lines.push(...questionHeader(clean, planStages(rubric.stages), style, width));
  if (view.full) {
    const followups = clean.followupDetails ?? [];
    if (followups.length) {
      lines.push('', style.heading('Follow-ups'));
      for (const followup of followups) {
        lines.push(...bullet(followup.text, width, '  '));
        if (!view.followupKeys) continue;
        const when = whenLine(followup);
        if (when) lines.push(...wrap(when, width - 4, '    ').map((line) => style.dim(line)));
        if (followup.answer?.length) {
          lines.push(style.accent('    A strong reply covers:'));
          for (const point of followup.answer) lines.push(...bullet(point, width, '      '));
        }
      }
      if (!view.followupKeys && followups.some((followup) => followup.answer?.length)) lines.push('', style.dim(`Answer keys: ${command('show', view, '--followups')}`));
    }
    if (view.hints) {
      const staged = rubric.stages.filter((stage) => clean.stages[stage.id]?.hints?.length);
      if (staged.length) lines.push('', style.heading('Hints'));
      for (const stage of staged) {
        lines.push(style.accent(`  ${stage.title}`));
        for (const hint of clean.stages[stage.id]!.hints!) lines.push(...bullet(hint, width, '    '));
      }
    } else if (Object.values(clean.stages).some((stage) => stage.hints?.length)) {
      lines.push('', style.dim(`Hints: ${command('show', view, '--hints')}`));
    }
    const answer = strongAnswer(question, view.rubric);
    if (view.answer) {
      lines.push('', style.heading(STRONG_ANSWER_TITLE));
      if (!answer.length) lines.push(style.dim('  This question has no strong example answer yet.'));
      for (const stage of answer) lines.push(style.accent(`  ${stage.title}`), ...stage.lines.flatMap((line) => noteLineText(line, width, '    ')));
    } else if (answer.length) {
      // Beside the hints' pointer when there is one; after a section (the hints themselves), a blank line.
      const hintsPointer = style.dim(`Hints: ${command('show', view, '--hints')}`);
      lines.push(...(lines[lines.length - 1] === hintsPointer ? [] : ['']), style.dim(`${STRONG_ANSWER_TITLE}: ${command('show', view, '--answer')}`));
    }
  }
  lines.push('', style.dim(`Drill it: ${command('drill', view)}`));
  return lines;
}

/** When a follow-up is preferred, in words; undefined for an unconditional one. */
function whenLine(followup: Followup): string | undefined {
  const parts = [
    ...(followup.when?.mentioned?.length ? [`the notes mention ${followup.when.mentioned.map((phrase) => `"${phrase}"`).join(' or ')}`] : []),
    ...(followup.when?.missing?.length ? [`they mention none of ${followup.when.missing.map((phrase) => `"${phrase}"`).join(', ')}`] : []),
  ];
  return parts.length ? `Asked when ${parts.join(' and ')}.` : undefined;
}

/** A wrapped list item: `- ` (or its marker) on the first line, aligned continuation lines. */
function bullet(text: string, width: number, indent: string, marker = '-'): string[] {
  const [first = '', ...rest] = wrap(text, width - indent.length - marker.length - 1);
  return [`${indent}${marker} ${first}`, ...rest.map((line) => `${indent}${' '.repeat(marker.length + 1)}${line}`)];
}

/** A line of notes (noteLines) wrapped to width as a list shows it, under indent. */
function noteLineText(line: NoteLine, width: number, indent: string): string[] {
  // Deeper items stop moving right at half the width: the text keeps room to be read, not a letter a line past the edge.
  const at = indent + ' '.repeat(Math.min(line.column, Math.floor((width - indent.length) / 2)));
  return line.kind === 'item' ? bullet(line.text, width, at, line.marker) : wrap(line.text, width, at);
}

/**
 * Lines of notes (noteLines) as Markdown, nesting kept; a blank line parts a list from the lines
 * around it, and one line of prose from the next (Markdown would join them into one paragraph).
 */
function noteLinesMarkdown(lines: readonly NoteLine[]): string[] {
  return lines.flatMap((line, i) => {
    const text = `${' '.repeat(line.column)}${line.kind === 'item' ? `${line.marker} ` : ''}${escapeMarkdown(line.text)}`;
    const listed = (other: NoteLine | undefined) => other !== undefined && other.kind !== 'line';
    return i > 0 && (listed(line) !== listed(lines[i - 1]) || line.kind === 'line') ? ['', text] : [text];
  });
}

/** A copy with every string stripped of control characters. */
function withoutControl<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) => (typeof item === 'string' ? stripControl(item) : item)) as T;
}

/** Escapes what Markdown would otherwise read as formatting, links or HTML. */
export function escapeMarkdown(text: string): string {
  return stripControl(text).replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}

function markdownLines(view: QuestionView): string[] {
  const { question, rubric } = view;
  const title = escapeMarkdown(question.title);
  const meta = [question.category, question.difficulty, ...(question.companies ?? [])].map(escapeMarkdown).join(' · ');
  const plan = planStages(rubric.stages);
  const total = totalBudgetSeconds(plan);
  const lines = [
    `**${view.date ? `${dayLabel(view.date)}: ` : ''}${title}**`,
    `_${meta}_`,
    '',
    ...stripControl(question.prompt).split('\n').map((line) => `> ${escapeMarkdown(line)}`.trimEnd()),
    '',
    `Plan (${formatMinutes(total)}): ${plan.map((stage) => `${escapeMarkdown(stage.title)} ${formatMinutes(stage.budgetSeconds)}`).join(' · ')}`,
  ];
  if (view.full) {
    const followups = question.followupDetails ?? [];
    if (followups.length) lines.push('', '**Follow-ups**', '');
    for (const followup of followups) {
      lines.push(`- ${escapeMarkdown(followup.text)}`);
      if (!view.followupKeys) continue;
      const when = whenLine(followup);
      if (when) lines.push(`  - _${escapeMarkdown(when)}_`);
      if (followup.answer?.length) lines.push('  - A strong reply covers:', ...followup.answer.map((point) => `    - ${escapeMarkdown(point)}`));
    }
    if (view.hints) {
      for (const stage of rubric.stages) {
        const hints = question.stages[stage.id]?.hints ?? [];
        if (hints.length) lines.push('', `**Hints: ${escapeMarkdown(stage.title)}**`, '', ...hints.map((hint) => `- ${escapeMarkdown(hint)}`));
      }
    }
    if (view.answer) lines.push('', ...strongAnswerMarkdown(question, rubric));
  }
  lines.push('', `Drill it: \`${command('drill', view)}\``);
  return lines;
}

/** The strong example as Markdown: a heading, then each stage's notes as a list. */
function strongAnswerMarkdown(question: LoadedQuestion, rubric: LoadedRubric, level = '**'): string[] {
  const answer = strongAnswer(question, rubric);
  const heading = level === '**' ? `**${STRONG_ANSWER_TITLE}**` : `${level} ${STRONG_ANSWER_TITLE}`;
  if (!answer.length) return [heading, '', '_This question has no strong example answer yet._'];
  return [heading, ...answer.flatMap((stage) => ['', `_${escapeMarkdown(stage.title)}_`, '', ...noteLinesMarkdown(stage.lines)])];
}

/**
 * `list`: one question per line. On a terminal the columns are aligned and the title cut to the
 * width; piped (and with `plain`) the fields are tab-separated for cut and awk, in colour only
 * when it is forced.
 */
/** The fewest columns a title keeps in `list` on a terminal before other columns give way. */
const LIST_TITLE_LEAST = 10;

export function formatList(questions: readonly QuestionSummary[], format: Exclude<OutputFormat, 'json'>, options: { tty: boolean; style: Style | undefined; width: number }): string {
  const rows = questions.map((question) => [question.id, question.category, question.difficulty, question.title].map((text) => flatten(text)) as [string, string, string, string]);
  if (rows.length === 0) return '';
  if (format === 'markdown') {
    const cell = (text: string) => escapeMarkdown(text);
    return ['| id | category | difficulty | title |', '|---|---|---|---|', ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`)].join('\n') + '\n';
  }
  const { style } = options;
  if (format === 'plain' || !style) return rows.map((row) => row.join('\t')).join('\n') + '\n';
  // Piped, the fields stay tab-separated; styled only when colour is forced (FORCE_COLOR, colour: always).
  if (!options.tty) return rows.map(([id, category, difficulty, title]) => [style.accent(id), style.dim(category), difficulty, title].join('\t')).join('\n') + '\n';
  const width = (column: 0 | 1 | 2) => widest(rows.map((row) => row[column]));
  const [idWidth, categoryWidth, difficultyWidth] = [width(0), width(1), width(2)];
  // A row never wraps: where the title would get fewer than LIST_TITLE_LEAST columns, the category
  // goes, then the difficulty, and the title takes what is left (nothing, past a few columns).
  // The id is never cut: it is what a reader copies.
  const titleRoom = (others: number) => options.width - idWidth - others - 2;
  const showCategory = titleRoom(categoryWidth + 2 + difficultyWidth + 2) >= LIST_TITLE_LEAST;
  const showDifficulty = showCategory || titleRoom(difficultyWidth + 2) >= LIST_TITLE_LEAST;
  const room = titleRoom((showCategory ? categoryWidth + 2 : 0) + (showDifficulty ? difficultyWidth + 2 : 0));
  return rows
    .map(([id, category, difficulty, title]) => {
      const cells = [style.accent(padColumns(id, idWidth))];
      if (showCategory) cells.push(style.dim(padColumns(category, categoryWidth)));
      if (showDifficulty) cells.push(difficulty.padEnd(difficultyWidth));
      if (room >= 4) cells.push(cut(title, room));
      return cells.join('  ').trimEnd();
    })
    .join('\n') + '\n';
}
