// Comparing a candidate's diagram with a question's reference: synonyms, word forms, paths
// through components the reference does not name, and flows drawn the wrong way round.
import { describe, expect, it } from 'vitest';
import { compareDiagram, comparisonJson, comparisonSummary, stem, type NameMatcher, type ReferenceDiagram } from '../src/diagram/compare.js';
import { parseDiagram } from '../src/diagram/parse.js';

const FEED: ReferenceDiagram = {
  components: [
    { id: 'events', names: ['user events', 'interaction log', 'clickstream'] },
    { id: 'feature-store', names: ['feature store', 'online features', 'feature cache'] },
    { id: 'candidates', names: ['candidate generation', 'retrieval', 'two tower'] },
    { id: 'ranker', names: ['ranking model', 'ranker'] },
    { id: 'logged-outcomes', names: ['logged outcomes', 'impression log', 'engagement log'] },
    { id: 'training-data', names: ['training data', 'labels', 'training set'] },
  ],
  flows: [
    ['events', 'feature-store'],
    ['feature-store', 'ranker'],
    ['candidates', 'ranker', 'candidates passed to the ranker'],
    ['ranker', 'logged-outcomes'],
    ['logged-outcomes', 'training-data', 'the loop from logged outcomes to training data'],
  ],
};

const compare = (source: string, matcher?: NameMatcher) => compareDiagram(FEED, parseDiagram(source), matcher);

describe('stem', () => {
  it.each([
    ['rankers', 'ranking'], ['ranker', 'rank'], ['logs', 'logged'], ['logging', 'log'], ['caches', 'cache'],
    ['features', 'feature'], ['queries', 'query'], ['indexes', 'index'], ['embeddings', 'embedding'], ['servers', 'serving'],
    // An agent noun whose verb doubles its last consonant: `embedder` is the embedding model.
    ['embedder', 'embedding'], ['planner', 'planning'], ['splitter', 'splitting'], ['loggers', 'logging'], ['shipper', 'shipping'],
  ])('makes %s and %s one word', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });
});

