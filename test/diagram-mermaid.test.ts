// Mermaid output: ids Mermaid accepts whatever the names, and labels it cannot misread.
import { describe, expect, it } from 'vitest';
import { mermaidIds, toMermaid } from '../src/diagram/mermaid.js';
import { parseDiagram } from '../src/diagram/parse.js';

describe('toMermaid', () => {
  it('writes a flowchart with readable ids, quoted names and labels', () => {
    expect(toMermaid(parseDiagram('events -> feature store\nranker -[top 500]-> re-ranker'))).toBe(`flowchart LR
  events["events"]
  feature_store["feature store"]
  ranker["ranker"]
  re_ranker["re-ranker"]
  events --> feature_store
  ranker -->|"top 500"| re_ranker
`);
  });

  it('turns quotes, markup and pipes into entity codes', () => {
    const text = toMermaid(parseDiagram('the "gold" set <v2> -[a|b #1]-> eval & report'));
    expect(text).toContain('["the #34;gold#34; set #60;v2#62;"]');
    expect(text).toContain('-->|"a#124;b #35;1"|');
    expect(text).toContain('["eval #38; report"]');
  });

  it.each([
    [['end'], ['n_end']],
    [['2 towers'], ['n1_2_towers']],
    [['排序模型'], ['n1']],
    [['Feature Store', 'feature-store', 'feature_store'], ['feature_store', 'feature_store_2', 'feature_store_3']],
    [['café'], ['cafe']],
  ])('gives %j the ids %j', (keys, ids) => {
    expect([...mermaidIds(keys).values()]).toEqual(ids);
  });
});
