// Lint speed: `mldrill lint` on a generated bank of 10,000 realistic question files (copies of
// the shipped ones under new ids), as a whole process, beside ajv-cli validating the same files
// against schema/question.schema.json. ajv-cli reads YAML itself (js-yaml), so both read the
// same .yaml files; ajv gives no line or column and grades nothing, mldrill does both. mldrill
// is timed twice: cold (--no-cache: every file read, checked and its examples graded) and warm
// (lint's cache filled by the run before, nothing changed), and warm after one file changed.
import fs from 'node:fs';
import path from 'node:path';

const FILES = 10_000;

/** Writes questions/<category>/<id>-<n>.yaml copies with consistent ids and a working modeline. */
export function generateBank(root, dir, count = FILES) {
  const shipped = [];
  for (const category of fs.readdirSync(path.join(root, 'questions')).sort()) {
    for (const name of fs.readdirSync(path.join(root, 'questions', category)).sort()) {
      shipped.push({ category, id: name.replace(/\.ya?ml$/, ''), text: fs.readFileSync(path.join(root, 'questions', category, name), 'utf8') });
    }
  }
  for (let i = 0; i < count; i++) {
    const source = shipped[i % shipped.length];
    const id = `${source.id}-${Math.floor(i / shipped.length) + 1}`;
    const folder = path.join(dir, 'questions', source.category);
    if (i < shipped.length) fs.mkdirSync(folder, { recursive: true });
    const schema = path.relative(folder, path.join(root, 'schema', 'question.schema.json')).split(path.sep).join('/');
    const text = source.text
      .replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`)
      .replace(/^id: .*$/m, `id: ${id}`);
    fs.writeFileSync(path.join(folder, `${id}.yaml`), text);
  }
}

export default async function lintBench(ctx) {
  const dir = path.join(ctx.tmp, 'lint-bank');
  generateBank(ctx.root, dir);
  const bytes = fs.readdirSync(path.join(dir, 'questions'), { recursive: true }).reduce((sum, name) => {
    const file = path.join(dir, 'questions', name);
    return fs.statSync(file).isFile() ? sum + fs.statSync(file).size : sum;
  }, 0);
  ctx.report(`${FILES} files, ${(bytes / 1024 / 1024).toFixed(0)} MB of YAML in ${dir}`);

  const runs = { runs: 5 };
  const cold = await ctx.mldrill(['lint', dir, '--max-warnings', '0', '--no-cache'], runs);
  // Its own cache directory, filled by the warm-up run.
  const env = { MLDRILL_HOME: path.join(ctx.tmp, 'lint-home') };
  const warm = await ctx.mldrill(['lint', dir, '--max-warnings', '0'], { ...runs, env });
  const changed = path.join(dir, 'questions', fs.readdirSync(path.join(dir, 'questions'))[0]);
  const oneFile = path.join(changed, fs.readdirSync(changed).sort()[0]);
  const edits = [];
  for (let i = 0; i < 5; i++) {
    fs.appendFileSync(oneFile, `# edit ${i}\n`);
    edits.push(await ctx.runOnce(process.execPath, [ctx.bin, 'lint', dir, '--max-warnings', '0'], { env }));
  }
  const edited = { medianMs: edits.map((run) => run.ms).sort((a, b) => a - b)[2], peakMb: Math.max(...edits.map((run) => run.peakMb)) };
  const ajvCli = path.join(ctx.root, 'node_modules', 'ajv-cli', 'dist', 'index.js');
  const ajv = await ctx.node([ajvCli, 'validate', '-s', path.join(ctx.root, 'schema', 'question.schema.json'), '-d', `${dir}/questions/**/*.yaml`, '-c', 'ajv-formats', '--errors=line'], runs);

  const rate = (result) => `${Math.round(FILES / (result.medianMs / 1000)).toLocaleString('en-US')} files/s`;
  const line = (label, result) => ctx.report(`${label.padEnd(34)}${ctx.ms(result).padStart(9)}  ${rate(result).padStart(14)}  peak ${result.peakMb.toFixed(0)} MB`);
  line('mldrill lint, cold (--no-cache)', cold);
  line('mldrill lint, warm (cache filled)', warm);
  line('mldrill lint, warm, one file edited', edited);
  line('ajv-cli validate', ajv);
  ctx.report(`mldrill lint takes ${ctx.ratio(cold, ajv)} the time of ajv-cli cold, ${ctx.ratio(warm, ajv)} warm and ${ctx.ratio(edited, ajv)} after an edit (goal <= 1.00x); peaks at ${cold.peakMb.toFixed(0)} MB cold (goal < 250 MB)`);
}
