import { describe, expect, it } from 'vitest';
import type { Report } from '../src/score/report.js';
import { scoreStage } from '../src/score/score.js';
import { loadStyle } from '../src/ui/colour.js';
import { reportLines } from '../src/ui/render.js';

const plain = await loadStyle(0);
const colour = await loadStyle(1);

const item = (id: string, text: string, guidance?: string) => ({ id, text, weight: 1, source: 'rubric' as const, guidance });

const report: Report = {
  questionId: 'feed',
  questionTitle: 'A feed',
  strongAnswer: true,
  rubricTitle: 'Mini',
  total: 67,
  budgetSeconds: 900,
  usedSeconds: 965,
  stages: [
    { id: 'clarify', title: 'Clarify the problem', budgetSeconds: 300, usedSeconds: 425, hintsShown: 1, redFlags: ['Designs before scoping.'],
      score: scoreStage('clarify', [item('goal', 'Named the goal'), item('scale', 'Quantified scale', 'Users, items and QPS.')], ['goal']) },
    { id: 'design', title: 'Design', budgetSeconds: 600, usedSeconds: 540, hintsShown: 0, redFlags: [],
      score: scoreStage('design', [item('diagram', 'Drew a diagram')], ['diagram']) },
  ],
};

describe('the report', () => {
  it('reads well at 80 columns without colour', () => {
    expect(reportLines(report, plain, 80).join('\n')).toBe(`Report · A feed
Score 67%   Time 16:05 of 15:00

Clarify the problem  07:05 / 05:00 +02:05  █████░░░░░  50%
Design               09:00 / 10:00         ██████████ 100%

Missed
Clarify the problem
  ✗ Quantified scale
      Users, items and QPS.

Red flags to watch
Clarify the problem
  ! Designs before scoping.

What a strong answer covers: mldrill show feed --answer`);
  });

  it('colours overtime and scores only when asked to', () => {
    const coloured = reportLines(report, colour, 80).join('\n');
    expect(coloured).toMatch(/\u001b\[33m \+02:05\u001b\[39m/);
    expect(reportLines(report, plain, 80).join('\n')).not.toMatch(/\u001b/);
  });
});
