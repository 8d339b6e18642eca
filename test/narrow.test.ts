// Every screen on a narrow terminal (20 to 40 columns): no line wider than the terminal. A line
// the terminal wraps breaks words, makes the screen taller than its layout counted, and garbles
// the redraw in place.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { addExchange, setNotes, setPadLine, setQuestion, startSession, togglePause, type SessionState } from '../src/session/engine.js';
import { planStages } from '../src/session/plan.js';
import type { Report } from '../src/score/report.js';
import { scoreStage } from '../src/score/score.js';
import type { ScoredItem } from '../src/session/interview.js';
import { suggestFromNotes } from '../src/score/suggest.js';
import { breakLine, cut, fitLine, padColumns, visibleLength } from '../src/text.js';
import { assessedLine, assessLines } from '../src/ui/assess-screen.js';
import { loadStyle } from '../src/ui/colour.js';
import { reportLines } from '../src/ui/render.js';
import { finishedLine, stageLines, type StageView } from '../src/ui/stage-screen.js';
import { questionHeader } from '../src/ui/question-header.js';
import { byTitle, matching, pickLines, pickMessage } from '../src/ui/pick-screen.js';
import { loadBank } from './helpers/bank.js';

const style = await loadStyle(1);
const WIDTHS = Array.from({ length: 21 }, (_, i) => 20 + i);
const ROWS = [12, 24, 40];
const NOW = Date.UTC(2026, 10, 22, 9, 30);

/**
 * The lines wider than `columns`, with their width, to name in a failure. Measured by
 * string-width, not by mldrill's own measure: a CJK character or an emoji takes two columns
 * on a terminal, and a screen measured by the code it checks would pass whatever it counted.
 */
const tooWide = (lines: readonly string[], columns: number) => lines.filter((line) => stringWidth(line) > columns).map((line) => `${stringWidth(line)}: ${line}`);

const plan = planStages([
  { id: 'clarify', title: 'Clarify the problem and its constraints', goal: 'Pin down the business goal, users, scale, latency, data and constraints before designing anything.', minutes: 6 },
  { id: 'design', title: 'Design the data, model and serving path', goal: 'Design it end to end.', minutes: 10 },
]);
const notes = 'users: 2B monthly, 800M daily\npeak 20k QPS on the home feed\na very-long-identifier-without-any-spaces-in-it-at-all\n';
const base = setNotes(startSession(plan, NOW), 0, notes);
const asked = addExchange(base, { asked: 'how many GPUs can we use for serving the ranker?', factId: 'cost', answer: 'Ranking may cost at most 2 GPU-milliseconds per request.', stageId: 'clarify' });
const last: SessionState = { ...asked, current: 1 };
const view = (state: SessionState, extra: Partial<StageView> = {}): StageView => ({
  state, now: NOW + 30_000, hints: ['Ask who the users are, and how many.', 'Ask for the latency budget.'], cursor: 0, allFollowups: false, line: '', editing: null, gated: false, save: true, ...extra,
});
const STAGE_VIEWS: Record<string, StageView> = {
  'a fresh stage': view(base),
  'the ready gate': view(base, { gated: true }),
  'paused, with a question asked': view(togglePause(asked, NOW)),
  'typing a question to the interviewer': view(setQuestion(asked, 'what is the'), { lineMode: 'ask', line: 'what is the' }),
  'the diagram pad': view(setPadLine(base, 'events -> ranker'), { lineMode: 'pad', line: 'events -> ranker', diagram: 'events -> ranker\n' }),
  'editing an earlier line': view(base, { editing: 1, line: 'peak 20k QPS on the home feed' }),
  'the last stage, not saved': view(last, { save: false }),
  'a checkpoint warning': view(base, { notice: 'checkpoints are failing: ENOSPC in /home/someone/.local/share/mldrill/sessions' }),
  'interviewer mode': view(asked, {
    checklist: [{ id: 'goal', text: 'Named the business goal and a metric for it' }, { id: 'scale', text: 'Quantified users, items and QPS' }],
    followups: ['What happens when traffic grows tenfold overnight?'],
    question: 'Design a feed that shows people the posts they care about most.',
    facts: [{ topic: 'scale', answer: 'About 200 million daily users; 5 billion feed requests a day.' }, { topic: 'cost', answer: 'Ranking may cost at most 2 GPU-milliseconds per request.' }],
  }),
};

