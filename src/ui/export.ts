// A session document as Markdown, for a mentor to read. Returns the text; never prints.
import type { DocumentItem, SessionDocument } from '../score/session-doc.js';
import { clock, stripControl } from '../text.js';

/** A fence longer than any run of backticks in text, so notes can never close it early. */
function fence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** Keeps a table cell on one line and its pipes literal. */
const cell = (text: string) => text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');

function overTime(used: number, budget: number): string {
  return used > budget ? `+${clock(used - budget)}` : '';
}

/** The session's diagram, drawn: Mermaid for renderers that draw it, text for everywhere else. */
export interface DocumentDiagram {
  mermaid: string;
  drawing: string[];
  note?: string;
  /** The lines of the pad that are not edges, shown so that nothing typed is lost. */
  problems: string[];
}

export function sessionMarkdown(doc: SessionDocument, diagram?: DocumentDiagram): string {
  const clean = (text: string) => stripControl(text).trim();
  const title = doc.question ? clean(doc.question.title) : doc.questionId;
  const lines: string[] = [`# ${title}`, ''];
  lines.push(
    `- **Session:** \`${clean(doc.id)}\``,
    `- **Started:** ${doc.localStart} (${doc.timeZone})`,
    `- **Question:** \`${clean(doc.questionId)}\`${doc.question ? ` · ${clean(doc.question.category)} · ${clean(doc.question.difficulty)}` : ' (no longer in the question bank)'}`,
    `- **Rubric:** ${doc.rubricTitle ? `${clean(doc.rubricTitle)} (\`${clean(doc.rubricId)}\`)` : `\`${clean(doc.rubricId)}\``}`,
    `- **Mode:** ${doc.mode === 'self' ? 'self-assessed' : clean(doc.mode)}`,
    `- **Status:** ${clean(doc.status)}`,
    `- **Score:** ${doc.score === null ? 'not assessed' : `${doc.score}%`}`,
    '',
  );
  if (doc.question) lines.push('## Prompt', '', ...clean(doc.question.prompt).split('\n').map((line) => `> ${line}`.trimEnd()), '');

  lines.push('## Time', '', '| Stage | Used | Budget | Over |', '|---|---:|---:|---:|');
  for (const stage of doc.stages) {
    lines.push(`| ${cell(clean(stage.title))} | ${clock(stage.usedSeconds)} | ${clock(stage.budgetSeconds)} | ${overTime(stage.usedSeconds, stage.budgetSeconds)} |`);
  }
  lines.push(`| **Total** | **${clock(doc.usedSeconds)}** | **${clock(doc.budgetSeconds)}** | ${overTime(doc.usedSeconds, doc.budgetSeconds)} |`, '');

  const item = (done: boolean) => (entry: DocumentItem) => {
    const out = [`- [${done ? 'x' : ' '}] ${clean(entry.text)}`];
    if (!done && entry.guidance) out.push(`  - *What good looks like:* ${clean(entry.guidance)}`);
    return out;
  };
  for (const stage of doc.stages) {
    lines.push(`## ${clean(stage.title)}${stage.score === null ? '' : ` · ${stage.score}%`}`, '');
    const hints = stage.hintsShown === 0 ? 'no hints' : stage.hintsShown === 1 ? '1 hint' : `${stage.hintsShown} hints`;
    lines.push(`${clock(stage.usedSeconds)} of ${clock(stage.budgetSeconds)} · ${hints}`, '');
    const notes = stripControl(stage.notes).replace(/\s+$/, '');
    lines.push('### Notes', '');
    if (notes) {
      const marks = fence(notes);
      lines.push(`${marks}text`, notes, marks, '');
    } else {
      lines.push('*No notes.*', '');
    }
    if (stage.score === null) {
      lines.push('*Not assessed: the session was abandoned.*', '');
      continue;
    }
    lines.push('### Covered', '', ...(stage.covered.length ? stage.covered.flatMap(item(true)) : ['*Nothing ticked.*']), '');
    lines.push('### Missed', '', ...(stage.missed.length ? stage.missed.flatMap(item(false)) : ['*Nothing missed.*']), '');
  }
  if (diagram) {
    const mermaid = stripControl(diagram.mermaid).trimEnd();
    const drawing = stripControl(diagram.drawing.join('\n'));
    lines.push('## Diagram', '', `${fence(mermaid)}mermaid`, mermaid, fence(mermaid), '');
    if (drawing) lines.push(`${fence(drawing)}text`, drawing, fence(drawing), '');
    if (diagram.note) lines.push(`*${clean(diagram.note)}*`, '');
    if (diagram.problems.length) lines.push('Not drawn (not edges):', '', ...diagram.problems.map((problem) => `- ${cell(clean(problem))}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
