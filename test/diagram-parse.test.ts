// The edge-list language: what each kind of line becomes, and where a line that is not an edge
// is reported.
import { describe, expect, it } from 'vitest';
import { parseDiagram } from '../src/diagram/parse.js';

/** Edges as `from -> to` (with `[label]`), by display name, for compact expectations. */
function edgesOf(source: string): string[] {
  const diagram = parseDiagram(source);
  const name = new Map(diagram.nodes.map((node) => [node.key, node.name]));
  return diagram.edges.map((edge) => `${name.get(edge.from)} ->${edge.label ? `[${edge.label}]` : ''} ${name.get(edge.to)}`);
}

describe('parseDiagram: edges', () => {
  it.each([
    ['a chain', 'events -> stream processor -> feature store', ['events -> stream processor', 'stream processor -> feature store']],
    ['a labelled edge', 'ranker -[top 500]-> re-ranker', ['ranker ->[top 500] re-ranker']],
    ['a label in a chain', 'candidates -[top 1000]-> ranker -[top 50]-> feed', ['candidates ->[top 1000] ranker', 'ranker ->[top 50] feed']],
    ['an edge written backwards', 'training data <- logged outcomes', ['logged outcomes -> training data']],
    ['a labelled edge backwards', 'model <-[nightly]- trainer', ['trainer ->[nightly] model']],
    ['both ways', 'cache <-> ranking service', ['cache -> ranking service', 'ranking service -> cache']],
    ['long arrows', 'a --> b ---> c', ['a -> b', 'b -> c']],
    ['unicode arrows', 'a → b ← c', ['a -> b', 'c -> b']],
    ['odd spacing', '   events->stream   processor  ->feature store   ', ['events -> stream processor', 'stream processor -> feature store']],
    ['hyphens inside names', 're-ranker -> two-tower model', ['re-ranker -> two-tower model']],
    ['unicode names', 'Ereignisse → Merkmalsspeicher -> 排序模型 -> 😀 feedback', ['Ereignisse -> Merkmalsspeicher', 'Merkmalsspeicher -> 排序模型', '排序模型 -> 😀 feedback']],
    ['one component spelled two ways', 'Feature Store -> model\nfeature   store -> cache', ['Feature Store -> model', 'Feature Store -> cache']],
    ['a repeated edge, kept once', 'a -> b\na -> b', ['a -> b']],
    ['a cycle', 'model -> serving -> logs -> training -> model', ['model -> serving', 'serving -> logs', 'logs -> training', 'training -> model']],
    ['a Markdown bullet', '- events -> model\n* model -> feed', ['events -> model', 'model -> feed']],
    ['a numbered Markdown list', '1. events -> model\n2) model -> feed\n10. feed -> 2.5 logs', ['events -> model', 'model -> feed', 'feed -> 2.5 logs']],
    ['a comment after the edge', 'logs <- serving   # <- reads backwards\nC# service -[#1]-> api #\nshard #2 -> api', ['serving -> logs', 'C# service ->[#1] api', 'shard #2 -> api']],
    ['CRLF line ends', 'a -> b\r\nb -> c\r\n', ['a -> b', 'b -> c']],
    // Markdown notes fence their edges so that they render as lines: the fences are no components.
    ['edges in a Markdown fence', '```\nevents -> model\n```\n~~~text\nmodel -> feed\n~~~', ['events -> model', 'model -> feed']],
    ['a Mermaid block, ids standing for their names', '```mermaid\nflowchart LR\n  %% a comment\n  feature_store["feature store"]\n  ranker["ranker #38; re-ranker"]\n  feature_store -->|"top #34;500#34;"| ranker\n  ranker --> feed\n```',
      ['feature store ->[top "500"] ranker & re-ranker', 'ranker & re-ranker -> feed']],
    ['a box drawing beside the edges (as the export has it)', '```text\n┌───┐    ┌───┐\n│ a ├───▶│ b │\n└───┘    └───┘\n  ▲\n```\na -> b', ['a -> b']],
  ])('%s', (_, source, expected) => {
    expect(parseDiagram(source).problems).toEqual([]);
    expect(edgesOf(source)).toEqual(expected);
  });

  it('keeps lone components, and skips comments and blank lines', () => {
    const diagram = parseDiagram('# the serving path\n\nfeature store\n// later\nmodel registry\n  \n');
    expect(diagram.nodes.map((node) => [node.name, node.line, node.column])).toEqual([['feature store', 3, 1], ['model registry', 5, 1]]);
    expect(diagram.edges).toEqual([]);
    expect(diagram.problems).toEqual([]);
  });

  it('draws no component of a Markdown fence or of a box drawing', () => {
    // Drawn top-down (a narrow screen), a label stands beside its arrowhead (`weights▼ ▼features`).
    const diagram = parseDiagram('```\nevents -> model\n```\n~~~text\n┌───┐    ┌───┐\n│ a ├───▶│ b │\n└───┘    └───┘\n  ▲\n  ┌─┼───┘\nweights▼ ▼features\n    ▼features\n~~~\nfeed');
    expect(diagram.nodes.map((node) => node.name)).toEqual(['events', 'model', 'feed']);
    expect(diagram.problems).toEqual([]);
  });

  it('reads back what --format mermaid writes, in a Markdown fence', async () => {
    const { toMermaid } = await import('../src/diagram/mermaid.js');
    const source = 'cache [redis] -[top 5]-> "scorer" & ranker -> feed\nlone | box\nend -> graph';
    const back = parseDiagram(`\`\`\`mermaid\n${toMermaid(parseDiagram(source))}\`\`\`\n`);
    expect(back.problems).toEqual([]);
    expect(back.nodes.map((node) => node.name)).toEqual(parseDiagram(source).nodes.map((node) => node.name));
    expect(edgesOf(`\`\`\`mermaid\n${toMermaid(parseDiagram(source))}\`\`\``)).toEqual(edgesOf(source));
  });

  it('reads a 200-character name whole', () => {
    const long = `${'a'.repeat(100)} ${'b'.repeat(99)}`;
    const diagram = parseDiagram(`${long} -> model`);
    expect(diagram.nodes[0]!.name).toBe(long);
    expect(diagram.nodes[0]!.name.length).toBe(200);
    expect(diagram.edges).toHaveLength(1);
  });

  it('reads 300 edges', () => {
    const source = Array.from({ length: 300 }, (_, i) => `stage ${i} -> stage ${i + 1}`).join('\n');
    const diagram = parseDiagram(source);
    expect(diagram.edges).toHaveLength(300);
    expect(diagram.nodes).toHaveLength(301);
  });

  it('places a node after a numbered bullet where it was written', () => {
    expect(parseDiagram('  12. events -> model').nodes.map((node) => [node.name, node.column])).toEqual([['events', 7], ['model', 17]]);
  });

  it('gives each edge and node the line and column where it was written', () => {
    const diagram = parseDiagram('\n  💡 idea -> b');
    expect(diagram.nodes.map((node) => [node.name, node.line, node.column])).toEqual([['💡 idea', 2, 3], ['b', 2, 13]]);
    expect(diagram.edges[0]).toMatchObject({ line: 2, column: 3 });
  });
});

