// A session document as Markdown, for a mentor to read. Returns the text; never prints.
import type { DocumentItem, DocumentRating, DocumentSelfRating, DocumentStage, SessionDocument } from '../score/session-doc.js';
import { clock, plural, stripControl, widest } from '../text.js';
import { factReport } from './interviewer-report.js';

/** A fence longer than any run of backticks in text, so notes can never close it early. */
function fence(text: string): string {
  const longest = widest([...text.matchAll(/`+/g)].map((match) => match[0]));
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

/** The AI grader's second opinion: per item its verdict, the words it quoted and its reason. */
function ratingMarkdown(rating: DocumentRating, clean: (text: string) => string, mode: SessionDocument['mode']): string[] {
  const by = [rating.model && `\`${clean(rating.model)}\``, rating.host && `at ${clean(rating.host)}`].filter(Boolean).join(' ');
  const lines = ['## Second opinion: AI grader', '', `${by ? `By ${by}, ` : ''}${rating.ratedAt}: **${rating.score}%**. A verdict of met counts only with words quoted from the notes; where the AI was unsure or its quote is not in the notes, ${mode === 'interviewer' ? 'the partner\'s tick' : 'the self-assessment'} counts.`, ''];
  for (const stage of rating.stages) {
    lines.push(`### ${clean(stage.title)} · ${stage.score}%`, '');
    for (const item of stage.items) {
      const verdict = item.void ? 'unsupported' : item.met === null ? 'unsure' : item.met ? 'met' : 'not met';
      const quote = item.evidence ? ` — “${cell(clean(item.evidence))}”` : '';
      lines.push(`- **${verdict}**: ${cell(clean(item.text))}${quote}${item.reason ? ` — ${cell(clean(item.reason))}` : ''}`);
    }
    lines.push('');
  }
  return lines;
}

/** The candidate's own ticks beside the partner's: where the two disagree, stage by stage. */
function selfRatingMarkdown(rating: DocumentSelfRating, clean: (text: string) => string): string[] {
  const partner = rating.partnerScore === null ? '' : ` against the partner's ${rating.partnerScore}%`;
  const lines = ['## The candidate\'s own ticks', '', `${rating.ratedAt}: the candidate rated themselves **${rating.score}%**${partner}.`, ''];
  for (const stage of rating.stages) {
    lines.push(`### ${clean(stage.title)} · self ${stage.score}%${stage.partnerScore === null ? '' : ` · partner ${stage.partnerScore}%`}`, '');
    const list = (items: DocumentItem[]) => items.map((entry) => `- ${cell(clean(entry.text))}`);
    if (stage.onlySelf.length) lines.push('Ticked by the candidate, not by the partner:', '', ...list(stage.onlySelf), '');
    if (stage.onlyPartner.length) lines.push('Ticked by the partner, not by the candidate:', '', ...list(stage.onlyPartner), '');
    if (!stage.onlySelf.length && !stage.onlyPartner.length) lines.push('*The same ticks.*', '');
  }
  return lines;
}

/** The follow-ups thrown in, and what was written after each; the one the Follow-up section gives whole is not repeated. */
function curveballMarkdown(doc: SessionDocument, clean: (text: string) => string): string[] {
  const others = doc.followup ? doc.curveballs.slice(1) : doc.curveballs;
  if (others.length === 0) return [];
  const lines = ['## Curveballs', ''];
  for (const thrown of others) {
    lines.push(`- **${cell(clean(thrown.stageTitle))}, at ${clock(thrown.atSeconds)}:** ${cell(clean(thrown.text))}`);
    if (thrown.notesAfter === null) continue;
    if (thrown.notesAfter.length === 0) lines.push('  - *No notes after it.*');
    else lines.push(`  - Notes after it: ${thrown.notesAfter.map((line) => `“${cell(clean(line))}”`).join(' · ')}`);
  }
  return [...lines, ''];
}

/** Every red flag of the stage; those the session's data suggests say why. */
function redFlagMarkdown(stage: DocumentStage, clean: (text: string) => string): string[] {
  if (stage.redFlags.length === 0) return [];
  const why = stage.signals.length ? `Suggested by this session: ${stage.signals.join(', ')}.` : '*Not suggested by this session\'s data.*';
  return ['### Red flags', '', why, '', ...stage.redFlags.map((flag) => `- ${clean(flag)}`), ''];
}

/** The interviewer's side: each question asked and its answer, then the follow-up, the notes after it and its answer key. */
function interviewerMarkdown(doc: SessionDocument, clean: (text: string) => string): string[] {
  const lines: string[] = [];
  const facts = factReport(doc.facts, doc.exchanges);
  if (doc.exchanges.length || facts) {
    lines.push('## Questions to the interviewer', '');
    if (facts) lines.push(facts.summary, '');
    for (const exchange of doc.exchanges) {
      lines.push(`- **${cell(clean(exchange.asked))}**${exchange.factId ? '' : ' *(no fact on the sheet: the neutral reply)*'}`, `  - ${cell(clean(exchange.answer))}`);
    }
    if (doc.exchanges.length) lines.push('');
    if (facts?.missed.length) lines.push('### Never asked', '', ...facts.missed.map((line) => `- ${cell(clean(line))}`), '');
  }
  const followup = doc.followup;
  if (followup) {
    lines.push('## Follow-up', '', `> ${cell(clean(followup.text))}`, '', `Thrown in at ${clock(followup.atSeconds)} of \`${clean(followup.stageId)}\`.`, '');
    // An older record kept no mark of where the stage's notes were when it came: its notes are all the stage's.
    if (doc.curveballs[0]?.notesAfter === null) lines.push('### Notes of its stage and after', '', '*Recorded before mldrill kept where the notes stood when it came: these are all of its stage\'s notes, then the later stages\'.*', '');
    else lines.push('### Notes after it', '');
    const notes = stripControl(followup.notesAfter).replace(/\s+$/, '').replace(/^\s*\n/, '');
    if (notes) {
      const marks = fence(notes);
      lines.push(`${marks}text`, notes, marks, '');
    } else lines.push('*Nothing written after it.*', '');
    if (followup.answer.length) {
      lines.push('### Answer key', '', ...followup.answer.map((point) => `- [${point.covered ? 'x' : ' '}] ${clean(point.text)}`), '');
    }
  }
  return lines;
}

export function sessionMarkdown(doc: SessionDocument, diagram?: DocumentDiagram): string {
  const clean = (text: string) => stripControl(text).trim();
  const title = clean(doc.question ? doc.question.title : doc.questionId);
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

  lines.push('## Time', '', '| Stage | Used | Budget | Over | Hints | Pacing |', '|---|---:|---:|---:|---:|---|');
  for (const stage of doc.stages) {
    lines.push(`| ${cell(clean(stage.title))} | ${clock(stage.usedSeconds)} | ${clock(stage.budgetSeconds)} | ${overTime(stage.usedSeconds, stage.budgetSeconds)} | ${stage.hintsShown} | ${stage.pacing ?? ''} |`);
  }
  const hints = doc.stages.reduce((sum, stage) => sum + stage.hintsShown, 0);
  lines.push(`| **Total** | **${clock(doc.usedSeconds)}** | **${clock(doc.budgetSeconds)}** | ${overTime(doc.usedSeconds, doc.budgetSeconds)} | ${hints} | |`, '');
  lines.push(...curveballMarkdown(doc, clean));

  const item = (done: boolean) => (entry: DocumentItem) => {
    const out = [`- [${done ? 'x' : ' '}] ${entry.core ? '**Core:** ' : ''}${clean(entry.text)}`];
    if (!done && entry.guidance) out.push(`  - *What good looks like:* ${clean(entry.guidance)}`);
    return out;
  };
  for (const stage of doc.stages) {
    lines.push(`## ${clean(stage.title)}${stage.score === null ? '' : ` · ${stage.score}%`}`, '');
    const hints = stage.hintsShown === 0 ? 'no hints' : plural(stage.hintsShown, 'hint');
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
    lines.push(...redFlagMarkdown(stage, clean));
  }
  lines.push(...interviewerMarkdown(doc, clean));
  if (diagram) {
    const mermaid = stripControl(diagram.mermaid).trimEnd();
    const drawing = stripControl(diagram.drawing.join('\n'));
    lines.push('## Diagram', '', `${fence(mermaid)}mermaid`, mermaid, fence(mermaid), '');
    if (drawing) lines.push(`${fence(drawing)}text`, drawing, fence(drawing), '');
    if (diagram.note) lines.push(`*${clean(diagram.note)}*`, '');
    if (diagram.problems.length) lines.push('Not drawn (not edges):', '', ...diagram.problems.map((problem) => `- ${cell(clean(problem))}`), '');
  }
  const answer = doc.question?.strongAnswer;
  if (answer) {
    lines.push('## What a strong answer covers', '');
    for (const [stageId, text] of Object.entries(answer)) {
      const notes = stripControl(text).replace(/\s+$/, '');
      const marks = fence(notes);
      lines.push(`### ${clean(doc.stages.find((stage) => stage.id === stageId)?.title ?? stageId)}`, '', `${marks}text`, notes, marks, '');
    }
  }
  if (doc.aiRating) lines.push(...ratingMarkdown(doc.aiRating, clean, doc.mode));
  if (doc.selfRating) lines.push(...selfRatingMarkdown(doc.selfRating, clean));
  return `${lines.join('\n').trimEnd()}\n`;
}
