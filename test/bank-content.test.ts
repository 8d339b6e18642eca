// The shipped bank is part of the product: these checks hold every question to the bar the
// README promises, beyond what the file format alone requires.
import { describe, expect, it } from 'vitest';
import { loadBank } from './helpers/bank.js';
import { CATEGORIES } from '../src/bank/categories.js';
import { main } from '../src/main.js';
import { fakeIo } from './helpers/fake-io.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bank = loadBank(process.cwd(), {});
const byId = new Map(bank.questions.map((question) => [question.id, question]));

// Every question named in the seed articles, by the id it has in the bank.
const SEED_QUESTIONS = {
  'youtube-video-recommendations': 'new videos for YouTube users',
  'inflight-movie-recommendations': 'in-flight movies within the flight time',
  'newsfeed-ranking': 'a newsfeed of posts and comments',
  'wake-word-detection': 'a "Hey Siri" trigger word',
  'product-image-selection': 'the best images to market a product',
  'new-language-translation': 'translating a new language into English',
  'harmful-content-detection': 'content that violates terms or offends',
  'fraudulent-listing-detection': 'fraudulent Airbnb listings',
  'search-ad-click-prediction': 'ad click likelihood for a search term',
  'bug-reporting-system': 'a bug reporting system',
  'popular-content-recommendations': 'a recommendation engine for popular content',
  'llm-fine-tuning-pipeline': 'a fine-tuning pipeline for a large language model',
  'rag-vector-database': 'retrieval-augmented generation on a vector database',
};

