// History at scale: `mldrill history` and `mldrill stats` over a generated 10,000-session
// history, against a bare `node -e ""` measured in the same run. Goal: each <= 2x of node.
import fs from 'node:fs';
import path from 'node:path';

const SESSIONS = 10_000;
const QUESTIONS = ['youtube-video-recommendations', 'newsfeed-ranking', 'ad-budget-pacing', 'feature-store', 'eta-prediction', 'email-spam-filtering', 'visual-search', 'wake-word-detection'];
const STAGES = [
  ['clarify', 420, ['business-goal', 'user-touchpoint', 'scale', 'latency-budget', 'data-and-labels', 'error-costs', 'privacy-fairness', 'scope-restated']],
  ['metrics', 360, ['ml-objective', 'task-framing', 'offline-metrics', 'online-metrics', 'guardrails', 'offline-online-gap', 'baseline', 'segments-calibration']],
  ['architecture', 900, ['diagram', 'label-plan', 'features', 'training-data', 'model-progression', 'serving-path', 'train-serve-consistency', 'where-ml']],
  ['deep-dive', 900, ['model-tradeoffs', 'training-setup', 'rollout', 'monitoring', 'feedback-loops', 'cold-start']],
];

/** A history a very keen user might have after years: one or two sessions a day, with notes. */
function generate(file) {
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  let at = Date.UTC(2012, 0, 1, 8);
  const lines = [];
  for (let i = 0; i < SESSIONS; i++) {
    at += Math.floor((6 + random() * 30) * 3600e3);
    const abandoned = random() < 0.1;
    const stages = STAGES.map(([id, budget, items]) => {
      const checked = abandoned ? [] : items.filter(() => random() < 0.6);
      return {
        id, budgetSeconds: budget, usedSeconds: Math.round(budget * (0.5 + random())), hintsShown: Math.floor(random() * 3),
        notes: 'users: 2B monthly, p99 under 200 ms; two-stage retrieval then ranking; log impressions for labels.\n',
        checked, missed: abandoned ? [] : items.filter((item) => !checked.includes(item)),
        score: abandoned ? null : Math.round((checked.length / items.length) * 100),
      };
    });
    const started = new Date(at);
    lines.push(JSON.stringify({
      version: 1, id: `${started.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}-${String(i).padStart(4, '0')}`,
      questionId: QUESTIONS[i % QUESTIONS.length], rubricId: 'ml-system-design', mode: 'self',
      startedAt: started.toISOString(), endedAt: new Date(at + 2_700_000).toISOString(),
      status: abandoned ? 'abandoned' : 'completed',
      score: abandoned ? null : Math.round(stages.reduce((sum, stage) => sum + stage.score, 0) / stages.length),
      stages,
    }));
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

export default async function historyBench(ctx) {
  const home = path.join(ctx.tmp, 'history-home');
  fs.mkdirSync(home, { recursive: true });
  const file = path.join(home, 'history.jsonl');
  generate(file);
  const env = { MLDRILL_HOME: home, NO_COLOR: '1' };
  const emptyEnv = { MLDRILL_HOME: path.join(ctx.tmp, 'empty-home'), NO_COLOR: '1' };
  const node = await ctx.node(['-e', ''], { runs: 20 });
  // The same commands on an empty history: what start-up alone costs.
  const historyEmpty = await ctx.mldrill(['history'], { env: emptyEnv, runs: 20 });
  const statsEmpty = await ctx.mldrill(['stats'], { env: emptyEnv, runs: 10 });
  const history = await ctx.mldrill(['history'], { env, runs: 20 });
  const all = await ctx.mldrill(['history', '--limit', '0'], { env, runs: 5 });
  const stats = await ctx.mldrill(['stats'], { env, runs: 10 });
  ctx.report(`history file          ${SESSIONS} sessions, ${(fs.statSync(file).size / 1024 / 1024).toFixed(1)} MiB`);
  ctx.report(`node -e ""            ${ctx.ms(node)}`);
  ctx.report(`history, empty        ${ctx.ms(historyEmpty)}  (${ctx.ratio(historyEmpty, node)} of node: start-up alone)`);
  ctx.report(`stats, empty          ${ctx.ms(statsEmpty)}  (${ctx.ratio(statsEmpty, node)} of node: start-up and loading the bank)`);
  ctx.report(`mldrill history       ${ctx.ms(history)}  (${ctx.ratio(history, node)} of node; goal <= 2x)  peak ${history.peakMb.toFixed(0)} MB`);
  ctx.report(`mldrill history -n 0  ${ctx.ms(all)}  (${ctx.ratio(all, node)} of node; prints every session)`);
  ctx.report(`mldrill stats         ${ctx.ms(stats)}  (${ctx.ratio(stats, node)} of node; goal <= 2x)  peak ${stats.peakMb.toFixed(0)} MB`);
}
