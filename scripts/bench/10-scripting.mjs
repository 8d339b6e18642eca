// Scripting: `mldrill daily --json` on the shipped bank and on a generated bank of 10,000
// questions, against `node -e ""` and `mldrill --version`, all measured in this run, in turns.
// The first run of each bank fills its cache (a miss, timed once); the medians are cache hits.
import fs from 'node:fs';
import path from 'node:path';

/** Copies of the shipped questions under new ids, so the files have realistic sizes. */
function generateBank(root, dir, count) {
  const shipped = [];
  for (const category of fs.readdirSync(path.join(root, 'questions'))) {
    for (const name of fs.readdirSync(path.join(root, 'questions', category))) {
      shipped.push({ category, id: name.replace(/\.yaml$/, ''), text: fs.readFileSync(path.join(root, 'questions', category, name), 'utf8') });
    }
  }
  for (let i = 0; i < count; i++) {
    const { category, id, text } = shipped[i % shipped.length];
    const copy = `${id}-${i}`;
    fs.mkdirSync(path.join(dir, 'questions', category), { recursive: true });
    fs.writeFileSync(path.join(dir, 'questions', category, `${copy}.yaml`), text.replace(`\nid: ${id}\n`, `\nid: ${copy}\n`));
  }
}

/**
 * Runs the commands in turns (one run of each, again and again) and returns each one's median,
 * so that other work on the machine weighs on all of them alike and the ratios stay fair.
 */
async function interleaved(ctx, commands, runs) {
  const times = commands.map(() => []);
  for (const command of commands) await ctx.runOnce(process.execPath, command.args, { env: command.env }); // warm-up
  for (let i = 0; i < runs; i++) {
    for (const [j, command] of commands.entries()) times[j].push((await ctx.runOnce(process.execPath, command.args, { env: command.env })).ms);
  }
  return times.map((list) => {
    const sorted = [...list].sort((a, b) => a - b);
    return { medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0] };
  });
}

export default async function scripting(ctx) {
  const big = path.join(ctx.tmp, 'bank-10k');
  generateBank(ctx.root, big, 10_000);
  const home = (name) => ({ MLDRILL_HOME: path.join(ctx.tmp, name) });
  const mldrill = (args, env) => ({ args: [ctx.bin, ...args], env });

  // The first run of each bank is a miss that fills its cache: timed once, on its own.
  const coldSmall = await ctx.runOnce(process.execPath, [ctx.bin, 'daily', '--json'], { env: home('home-small') });
  const coldBig = await ctx.runOnce(process.execPath, [ctx.bin, 'daily', '--json', '--bank', big], { env: home('home-big') });

  const [node, version, small, smallTz, bigRun, list] = await interleaved(ctx, [
    { args: ['-e', ''] },
    mldrill(['--version']),
    mldrill(['daily', '--json'], home('home-small')),
    mldrill(['daily', '--json'], { ...home('home-small'), TZ: 'Asia/Tokyo' }),
    mldrill(['daily', '--json', '--bank', big], home('home-big')),
    mldrill(['list', '--bank', big], home('home-big')),
  ], 15);

  ctx.report(`node -e ""                          ${ctx.ms(node)}`);
  ctx.report(`mldrill --version                   ${ctx.ms(version)}  (${ctx.ratio(version, node)} of node; goal <= 1.2x)`);
  ctx.report(`daily --json, shipped bank          ${ctx.ms(small)}  (${ctx.ratio(small, node)} of node; goal <= 1.5x)`);
  ctx.report(`daily --json, shipped bank, TZ set  ${ctx.ms(smallTz)}  (${ctx.ratio(smallTz, node)} of node; Intl's first use costs ~10 ms)`);
  ctx.report(`daily --json, 10,000 questions      ${ctx.ms(bigRun)}  (${ctx.ratio(bigRun, node)} of node; goal <= 2x)`);
  ctx.report(`list, 10,000 questions              ${ctx.ms(list)}  (${ctx.ratio(list, node)} of node)`);
  ctx.report(`first run, filling the cache        ${coldSmall.ms.toFixed(0)} ms shipped, ${(coldBig.ms / 1000).toFixed(1)} s for 10,000 questions`);
}