describe('parseDiagram: lines that are not edges', () => {
  it.each([
    ['nothing before the arrow', '-> feature store', 1, 'no component before the first arrow'],
    ['nothing after the arrow (mid-typing)', 'events -> ', 10, 'no component after the last arrow'],
    ['two arrows in a row', 'a -> -> b', 6, 'no component between two arrows'],
    ['a spaced arrow', 'a - > b', 3, 'an arrow mldrill does not read'],
    ['a fat arrow', 'a => b', 3, 'an arrow mldrill does not read'],
    ['an open label', 'ranker -[top 500> b', 8, 'an arrow mldrill does not read'],
    ['a bad arrow after a good one', 'a -> b => c', 8, 'an arrow mldrill does not read'],
    ['a sentence', 'We log every impression and click.', 1, 'reads as a sentence'],
    ['a long line of prose', 'then the model scores every candidate for the user', 1, 'reads as a sentence'],
    ['after unicode', '日本語 => b', 5, 'an arrow mldrill does not read'],
  ])('%s', (_, source, column, message) => {
    const diagram = parseDiagram(`ok -> fine\n${source}`);
    expect(diagram.problems).toHaveLength(1);
    const [problem] = diagram.problems;
    expect(problem).toMatchObject({ line: 2, column, text: source });
    expect(problem!.message).toContain(message);
    expect(problem!.hint).toMatch(/->/);
    // The good line is still read.
    expect(diagram.edges).toHaveLength(1);
  });

  it('refuses an absurdly long line with a position rather than parsing it', () => {
    const diagram = parseDiagram(`a -> ${'b'.repeat(3000)}`);
    expect(diagram.problems[0]).toMatchObject({ line: 1, column: 1 });
    expect(diagram.problems[0]!.message).toContain('longer than');
  });
});