describe('the stage screen on a narrow terminal', () => {
  for (const [name, stageView] of Object.entries(STAGE_VIEWS)) {
    it(`${name}: no line wider than 20 to 40 columns, keys included`, () => {
      for (const columns of WIDTHS) {
        for (const rows of ROWS) {
          const { lines, help } = stageLines(stageView, { columns, rows }, style);
          // The last line is the line editor's: what is typed wraps there as on any terminal line.
          expect(tooWide([...lines.slice(0, -1), ...help.split('\n')], columns), `${columns}x${rows}`).toEqual([]);
          // The keys wrapped to more rows still leave a screen no taller than the terminal.
          if (rows >= 24) expect(lines.length + help.split('\n').length, `${columns}x${rows}`).toBeLessThanOrEqual(rows);
        }
        expect(tooWide([finishedLine(last, 0, NOW + 400_000, style, columns)], columns)).toEqual([]);
      }
    });
  }
});

const item = (id: string, text: string, keywords?: string[], source: 'rubric' | 'question' = 'rubric'): ScoredItem => ({ id, text, weight: 1, source, keywords });
const items = [
  item('goal', 'Named the business goal and the metric that stands for it', ['goal']),
  item('scale', 'Quantified users, items and requests per second', ['qps']),
  item('cold', 'Named the cold-start users and what they see first', ['cold start'], 'question'),
];

describe('the self-assessment on a narrow terminal', () => {
  it('no line wider than 20 to 40 columns, keys and the confirmed line included', () => {
    const evidence = suggestFromNotes(items, 'the goal is watch time; 20k QPS at peak\n');
    for (const columns of WIDTHS) {
      for (const rows of ROWS) {
        for (const cursor of [0, 2]) {
          const { lines, help } = assessLines({ message: 'Clarify the problem and its constraints: what did you cover?', items, ticked: new Set(evidence.keys()), cursor, evidence, notes }, { columns, rows }, style);
          expect(tooWide([...lines, ...help.split('\n')], columns), `${columns}x${rows}`).toEqual([]);
        }
      }
      expect(tooWide([assessedLine('Clarify the problem and its constraints', items, new Set(['goal']), style, columns)], columns)).toEqual([]);
    }
  });
});

describe('the report on a narrow terminal', () => {
  const report: Report = {
    questionId: 'feed', questionTitle: 'New video recommendations for YouTube', strongAnswer: true, rubricTitle: 'ML system design', total: 67, capped: true,
    budgetSeconds: 960, usedSeconds: 1025,
    stages: [
      { id: 'clarify', title: 'Clarify the problem and its constraints', budgetSeconds: 360, usedSeconds: 485, hintsShown: 1, redFlags: ['Designs before scoping the problem.'], pacing: 'over by 35%', signals: ['over by 35%'],
        score: scoreStage('clarify', [item('goal', 'Named the business goal'), { ...item('new', 'Resolved what "new" means for a video'), core: true as const, guidance: 'Why it matters.' }], ['goal']) },
      { id: 'design', title: 'Design the data, model and serving path', budgetSeconds: 600, usedSeconds: 540, hintsShown: 0, redFlags: [], pacing: null, signals: [],
        score: scoreStage('design', [item('diagram', 'Drew the serving path end to end')], ['diagram']) },
    ],
    curveball: { stageTitle: 'Design the data, model and serving path', atSeconds: 130, text: 'Traffic grew tenfold overnight.', notesAfter: ['shard by user', 'add a queue'] },
    dialogue: { facts: [{ id: 'cost', topic: 'cost', ask: ['how many gpus'], answer: 'Ranking may cost at most 2 GPU-milliseconds per request.' }], exchanges: [] },
  };
  it('no line wider than 20 to 40 columns, whole or folded to fit', () => {
    for (const columns of WIDTHS) {
      for (const fit of [{}, { rows: 12, wholeWith: 'mldrill export 20261122-0932-k3f9' }]) {
        expect(tooWide(reportLines(report, style, columns, fit), columns), `${columns} columns`).toEqual([]);
      }
    }
  });
});