describe('the shipped bank', () => {
  it('loads without a single finding, error or warning', () => {
    expect(bank.findings).toEqual([]);
  });

  it('gives every seed question, and at least 30 in all, a reference diagram with its feedback loop and no stray component', () => {
    for (const id of Object.keys(SEED_QUESTIONS)) expect(byId.get(id)?.diagram, id).toBeDefined();
    const drawn = bank.questions.filter((question) => question.diagram);
    expect(drawn.length).toBeGreaterThanOrEqual(30);
    for (const { id, diagram } of drawn) {
      const next = new Map<string, string[]>();
      for (const [from, to] of diagram!.flows) next.set(from, [...(next.get(from) ?? []), to]);
      const reaches = (start: string) => {
        const seen = new Set<string>();
        const stack = [...(next.get(start) ?? [])];
        while (stack.length) {
          const node = stack.pop()!;
          if (seen.has(node)) continue;
          seen.add(node);
          stack.push(...(next.get(node) ?? []));
        }
        return seen;
      };
      // The loop from what the system did back into what it learns from.
      expect(diagram!.components.some((component) => reaches(component.id).has(component.id)), `${id}: no loop`).toBe(true);
      const inFlows = new Set(diagram!.flows.flatMap(([from, to]) => [from, to]));
      expect(diagram!.components.filter((component) => !inFlows.has(component.id)).map((component) => component.id), id).toEqual([]);
      expect(diagram!.flows.some(([, , wording]) => wording && /\bloop\b/.test(wording)), `${id}: no flow worded as the loop`).toBe(true);
    }
  });

  it('holds at least 62 questions, at least 5 in every category and at least 6 easy ones', () => {
    expect(bank.questions.length).toBeGreaterThanOrEqual(62);
    const counts = Object.fromEntries(CATEGORIES.map((category) => [category, bank.questions.filter((question) => question.category === category).length]));
    for (const category of CATEGORIES) expect(counts[category], category).toBeGreaterThanOrEqual(5);
    expect(bank.questions.filter((question) => question.difficulty === 'easy').length).toBeGreaterThanOrEqual(6);
  });

  it('is listed whole by mldrill list, one line per question', async () => {
    const io = fakeIo({ env: { MLDRILL_HOME: fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-home-')) } });
    expect(await main(['list'], io)).toBe(0);
    const ids = io.out().trimEnd().split('\n').map((line) => line.split('\t')[0]);
    expect(ids).toEqual(bank.questions.map((question) => question.id));
  });

  it.each(Object.entries(SEED_QUESTIONS))('has the seed question %s (%s)', (id) => {
    expect(byId.has(id)).toBe(true);
  });

  it.each(bank.questions.map((question) => [question.id, question] as const))('%s meets the content bar', (_, question) => {
    const rubric = bank.rubrics.get(question.rubric)!;
    expect(question.tags?.length ?? 0).toBeGreaterThan(0);
    expect(question.references?.length ?? 0).toBeGreaterThan(0);
    expect(question.followups?.length ?? 0).toBeGreaterThanOrEqual(3);
    if (question.companies?.length) expect(question.references?.length).toBeGreaterThan(0);
    for (const stage of rubric.stages) {
      const own = question.stages[stage.id];
      expect(own?.hints?.length ?? 0, `${stage.id} hints`).toBeGreaterThanOrEqual(3);
      // At least two of its own (an item that replaces a rubric item counts: it is the question's sharper version).
      expect(own?.checklist?.length ?? 0, `${stage.id} checklist`).toBeGreaterThanOrEqual(2);
      for (const item of own?.checklist ?? []) expect(item.guidance, `${stage.id}.${item.id} guidance`).toBeTruthy();
    }
  });

  // The 2026 lens: a classic question asks, in a hint or a follow-up, whether a foundation model,
  // an LLM or a sequence model belongs in the design (the generative-AI rounds are about one).
  const classic = bank.questions.filter((question) => question.category !== 'generative-ai' && !question.rubric.startsWith('llm-'));
  it.each(classic.map((question) => [question.id, question] as const))('%s asks why or why not a foundation model belongs in the design', (_, question) => {
    const texts = [...Object.values(question.stages).flatMap((stage) => stage.hints ?? []), ...(question.followupDetails ?? []).map((followup) => followup.text)];
    expect(texts.filter((text) => /\b(LLMs?|foundation models?|vision-language|language models?|VLMs?|sequence models?|semantic ids|open-weights)\b/i.test(text))).not.toEqual([]);
  });

  it('gives each question the rubric that fits it: LLM products, LLM training, ML platforms', () => {
    for (const id of ['rag-vector-database', 'customer-support-assistant', 'code-completion-assistant']) expect(byId.get(id)?.rubric).toBe('llm-system-design');
    expect(byId.get('llm-fine-tuning-pipeline')?.rubric).toBe('llm-training');
    for (const id of ['feature-store', 'experimentation-platform', 'model-monitoring-platform', 'training-serving-platform', 'llm-training-infrastructure']) expect(byId.get(id)?.rubric).toBe('ml-platform-design');
  });

  it('ships five rubrics with the same four stages, 6-8 guided items each (#6 asks 6-10; at most 8 keeps a checklist on one screen)', () => {
    expect([...bank.rubrics.keys()].sort()).toEqual(['llm-system-design', 'llm-training', 'ml-platform-design', 'ml-system-design', 'ml-system-design-short']);
    for (const rubric of bank.rubrics.values()) {
      expect(rubric.stages.map((stage) => stage.id)).toEqual(['clarify', 'metrics', 'architecture', 'deep-dive']);
      for (const stage of rubric.stages) {
        expect(stage.checklist.length, `${rubric.id}/${stage.id}`).toBeGreaterThanOrEqual(6);
        expect(stage.checklist.length, `${rubric.id}/${stage.id}`).toBeLessThanOrEqual(8);
        for (const item of stage.checklist) expect(item.guidance, `${rubric.id}/${stage.id}/${item.id}`).toBeTruthy();
        expect(stage.red_flags?.length ?? 0).toBeGreaterThan(0);
      }
    }
    const minutes = (id: string) => bank.rubrics.get(id)!.stages.reduce((sum, stage) => sum + stage.minutes, 0);
    expect(minutes('ml-system-design')).toBe(40);
    expect(minutes('ml-system-design-short')).toBe(30);
  });
});

// The interviewer's side of every shipped question that has it (see README: the fact sheet).
describe('fact sheets and answer keys', () => {
  const withSheets = bank.questions.filter((question) => question.interviewer);

  it('are written for every question of the bank, each with a reference diagram too', () => {
    expect(bank.questions.filter((question) => !question.interviewer).map((question) => question.id)).toEqual([]);
    expect(bank.questions.filter((question) => !question.diagram).map((question) => question.id)).toEqual([]);
  });

  it.each(withSheets.map((question) => [question.id, question] as const))('%s: six facts or more on goal, scale, latency and data or labels', async (_, question) => {
    const facts = question.interviewer!.facts;
    expect(facts.length).toBeGreaterThanOrEqual(6);
    const topics = new Set(facts.map((fact) => fact.topic));
    for (const topic of ['goal', 'scale', 'latency']) expect(topics, topic).toContain(topic);
    expect(topics.has('data') || topics.has('labels')).toBe(true);
    // Specific: the numbers an interviewer would give.
    for (const fact of facts.filter((entry) => entry.topic === 'scale' || entry.topic === 'latency')) expect(fact.answer, fact.id).toMatch(/\d/);
  });

  it.each(withSheets.map((question) => [question.id, question] as const))('%s: every ask phrase reaches its own fact', async (_, question) => {
    const { askInterviewer, compileFacts } = await import('../src/session/interviewer.js');
    const sheet = compileFacts(question.interviewer!.facts);
    for (const fact of question.interviewer!.facts) {
      for (const phrase of fact.ask) expect(askInterviewer(`${phrase}?`, sheet).fact?.id, `"${phrase}"`).toBe(fact.id);
    }
    expect(askInterviewer("What's your favourite colour?", sheet).fact).toBeNull();
    expect(askInterviewer('Can I use Python?', sheet).fact).toBeNull();
  });

  // The ML rounds whose labels sit in a data or privacy fact answer the common wording too.
  it.each(['inflight-movie-recommendations', 'query-autocomplete', 'wake-word-detection', 'rag-vector-database'])('%s: "What ground truth do we have?" is answered, and "what sources are there?" where documents are the data', async (id) => {
    const { askInterviewer, compileFacts } = await import('../src/session/interviewer.js');
    const sheet = compileFacts(byId.get(id)!.interviewer!.facts);
    expect(askInterviewer('What ground truth do we have?', sheet).fact).not.toBeNull();
    if (id === 'rag-vector-database') expect(askInterviewer('What sources are there?', sheet).fact?.id).toBe('corpus');
  });

  // The clarifying questions every round hears, in the words candidates use: each gets a fact.
  it.each(withSheets.map((question) => [question.id, question] as const))('%s: answers "What data is available?", the goal, the users, the latency', async (_, question) => {
    const { askInterviewer, compileFacts } = await import('../src/session/interviewer.js');
    const sheet = compileFacts(question.interviewer!.facts);
    for (const asked of ['What data is available?', 'What data do we have?', 'What is the business goal?', 'How many users are there?', 'What is the latency requirement?']) {
      expect(askInterviewer(asked, sheet).fact, asked).not.toBeNull();
    }
  });

  // Questions a candidate asks in their own words whose answer the sheet holds: each once got the
  // neutral reply (the budget sat in a constraints fact, the languages in a traffic one, the phones'
  // hardware nowhere, and no fact said who uses the list or files the tickets).
  it.each([
    ['forum-spam-filter', 'What is the budget?', 'budget'],
    ['forum-spam-filter', 'How much can we spend on this?', 'budget'],
    ['llm-content-moderation', 'What languages do we need to support?', 'volume'],
    ['search-ai-answers', 'What languages do we need to support?', 'traffic'],
    ['llm-assistant-launch-evaluation', 'What languages do we need to support?', 'traffic'],
    ['smart-reply-on-device', 'What hardware do we have?', 'footprint'],
    ['it-helpdesk-agent', 'Who are the users?', 'requesters'],
    ['churn-risk-list', 'Who are the users?', 'users'],
    ['churn-risk-list', 'Who will use this list?', 'users'],
  ])('%s: %j is answered from the fact that holds it (%s)', async (id, asked, factId) => {
    const { askInterviewer, compileFacts } = await import('../src/session/interviewer.js');
    expect(askInterviewer(asked, compileFacts(byId.get(id)!.interviewer!.facts)).fact?.id).toBe(factId);
  });

  it.each(withSheets.map((question) => [question.id, question] as const))('%s: answer keys on every follow-up, two or more with a when', (_, question) => {
    const followups = question.followupDetails ?? [];
    for (const followup of followups) expect(followup.answer?.length, followup.text).toBeGreaterThanOrEqual(2);
    for (const followup of followups) expect(followup.answer!.length, followup.text).toBeLessThanOrEqual(4);
    expect(followups.filter((followup) => followup.when).length).toBeGreaterThanOrEqual(2);
  });
});