describe('compareDiagram', () => {
  it.each([
    ['every component and flow, in the reference own words',
      'user events -> feature store -> ranking model -> logged outcomes -> training data\ncandidate generation -> ranking model',
      { components: 6, flows: 5, missing: [], reversed: [] }],
    ['synonyms and word forms',
      'Clickstream -> online features -> rankers -> impression logs -> labels\nretrieval -> rankers',
      { components: 6, flows: 5, missing: [], reversed: [] }],
    ['a name that contains a reference name',
      'raw user events -> redis feature cache -> ranker',
      { components: 3, flows: 2, missing: ['ranker->logged-outcomes', 'logged-outcomes->training-data', 'candidates->ranker'], reversed: [] }],
    ['a flow through a component the reference does not name (a queue)',
      'user events -> kafka -> stream processor -> feature store',
      { components: 2, flows: 1, missing: ['feature-store->ranker', 'candidates->ranker', 'ranker->logged-outcomes', 'logged-outcomes->training-data'], reversed: [] }],
    ['no credit for a flow only through another reference component',
      'user events -> ranker -> feature store',
      { components: 3, flows: 0, missing: ['events->feature-store', 'feature-store->ranker', 'candidates->ranker', 'ranker->logged-outcomes', 'logged-outcomes->training-data'], reversed: ['feature-store->ranker'] }],
    ['the feedback loop drawn the wrong way round',
      'user events -> feature store -> ranker -> logged outcomes\ntraining data -> logged outcomes\ncandidate generation -> ranker',
      { components: 6, flows: 4, missing: ['logged-outcomes->training-data'], reversed: ['logged-outcomes->training-data'] }],
    ['names closed up or hyphenated where the reference writes them apart',
      'ClickStream -> FeatureStore -> Ranking-Models -> logged-outcomes -> trainingdata',
      { components: 5, flows: 4, missing: ['candidates->ranker'], reversed: [] }],
    ['an edge written backwards counts forwards',
      'training data <- logged outcomes',
      { components: 2, flows: 1, missing: ['events->feature-store', 'feature-store->ranker', 'candidates->ranker', 'ranker->logged-outcomes'], reversed: [] }],
  ])('%s', (_, source, expected) => {
    const result = compare(source);
    const key = (flow: { from: string; to: string }) => `${flow.from}->${flow.to}`;
    expect(result.components.found).toHaveLength(expected.components);
    expect(result.flows.found).toHaveLength(expected.flows);
    expect(result.flows.missing.map(key).sort()).toEqual([...expected.missing].sort());
    expect(result.flows.reversed.map(key)).toEqual(expected.reversed);
  });

  it('takes an agent noun for the component named by its verb (an embedder is the embedding model)', () => {
    const reference: ReferenceDiagram = {
      components: [{ id: 'chunker', names: ['chunker'] }, { id: 'embedding-model', names: ['embedding model', 'embeddings'] }, { id: 'vector-db', names: ['vector index'] }],
      flows: [['chunker', 'embedding-model'], ['embedding-model', 'vector-db']],
    };
    const result = compareDiagram(reference, parseDiagram('chunker -> embedder -> vector index'));
    expect(comparisonSummary(result)).toBe('Diagram: 3 of 3 components, 2 of 2 key flows');
    expect(result.components.unexpected).toEqual([]);
  });

  it('takes a short name found whole inside a reference name, unless it is too general to tell', () => {
    const result = compare('events -> features -> model\ncandidates -> model\nlogs');
    expect(result.components.found.map((component) => [component.id, component.as])).toEqual([
      ['events', ['events']], ['feature-store', ['features']], ['candidates', ['candidates']],
    ]);
    expect(result.components.unexpected).toEqual(['model', 'logs']);
  });

  it('shows components the reference does not expect, without taking anything off', () => {
    const result = compare('user events -> kafka -> feature store\nfeature store -> ranker\nranker -> A/B test service');
    expect(result.components.unexpected).toEqual(['kafka', 'A/B test service']);
    expect(result.components.found.map((component) => component.id)).toEqual(['events', 'feature-store', 'ranker']);
    expect(result.components.found.find((component) => component.id === 'feature-store')!.as).toEqual(['feature store']);
  });

  it('prefers the exact name over a longer one that contains another component', () => {
    // "training data" is the training-data component, not a component named "data" or "training".
    const reference: ReferenceDiagram = {
      components: [{ id: 'trainer', names: ['training', 'trainer'] }, { id: 'training-data', names: ['training data'] }],
      flows: [['training-data', 'trainer']],
    };
    const result = compareDiagram(reference, parseDiagram('training data -> training pipeline'));
    expect(result.components.found).toEqual([{ id: 'trainer', as: ['training pipeline'] }, { id: 'training-data', as: ['training data'] }]);
    expect(result.flows.found).toHaveLength(1);
  });

  it('takes another matcher through the NameMatcher interface', () => {
    const exact: NameMatcher = { score: (written, reference) => (written === reference ? 1 : 0) };
    expect(compare('Clickstream -> feature store', exact).components.found.map((component) => component.id)).toEqual(['feature-store']);
  });

  it('sums it up in one line, naming what is missing and what is the wrong way round', () => {
    expect(comparisonSummary(compare('user events -> feature store -> ranker -> logged outcomes\ncandidate generation -> ranker'))).toBe(
      'Diagram: 5 of 6 components, 4 of 5 key flows; missing: training data',
    );
    expect(comparisonSummary(compare('user events -> feature store -> ranker -> logged outcomes\ntraining data\ncandidate generation -> ranker'))).toBe(
      'Diagram: 6 of 6 components, 4 of 5 key flows; missing: the loop from logged outcomes to training data',
    );
    expect(comparisonSummary(compare('feature store -> ranker -> logged outcomes\ntraining data -> logged outcomes'))).toBe(
      'Diagram: 4 of 6 components, 2 of 5 key flows; missing: user events, candidate generation; drawn the wrong way round: the loop from logged outcomes to training data',
    );
    // More components missing than the line shows: the missing loop is still named, in the same four places.
    expect(comparisonSummary(compare('logged outcomes\ntraining data'))).toBe(
      'Diagram: 2 of 6 components, 0 of 5 key flows; missing: user events, feature store, candidate generation, the loop from logged outcomes to training data and 1 more',
    );
  });

  it('gives grade --json its shape', () => {
    expect(comparisonJson(compare('user events -> feature store\ntraining data -> logged outcomes'))).toEqual({
      components: { found: 4, expected: 6, missing: ['candidates', 'ranker'], unexpected: [] },
      flows: {
        found: 1,
        expected: 5,
        missing: [
          { from: 'feature-store', to: 'ranker', description: 'from feature store to ranking model' },
          { from: 'candidates', to: 'ranker', description: 'candidates passed to the ranker' },
          { from: 'ranker', to: 'logged-outcomes', description: 'from ranking model to logged outcomes' },
          { from: 'logged-outcomes', to: 'training-data', description: 'the loop from logged outcomes to training data' },
        ],
        reversed: [{ from: 'logged-outcomes', to: 'training-data', description: 'the loop from logged outcomes to training data' }],
      },
    });
  });
});
