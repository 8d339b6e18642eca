import { describe, expect, it } from 'vitest';
import type { Report } from '../src/score/report.js';
import { scoreStage } from '../src/score/score.js';
import { loadStyle } from '../src/ui/colour.js';
import { formatMinutes } from '../src/ui/question-header.js';
import { reportLines } from '../src/ui/render.js';
import { visibleLength, wrap } from '../src/text.js';

const plain = await loadStyle(0);
const colour = await loadStyle(1);

const item = (id: string, text: string, guidance?: string) => ({ id, text, weight: 1, source: 'rubric' as const, guidance });

const report: Report = {
  questionId: 'feed',
  questionTitle: 'A feed',
  strongAnswer: true,
  rubricTitle: 'Mini',
  total: 67,
  capped: false,
  budgetSeconds: 900,
  usedSeconds: 965,
  stages: [
    { id: 'clarify', title: 'Clarify the problem', budgetSeconds: 300, usedSeconds: 425, hintsShown: 1, redFlags: ['Designs before scoping.'], pacing: 'over by 42%', signals: ['over by 42%'],
      score: scoreStage('clarify', [item('goal', 'Named the goal'), item('scale', 'Quantified scale', 'Users, items and QPS.')], ['goal']) },
    { id: 'design', title: 'Design', budgetSeconds: 600, usedSeconds: 540, hintsShown: 0, redFlags: ['Never draws the serving path.'], pacing: null, signals: [],
      score: scoreStage('design', [item('diagram', 'Drew a diagram')], ['diagram']) },
  ],
  curveball: { stageTitle: 'Design', atSeconds: 130, text: 'Traffic grew tenfold.', notesAfter: ['shard by user', 'add a queue'] },
};