describe('the picker on a narrow terminal', () => {
  const questions = byTitle(loadBank(process.cwd(), {}).questions);
  it('lists by title from its first letter: a quoted title sorts under its word', () => {
    const titles = questions.map((question) => question.title);
    const quoted = titles.indexOf('"Hey Siri" style trigger word detection');
    expect(quoted).toBeGreaterThan(0);
    expect(titles[quoted - 1]!.localeCompare('Hey', 'en') < 0 && titles[quoted + 1]!.localeCompare('Hey', 'en') > 0, titles.slice(quoted - 1, quoted + 2).join(' | ')).toBe(true);
  });
  const lastScores = new Map(questions.slice(0, 5).map((question, i) => [question.id, 40 + 10 * i]));
  it('no line wider than 20 to 40 columns: the question, the list, the id, the keys; and a list that matches nothing', () => {
    for (const columns of WIDTHS) {
      // The question above the list leaves room to type.
      expect(columns - visibleLength(`? ${pickMessage(columns)} `), `${columns}`).toBeGreaterThanOrEqual(3);
      for (const rows of ROWS) {
        for (const [term, active] of [['', 0], ['', questions.length - 1], ['recommendation', 2], ['no such question at all', 0]] as const) {
          const shown = matching(questions, term);
          const lines = pickLines({ shown, active, term, lastScores }, { columns, rows }, style);
          expect(tooWide(lines, columns), `${columns}x${rows} "${term}"`).toEqual([]);
          // With the question above it, never taller than the terminal.
          expect(lines.length + 1, `${columns}x${rows}`).toBeLessThanOrEqual(rows);
        }
      }
    }
  });
});

describe('fitting one line to a width, colours kept', () => {
  const bold = (text: string) => `\u001b[1m${text}\u001b[22m`;
  it('cuts with an ellipsis and resets the style after the cut; leaves a line that fits alone', () => {
    expect(fitLine(bold('Stage 1/2 · Clarify the problem'), 20)).toBe('\u001b[1mStage 1/2 · Clarify\u001b[22m…\u001b[0m');
    expect(fitLine('plain text that is long', 10)).toBe('plain tex…');
    expect(fitLine(bold('fits'), 4)).toBe(bold('fits'));
  });

  it('breaks at the last space that fits, inside a word longer than the width, and indents what follows', () => {
    expect(breakLine(`${bold(' Enter ')} on an empty line: next stage`, 20, '  ')).toEqual([`${bold(' Enter ')} on an empty`, '  line: next stage']);
    expect(breakLine('see a-very-long-identifier-here', 12, '  ')).toEqual(['see', '  a-very-lon', '  g-identifi', '  er-here']);
    expect(breakLine('short', 12)).toEqual(['short']);
  });
});

