// `mldrill grade`'s text: the score, then per stage each item met or not, core items first,
// with the words of the notes that met it. Returns lines; never prints.
import { comparisonJson } from '../diagram/compare.js';
import type { Grade } from '../score/grade.js';
import { cut, jsonText, stripControl, visibleLength, wrap } from '../text.js';
import { gradeStyle, type Style } from './colour.js';

const EVIDENCE_MAX = 60;

/**
 * The text, one line per item; with a width (a terminal's), each item wrapped at word breaks
 * under its first word, so nothing is broken mid-word. A pipe keeps one line per item for scripts.
 */
export function gradeLines(grade: Grade, questionTitle: string, rubricTitle: string, style: Style, width?: number): string[] {
  const paint = gradeStyle(style);
  const fit = (text: string) => (width === undefined ? [text] : wrap(text, width));
  const score = `${style.heading('Score')} ${paint(grade.score)(`${grade.score}%`)}${grade.capped ? style.warn('  capped: core items missed') : ''}`;
  const grader = style.dim(`${stripControl(rubricTitle)} · keyword grader`);
  const lines = [
    ...fit(`Grade · ${stripControl(questionTitle)}`).map((line) => style.title(line)),
    ...(width === undefined || visibleLength(score) + 3 + visibleLength(grader) <= width ? [`${score}   ${grader}`] : [score, grader]),
    ...(grade.diagram ? fit(stripControl(grade.diagram.summary)) : []),
  ];
  for (const stage of grade.stages) {
    lines.push('', `${style.heading(stripControl(stage.title))}  ${paint(stage.score)(`${stage.score}%`)}`);
    for (const item of stage.items) {
      const mark = item.met ? style.good('✓') : style.bad('✗');
      const evidence = item.evidence === null ? '' : `"${clip(stripControl(item.evidence).replace(/\s+/g, ' '))}"`;
      // The plain text is wrapped, then styled: "core " leads the first line.
      const text = `${item.core ? 'core ' : ''}${stripControl(item.text)}`;
      const [first = '', ...rest] = width === undefined ? [text] : wrap(text, width - 4);
      const itemLines = [`  ${mark} ${item.core ? `${style.warn('core ')}${first.slice(5)}` : first}`, ...rest.map((line) => `    ${line}`)];
      if (evidence) {
        const last = itemLines.length - 1;
        if (width === undefined || visibleLength(itemLines[last]!) + 2 + visibleLength(evidence) <= width) itemLines[last] += style.dim(`  ${evidence}`);
        else itemLines.push(...wrap(evidence, width, '    ').map((line) => style.dim(line)));
      }
      lines.push(...itemLines);
    }
  }
  return lines;
}

const clip = (text: string) => cut(text, EVIDENCE_MAX);

/** The JSON document: exactly the documented keys. */
export function gradeJson(grade: Grade): string {
  const doc = {
    questionId: grade.questionId,
    rubricId: grade.rubricId,
    grader: grade.grader,
    score: grade.score,
    capped: grade.capped,
    stages: grade.stages.map((stage) => ({
      id: stage.id,
      score: stage.score,
      items: stage.items.map(({ id, text, weight, core, met, evidence }) => ({ id, text, weight, core, met, evidence })),
    })),
    diagram: grade.diagram ? comparisonJson(grade.diagram.comparison) : null,
  };
  return jsonText(doc);
}
