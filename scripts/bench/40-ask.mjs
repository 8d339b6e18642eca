// The interviewer: one match of a question against a fact sheet of 20 facts (the budget is
// 5 ms), and `mldrill ask` against `mldrill show` as whole processes (ask must start as fast).
import path from 'node:path';

const TOPICS = ['goal', 'users', 'scale', 'latency', 'surface', 'data', 'labels', 'constraints', 'privacy', 'cost', 'scope'];
const QUESTIONS = [
  'How many people use it every day?', "What's the response time budget?", 'Do we have ground truth for this?', 'Where is it shown in the app?',
  "What's your favourite colour?", 'Can I use Python?', 'Is there an existing system we replace, and what does the team run today?',
  'What are we optimising for, and how do we know it is working for users in every country we launch in?',
];

/** Twenty facts, two or three per topic, each with four ask phrases. */
function sheet() {
  return Array.from({ length: 20 }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length];
    return {
      id: `${topic}-${i}`,
      topic,
      ask: [`what is the ${topic} ${i}`, `how about ${topic} for item ${i}`, `tell me the ${topic} of part ${i}`, `${topic} numbers for region ${i}`],
      answer: `The ${topic} fact number ${i}.`,
    };
  });
}

export default async function askBench(ctx) {
  const { askInterviewer, compileFacts, matchFact } = await import(path.join(ctx.root, 'dist', 'session', 'interviewer.js'));
  const facts = sheet();
  const rounds = 2000;
  // Cold: the sheet compiled for each question, as `mldrill ask` does once per run.
  let started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) askInterviewer(QUESTIONS[i % QUESTIONS.length], facts);
  const coldMs = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
  const compiled = compileFacts(facts);
  started = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) matchFact(QUESTIONS[i % QUESTIONS.length], compiled);
  const warmMs = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
  ctx.report(`ask: one match against 20 facts: ${coldMs.toFixed(3)} ms with the sheet compiled each time, ${warmMs.toFixed(3)} ms compiled once (budget 5 ms)`);

  const runs = 15;
  const commands = [
    { name: 'show feature-store --json', args: [ctx.bin, 'show', 'feature-store', '--json'] },
    { name: 'ask feature-store "how many features?" --json', args: [ctx.bin, 'ask', 'feature-store', 'how many features?', '--json'] },
  ];
  const env = { MLDRILL_HOME: path.join(ctx.tmp, 'home-ask') };
  const times = commands.map(() => []);
  for (const command of commands) await ctx.runOnce(process.execPath, command.args, { env }); // fills the cache
  for (let i = 0; i < runs; i++) {
    for (const [j, command] of commands.entries()) times[j].push((await ctx.runOnce(process.execPath, command.args, { env })).ms);
  }
  for (const [j, command] of commands.entries()) {
    const sorted = [...times[j]].sort((a, b) => a - b);
    ctx.report(`ask: mldrill ${command.name}: median ${sorted[Math.floor(sorted.length / 2)].toFixed(1)} ms over ${runs} runs`);
  }
}