// Notes typed in Chinese, Japanese or Korean, an emoji, a bank written in them: each such
// character takes two columns. Counted as one, a line the layout thought fitted took two rows
// (Inquirer breaks it), and the screen's top scrolled away.
describe('wide characters (CJK, emoji) on a narrow terminal', () => {
  const widePlan = planStages([
    { id: 'clarify', title: '明确问题范围和约束条件', goal: '在设计之前确定业务目标、用户、规模和延迟。', minutes: 6 },
    { id: 'design', title: '设计数据、模型和服务路径', goal: '端到端地设计它。', minutes: 10 },
  ]);
  const wideNotes = '每天有多少用户使用这个产品的推荐功能以及延迟要求\n召回用双塔模型🚀然后排序\nユーザー数は一日に八億人です\n';
  const wide = setNotes(startSession(widePlan, NOW), 0, wideNotes);

  it('the stage screen: no line wider than the terminal, and no taller than it', () => {
    for (const columns of WIDTHS) {
      for (const rows of ROWS) {
        for (const extra of [{}, { editing: 1, line: '召回用双塔模型🚀然后排序' }]) {
          const { lines, help } = stageLines(view(wide, extra), { columns, rows }, style);
          expect(tooWide([...lines.slice(0, -1), ...help.split('\n')], columns), `${columns}x${rows}`).toEqual([]);
          if (rows >= 24) expect(lines.length + help.split('\n').length, `${columns}x${rows}`).toBeLessThanOrEqual(rows);
        }
      }
      expect(tooWide([finishedLine(wide, 0, NOW + 400_000, style, columns)], columns)).toEqual([]);
    }
  });

  it('the self-assessment: the notes and the phrase that suggested an item fit', () => {
    const wideItems = [item('users', '说明了每天有多少用户', ['用户']), item('two', 'Named the two-tower retrieval', ['双塔模型'])];
    const evidence = new Map([['users', '每天有多少用户使用这个产品的推荐功能以及延迟要求'], ['two', '召回用双塔模型🚀然后排序']]);
    for (const columns of WIDTHS) {
      for (const rows of ROWS) {
        const { lines, help } = assessLines({ message: '明确问题范围：你覆盖了什么？', items: wideItems, ticked: new Set(['users']), cursor: 0, evidence, notes: wideNotes }, { columns, rows }, style);
        expect(tooWide([...lines, ...help.split('\n')], columns), `${columns}x${rows}`).toEqual([]);
      }
    }
  });

  it('the report and the plan: stage titles cut to fit, the columns after them aligned', () => {
    const report: Report = {
      questionId: 'feed', questionTitle: '端到端的信息流推荐问题', strongAnswer: false, rubricTitle: '机器学习系统设计', total: 50, capped: false, budgetSeconds: 960, usedSeconds: 600, curveball: null,
      stages: widePlan.map((stage) => ({ id: stage.id, title: stage.title, budgetSeconds: stage.budgetSeconds, usedSeconds: 300, hintsShown: 0, redFlags: [], pacing: null, signals: [], score: scoreStage(stage.id, [item('goal', '说明了业务目标')], ['goal']) })),
    };
    const question = { id: 'feed', title: '端到端的信息流推荐问题', category: 'recommendation', difficulty: 'medium', prompt: '设计一个信息流，把人们最关心的帖子展示给他们。' } as Parameters<typeof questionHeader>[0];
    for (const columns of [...WIDTHS, 80]) {
      expect(tooWide(reportLines(report, style, columns, {}), columns), `${columns} columns`).toEqual([]);
      const header = questionHeader(question, widePlan, style, columns);
      // From 24 columns: narrower, a title keeps 8 columns and the row its minutes, as in English.
      if (columns >= 24) expect(tooWide(header, columns), `${columns} columns`).toEqual([]);
      // Each stage's minutes start in the same column.
      const minutesAt = header.slice(-2).map((line) => stringWidth(line.slice(0, line.search(/\d+ min/))));
      expect(new Set(minutesAt).size, header.slice(-2).join('\n')).toBe(1);
    }
  });
});

describe('the width of a line, in terminal columns', () => {
  it('counts a CJK or fullwidth character and an emoji as two columns, a combining mark or joiner as none', () => {
    for (const text of ['漢字', 'ｈｅｌｌｏ', '🚀', '❤️', 'e\u0301', 'a\u200db', '한국어', 'café · naïve…', '⏱ 02:00 left', '\u001b[1m漢\u001b[22m']) {
      expect(visibleLength(text), text).toBe(stringWidth(text));
    }
  });

  it('cuts, fits, breaks and pads by columns, never parting a character from its accent', () => {
    expect(cut('每天有多少用户', 7)).toBe('每天有…');
    expect(fitLine('每天有多少用户', 8)).toBe('每天有…');
    expect(fitLine('e\u0301e\u0301e\u0301e\u0301', 3)).toBe('e\u0301e\u0301…');
    expect(breakLine('每天有多少用户使用', 6, '  ')).toEqual(['每天有', '  多少', '  用户', '  使用']);
    expect(breakLine('用户 数量', 6)).toEqual(['用户', '数量']);
    expect(padColumns('漢字', 6)).toBe('漢字  ');
    // A terminal narrower than one wide character still gets the character, not an endless loop.
    expect(breakLine('漢字', 1)).toEqual(['漢', '字']);
  });
});
