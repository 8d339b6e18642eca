// `mldrill grade`'s text: the score, then per stage each item met or not, core items first,
// with the words of the notes that met it. Returns lines; never prints.
import { comparisonJson } from '../diagram/compare.js';
import type { Grade } from '../score/grade.js';
import { cut, stripControl } from '../text.js';
import { gradeStyle, type Style } from './colour.js';

const EVIDENCE_MAX = 60;

export function gradeLines(grade: Grade, questionTitle: string, rubricTitle: string, style: Style): string[] {
  const paint = gradeStyle(style);
  const lines = [
    style.title(`Grade · ${stripControl(questionTitle)}`),
    `${style.heading('Score')} ${paint(grade.score)(`${grade.score}%`)}${grade.capped ? style.warn('  capped: core items missed') : ''}   ${style.dim(`${stripControl(rubricTitle)} · keyword grader`)}`,
    ...(grade.diagram ? [stripControl(grade.diagram.summary)] : []),
  ];
  for (const stage of grade.stages) {
    lines.push('', `${style.heading(stripControl(stage.title))}  ${paint(stage.score)(`${stage.score}%`)}`);
    for (const item of stage.items) {
      const mark = item.met ? style.good('✓') : style.bad('✗');
      const core = item.core ? style.warn('core ') : '';
      const evidence = item.evidence === null ? '' : style.dim(`  "${clip(stripControl(item.evidence).replace(/\s+/g, ' '))}"`);
      lines.push(`  ${mark} ${core}${stripControl(item.text)}${evidence}`);
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
  return `${JSON.stringify(doc, null, 2)}\n`;
}
