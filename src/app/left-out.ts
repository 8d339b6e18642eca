// What a rubric other than the question's own leaves out of it, said before a drill or a grade:
// a question stage the rubric has no stage of is neither asked nor scored, core items included,
// so an answer that misses the point would not be capped.
import type { Interview } from '../session/interview.js';
import { plural, stripControl } from '../text.js';

/** One warning line per question stage the interview's rubric lacks; none when it has them all. */
export function leftOutWarnings(interview: Interview): string[] {
  const rubricId = stripControl(interview.rubric.id);
  const stageIds = interview.stages.map((stage) => stage.plan.id).join(', ');
  return interview.leftOut.map(({ stageId, items, core }) => {
    const held = items === 0 ? 'its hints' : `${plural(items, 'item')}${core ? `, ${core} of them core` : ''}`;
    return `mldrill: warning: rubric "${rubricId}" has no stage "${stripControl(stageId)}" (its stages: ${stageIds}): what question "${stripControl(interview.question.id)}" has for that stage (${held}) is neither asked nor scored\n`;
  });
}