describe('the report', () => {
  it('folds the follow-up\'s answer key to a count last, on a terminal too short for it', () => {
    const followup = {
      stageTitle: 'Design', text: 'One user has 5,000 friends and another has 3. How does candidate generation differ?', notesAfter: 'cut by affinity\nadd groups\n',
      points: ['Cut candidates by affinity and recency before the heavy ranker', 'Add groups and pages for a user with few friends', 'Keep funnel sizes fixed so latency stays bounded'].map((text, i) => ({ text, covered: i === 1 })),
    };
    const whole = reportLines({ ...report, followup }, plain, 80, { rows: 40, wholeWith: 'mldrill export x' });
    expect(whole).toContain('  Answer key:');
    const short = reportLines({ ...report, followup }, plain, 80, { rows: 20, wholeWith: 'mldrill export x' });
    expect(short.length).toBeLessThanOrEqual(20);
    expect(short[0]).toBe('Report · A feed');
    expect(short.at(-1)).toMatch(/^Score 67% · /);
    expect(short).toContain('  Answer key: 1 of 3 points covered; mldrill export x gives them');
  });

  it('lists a follow-up point missed in its answer key only, not again among the missed items', () => {
    const points = ['Cut candidates by affinity before the heavy ranker', 'Add groups for a user with few friends'];
    const design = scoreStage('design', [item('diagram', 'Drew a diagram'), ...points.map((text, i) => item(`followup-${i + 1}`, text))], ['diagram', 'followup-2']);
    const followup = { stageTitle: 'Design', text: 'One user has 5,000 friends. How does candidate generation differ?', notesAfter: 'add groups\n', points: points.map((text, i) => ({ text, covered: i === 1 })) };
    const text = reportLines({ ...report, stages: [report.stages[0]!, { ...report.stages[1]!, score: design }], followup }, plain, 80).join('\n');
    expect(text.match(/Cut candidates by affinity before the heavy ranker/g)).toHaveLength(1);
    expect(text).toContain('    ✗ Cut candidates by affinity before the heavy ranker');
    expect(text).toMatch(/Missed \(1\)\nClarify the problem\n  ✗ Quantified scale/);
  });

  it('wraps the follow-up\'s answer key points under their first word, within the width', () => {
    const followup = {
      stageTitle: 'Design', text: 'One user has 5,000 friends and another has 3. How does candidate generation differ?', notesAfter: 'cut by affinity\n',
      points: [{ text: 'For 3 friends, too few: add groups, pages and unconnected recommendations to fill the feed', covered: false }],
    };
    const lines = reportLines({ ...report, followup }, plain, 80);
    expect(lines.filter((line) => visibleLength(line) > 80)).toEqual([]);
    const key = lines.indexOf('  Answer key:');
    expect(lines.slice(key + 1, key + 3)).toEqual([
      '    ✗ For 3 friends, too few: add groups, pages and unconnected recommendations',
      '      to fill the feed',
    ]);
  });

  it('names the core items missed right after the table, says the score is capped, and never folds them', () => {
    const core = (id: string, text: string) => ({ ...item(id, text, 'Why it matters.'), source: 'question' as const, core: true as const });
    const stages = [
      { ...report.stages[0]!, score: scoreStage('clarify', [item('goal', 'Named the goal'), core('new-means', 'Resolved what "new" means')], ['goal']) },
      { ...report.stages[1]!, score: scoreStage('design', [item('diagram', 'Drew a diagram'), core('budget', 'Planned the viewing-time budget'), item('cache', 'Cached the ranker')], ['diagram']) },
    ];
    const capped = { ...report, total: 60, capped: true, stages };
    const lines = reportLines(capped, plain, 80);
    expect(lines.slice(0, 9)).toEqual([
      'Report · A feed',
      'Score 60% (capped: core items missed)   Time 16:05 of 15:00',
      '',
      'Clarify the problem  07:05 / 05:00  █████░░░░░  50%  1 hint    over by 42%',
      'Design               09:00 / 10:00  ███░░░░░░░  33%  no hints',
      '',
      'The point of this question, missed (2)',
      '  ✗ Resolved what "new" means',
      '  ✗ Planned the viewing-time budget',
    ]);
    // Not repeated among the other missed items.
    expect(lines.join('\n')).toContain('Missed, besides those (1)\nDesign\n  ✗ Cached the ranker');
    expect(lines.filter((line) => line.includes('viewing-time budget'))).toHaveLength(1);
    const folded = reportLines(capped, plain, 80, { rows: 20, wholeWith: 'mldrill export x' });
    expect(folded.length).toBeLessThanOrEqual(20);
    expect(folded).toContain('  ✗ Planned the viewing-time budget');
    expect(folded.join('\n')).toMatch(/Missed: 1 other item in Design/);
  });

  it('fits 40 columns: the title wraps at a word, the stage titles give way to time, coverage and pace', () => {
    const long = { ...report, questionTitle: 'New video recommendations for YouTube', stages: report.stages.map((stage, i) => ({ ...stage, title: i ? 'Design the data, model and serving path' : stage.title, pacing: 'rushed: 1 s of 6 min' })) };
    const lines = reportLines(long, plain, 40);
    expect(lines.filter((line) => visibleLength(line) > 40)).toEqual([]);
    expect(lines.slice(0, 2)).toEqual(['Report · New video recommendations for', '  YouTube']);
    expect(lines.slice(4, 6)).toEqual(['Clarify th…  07:05 / 05:00   50%  rushed', 'Design the…  09:00 / 10:00  100%  rushed']);
  });

  it('wraps coloured text by the columns it takes, not by its escape codes', () => {
    const text = `${colour.heading('Missed')}: 37 other items in 4 stages; mldrill export 20261206-2212-xy3q gives them`;
    const lines = wrap(text, 40);
    // As the same words without colour.
    expect(lines.map(visibleLength)).toEqual([35, 39, 4]);
    expect(wrap('Missed: 37 other items in 4 stages; mldrill export 20261206-2212-xy3q gives them', 40).map(visibleLength)).toEqual([35, 39, 4]);
  });

  it('names the stages by id in the last line when their titles do not fit', () => {
    const long = { ...report, stages: report.stages.map((stage) => ({ ...stage, title: `${stage.title} with a very long title indeed` })) };
    expect(reportLines(long, plain, 60).at(-1)).toBe('Score 67% · clarify 50% · design 100%');
  });

  it('reads well at 80 columns without colour: table first, what happened, what was missed, the score again last', () => {
    expect(reportLines(report, plain, 80).join('\n')).toBe(`Report · A feed
Score 67%   Time 16:05 of 15:00

Clarify the problem  07:05 / 05:00  █████░░░░░  50%  1 hint    over by 42%
Design               09:00 / 10:00  ██████████ 100%  no hints

⚡ Curveball in Design at 02:10
  Traffic grew tenfold.
  Notes after it (2 lines):
    shard by user
    add a queue

Missed (1)
Clarify the problem
  ✗ Quantified scale
      Users, items and QPS.

Red flags your session suggests
Clarify the problem · over by 42%
  ! Designs before scoping.

What a strong answer covers: mldrill show feed --answer

Score 67% · Clarify the problem 50% · Design 100%`);
  });

  it('on a terminal too short for it, folds the long sections behind a count and keeps the score first and last', () => {
    const lines = reportLines(report, plain, 80, { rows: 17, wholeWith: 'mldrill export 20261122-0932-k3f9' });
    expect(lines.length).toBeLessThanOrEqual(17);
    expect(lines[1]).toBe('Score 67%   Time 16:05 of 15:00');
    expect(lines.at(-1)).toBe('Score 67% · Clarify the problem 50% · Design 100%');
    const text = lines.join('\n');
    expect(text).toMatch(/Missed: 1 item in Clarify the problem; mldrill export 20261122-0932-k3f9\s+gives\s+them with guidance/);
    expect(text).toContain('Red flags: 1 suggested in Clarify the problem (over time)');
    expect(text).toContain('Notes after it: 2 lines');
    expect(text).not.toContain('Users, items and QPS.');
  });

  it('keeps offering the strong answer when folding the long missed list makes room for it', () => {
    // Thirty missed items do not fit 30 rows; folded to a count, they leave room for the pointer, which folds first.
    const many = Array.from({ length: 30 }, (_, i) => item(`item-${i}`, `Covered point number ${i}`, 'What good looks like.'));
    const long = { ...report, stages: [{ ...report.stages[0]!, score: scoreStage('clarify', many, []) }, report.stages[1]!] };
    const lines = reportLines(long, plain, 80, { rows: 30, wholeWith: 'mldrill export x' });
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(lines.join('\n')).toContain('Missed: 30 items in Clarify the problem; mldrill export x gives them with');
    expect(lines).toContain('What a strong answer covers: mldrill show feed --answer');
    // Where even the folded report fills the screen, the pointer is what gives way.
    const tight = reportLines(long, plain, 80, { rows: 17, wholeWith: 'mldrill export x' });
    expect(tight.length).toBeLessThanOrEqual(17);
    expect(tight.join('\n')).not.toContain('What a strong answer covers');
  });

  it('folded, says how many facts were never asked and where the export gives them with the answers', () => {
    const fact = (id: string, topic: 'scale' | 'latency' | 'labels', answer: string) => ({ id, topic, ask: [id], answer });
    const asked = { ...report, dialogue: { facts: [fact('users', 'scale', '50 million daily users.'), fact('p99', 'latency', '300 ms p99.'), fact('labels', 'labels', 'Clicks, no raters.')], exchanges: [{ asked: 'how many users?', factId: 'users', answer: '50 million daily users.' }] } };
    expect(reportLines(asked, plain, 80).join('\n')).toContain('✗ You never asked about latency: 300 ms p99.');
    const folded = reportLines(asked, plain, 80, { rows: 17, wholeWith: 'mldrill export 20261122-0932-k3f9' }).join('\n');
    expect(folded).toMatch(/You uncovered 1 of 3 facts, about scale\.\n  Never asked: 2 facts; mldrill export 20261122-0932-k3f9 gives them with\s+the\s+answers/);
    expect(folded).not.toContain('300 ms p99');
  });

  it('shows the drawing against the reference under the stage table, and folds it to the comparison alone', () => {
    const drawn = { ...report, diagram: ['Diagram: 3 of 4 components, 2 of 4 key flows; missing: the loop from the feed back to the logs', 'Also drawn (not in the reference, not counted): posts'] };
    const whole = reportLines(drawn, plain, 60).join('\n');
    expect(whole).toContain('Design               09:00 / 10:00  100%  no hints\n\nDiagram: 3 of 4 components, 2 of 4 key flows; missing: the\n  loop from the feed back to the logs\nAlso drawn (not in the reference, not counted): posts\n\n⚡ Curveball');
    const folded = reportLines(drawn, plain, 80, { rows: 14 });
    expect(folded.join('\n')).toContain('Diagram: 3 of 4 components, 2 of 4 key flows; missing: the loop from the feed\n  back to the logs\n\n');
    expect(folded.join('\n')).not.toContain('Also drawn');
    expect(reportLines(report, plain, 80).join('\n')).not.toContain('Diagram');
  });

  it('on 80x32, with a drawing, questions to the interviewer and a follow-up, keeps one row per folded line so the score stays in view', () => {
    // The drill gives the report the terminal's rows less 4 (the blank line above it, the saved line, the shell's prompt).
    const rows = 28;
    const fact = (id: string, topic: 'scale' | 'latency' | 'labels' | 'goal' | 'data', answer: string) => ({ id, topic, ask: [id], answer });
    const many = (stage: string) => scoreStage(stage, [...Array.from({ length: 9 }, (_, i) => item(`${stage}-${i}`, `Point ${i} of ${stage}`, 'What good looks like.')), ...(stage === 's0' ? [{ ...item('new', 'Resolved what "new" means (unwatched by the user versus freshly uploaded)'), core: true }] : [])], []);
    const titles = ['Clarify the problem', 'Frame the ML task and metrics', 'Design the data, model and serving path', 'Go deep on the hard parts'];
    const busy: Report = {
      ...report,
      questionTitle: 'New video recommendations for YouTube',
      stages: titles.map((title, i) => ({ id: `s${i}`, title, budgetSeconds: 600, usedSeconds: 20, hintsShown: 0, redFlags: ['One.', 'Two.', 'Three.'], pacing: 'rushed: 20 s of 10 min', signals: ['rushed: 20 s of 10 min', '0% covered'], score: many(`s${i}`) })),
      diagram: ['Diagram: 4 of 9 components, 3 of 10 key flows; missing: feature store, re-ranker, home feed, watch logs and 1 more'],
      dialogue: { facts: [fact('users', 'scale', 'Two billion.'), fact('p99', 'latency', '200 ms.'), fact('goal', 'goal', 'Watch time.'), fact('labels', 'labels', 'Clicks.'), fact('data', 'data', 'Logs.')], exchanges: [{ asked: 'how many users?', factId: 'users', answer: 'Two billion.' }] },
      followup: { stageTitle: 'Go deep on the hard parts', text: 'A new country launches with almost no watch history. How do you recommend there on day one?', notesAfter: 'bootstrap from content embeddings\nexplore with a bandit\n', points: ['a', 'b', 'c'].map((text, i) => ({ text, covered: i === 0 })) },
    };
    const lines = reportLines(busy, plain, 80, { rows, wholeWith: 'mldrill export 20261207-1255-kyac' });
    expect(lines.length).toBeLessThanOrEqual(rows);
    expect(lines[0]).toBe('Report · New video recommendations for YouTube');
    expect(lines[1]).toMatch(/^Score 67% {3}Time /);
    expect(lines.at(-1)).toMatch(/^Score 67% · /);
    expect(Math.max(...lines.map(visibleLength))).toBeLessThanOrEqual(80);
    const text = lines.join('\n');
    expect(text).toContain('\nMissed: 36 other items in 4 stages\n');
    expect(text).toContain('\nRed flags: 12 suggested in 4 stages (rushed, low coverage)\n');
    // Never folded: the core item missed.
    expect(text).toContain('\nThe point of this question, missed (1)\n  ✗ Resolved what "new" means');
    expect(text).toContain('\nQuestions to the interviewer: you uncovered 1 of 5 facts, about scale.\n');
    expect(text).toMatch(/\nFollow-up · Go deep on the hard parts: “A new country launches with [^\n]*…\n {2}Your notes after it: 2 lines · answer key: 1 of 3 points covered\n/);
    expect(text).toContain('\nAll of it, with guidance and answers: mldrill export 20261207-1255-kyac\n');
    // With room for the usual fold, each folded line names the export itself, as before.
    expect(reportLines(busy, plain, 80, { rows: 40, wholeWith: 'mldrill export x' }).join('\n')).toContain('Missed: 36 other items in 4 stages; mldrill export x gives them with guidance');
  });

  it('shows only the red flags of stages whose data suggests them, or all of them with --all-red-flags', () => {
    expect(reportLines(report, plain, 80).join('\n')).not.toContain('Never draws the serving path.');
    const all = reportLines(report, plain, 80, { allRedFlags: true }).join('\n');
    expect(all).toContain('Red flags to watch');
    expect(all).toContain('Design\n  ! Never draws the serving path.');
    const calm = { ...report, stages: report.stages.map((stage) => ({ ...stage, signals: [] })) };
    expect(reportLines(calm, plain, 80).join('\n')).not.toContain('Red flags');
  });

  it('says when nothing was written after the curveball, and keeps every line within the width', () => {
    const quiet = { ...report, curveball: { ...report.curveball!, notesAfter: [] } };
    expect(reportLines(quiet, plain, 80).join('\n')).toContain('⚡ Curveball in Design at 02:10\n  Traffic grew tenfold.\n  No notes after it.');
    for (const width of [50, 60, 80]) expect(reportLines(report, plain, width).filter((line) => visibleLength(line) > width)).toEqual([]);
  });

  it('wraps the answer key of a follow-up within the width, each point indented under its mark', () => {
    const point = 'Delete by entity key in the online store and streaming state, and purge the offline history';
    const followup = { stageTitle: 'Design', text: 'A user asks for their data to be deleted. Which stores change?', notesAfter: 'purge both stores\n', points: [{ text: point, covered: true }] };
    for (const width of [40, 60, 80]) {
      const lines = reportLines({ ...report, followup }, plain, width);
      expect(lines.filter((line) => visibleLength(line) > width), `${width} columns`).toEqual([]);
    }
    expect(reportLines({ ...report, followup }, plain, 80).join('\n')).toContain('    ✔ Delete by entity key in the online store and streaming state, and purge\n      the offline history');
  });

  it('colours overtime and scores only when asked to', () => {
    const coloured = reportLines(report, colour, 80).join('\n');
    expect(coloured).toMatch(/\u001b\[33mover by 42%\u001b\[39m/);
    expect(reportLines(report, plain, 80).join('\n')).not.toMatch(/\u001b/);
  });
});

describe('a budget in words', () => {
  it.each([[360, '6 min'], [150, '2.5 min'], [60, '1 min'], [45, '45 s'], [0.4, '1 s']])('%s seconds: %s', (seconds, text) => {
    expect(formatMinutes(seconds)).toBe(text);
  });
});
