// Diagrams: loading the renderer, and drawing 30 edges (goal: at most 20 ms a drawing), in this
// process on the built dist/. Also runs alone: `node scripts/bench/40-diagram.mjs` (after a build).
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** 30 edges like a real design: a pipeline with fan-in, fan-out and two feedback loops. */
export function thirtyEdges() {
  const lines = [
    'app events -> event stream -> stream processor -> online feature store -> ranking service',
    'batch logs -> data warehouse -> batch features -> offline feature store -> training data',
    'online feature store -> offline feature store',
    'candidate index -[top 1000]-> candidate generation -[top 500]-> ranking service -[top 50]-> re-ranker -> feed',
    'user embeddings -> candidate index',
    'item embeddings -> candidate index',
    'feed -> impressions log -> labeler',
    'feed -> clicks log -> labeler',
    'labeler -> training data -> trainer -> model registry -> ranking service',
    'model registry -> canary -> ranking service',
    'ranking service -> monitoring -> alerts',
    'monitoring -> trainer',
    'trainer -> user embeddings',
    'trainer -> item embeddings',
  ];
  return lines.join('\n');
}

export default async function diagram(ctx) {
  const dist = path.join(ctx.root, 'dist', 'diagram');
  const { parseDiagram } = await import(pathToFileURL(path.join(dist, 'parse.js')).href);
  const { loadDraw } = await import(pathToFileURL(path.join(dist, 'draw.js')).href);
  const loadStart = performance.now();
  const draw = await loadDraw();
  const loadMs = performance.now() - loadStart;

  const diagram = parseDiagram(thirtyEdges());
  if (diagram.edges.length !== 30) throw new Error(`the bench diagram has ${diagram.edges.length} edges, not 30`);
  const firstStart = performance.now();
  draw(diagram, { width: 200 });
  const firstMs = performance.now() - firstStart;
  const median = (size) => {
    const times = [];
    for (let i = 0; i < 30; i++) {
      const start = performance.now();
      draw(diagram, size);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return `${times[Math.floor(times.length / 2)].toFixed(1)} ms median, ${times[0].toFixed(1)} ms best`;
  };
  const fits = median({ width: 200 });
  const squeezed = median({ width: 80, height: 30 });
  ctx.report(`load the renderer (lovely-mermaid)   ${loadMs.toFixed(1)} ms`);
  ctx.report(`draw 30 edges, first time            ${firstMs.toFixed(1)} ms`);
  ctx.report(`draw 30 edges at 200 columns         ${fits}  (goal <= 20 ms)`);
  ctx.report(`draw 30 edges into 80x30             ${squeezed}  (several layouts to find what fits)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  await diagram({ root, report: (line) => console.log(line) });
}
