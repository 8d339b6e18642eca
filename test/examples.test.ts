// The example answers prove the grader: a weak answer cannot score well, a strong answer that
// misses the point cannot either, and a strong one scores high. Run over the whole bank.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { baseBank, loadBank, QUESTION, writeBank } from './helpers/bank.js';
import { EXAMPLE_KINDS } from '../src/bank/schema.js';
import { exampleLines, MAX_CORE, STRONG_LINES } from '../src/bank/scoring-checks.js';
import { main } from '../src/main.js';
import { gradeExample, gradeNotes } from '../src/score/grade.js';
import { buildInterview } from '../src/session/interview.js';
import { fakeIo } from './helpers/fake-io.js';

const bank = loadBank(process.cwd(), {});

/** The YAML files of test/fixtures/<folder>, parsed, with their names, in name order. */
function fixtureFiles(folder: string): Array<[string, unknown]> {
  const dir = path.join(import.meta.dirname, 'fixtures', folder);
  return fs.readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort().map((name) => [name, parse(fs.readFileSync(path.join(dir, name), 'utf8'))]);
}
const fixtures = (folder: string) => fixtureFiles(folder).map(([, content]) => content);
const withExamples = bank.questions.filter((question) => question.examples);
const cases = withExamples.flatMap((question) => EXAMPLE_KINDS.filter((kind) => question.examples![kind]).map((kind) => [question.id, kind, question] as const));

describe('example answers over the bank', () => {
  it('exist for every question of the bank', () => {
    expect(bank.questions.filter((question) => !question.examples).map((question) => question.id)).toEqual([]);
  });

  it.each(cases)('%s: the %s example grades in its range', (_, kind, question) => {
    const graded = gradeExample(buildInterview(question, bank.rubrics.get(question.rubric)!), kind, question.examples![kind]!);
    if (kind === 'weak') expect(graded.grade.score).toBeLessThanOrEqual(25);
    if (kind === 'strong') expect(graded.grade.score).toBeGreaterThanOrEqual(70);
    if (kind === 'offpoint') expect(graded.grade.score).toBeLessThanOrEqual(60);
    expect(graded.inRange).toBe(true);
  });

  it.each(withExamples.map((question) => [question.id, question] as const))('%s: 1-3 core items, a strong, a weak and an off-point example, the strong one 15-40 lines', (_, question) => {
    const core = Object.values(question.stages).flatMap((stage) => stage.checklist ?? []).filter((item) => item.core);
    expect(core.length).toBeGreaterThanOrEqual(1);
    expect(core.length).toBeLessThanOrEqual(MAX_CORE);
    expect(question.examples!.strong).toBeDefined();
    expect(question.examples!.weak).toBeDefined();
    // A thorough answer that misses the point proves the cap on every question, not only on some.
    expect(question.examples!.offpoint).toBeDefined();
    const lines = exampleLines(question.examples!.strong!.notes);
    expect(lines).toBeGreaterThanOrEqual(STRONG_LINES.min);
    expect(lines).toBeLessThanOrEqual(STRONG_LINES.max);
  });
});

describe('the strong answer as a model answer', () => {
  it('mldrill show <id> --answer prints it under each stage title; without --answer, a pointer', async () => {
    const io = fakeIo();
    expect(await main(['show', 'inflight-movie-recommendations', '--answer'], io)).toBe(0);
    expect(io.out()).toContain('What a strong answer covers\n  Clarify the problem\n    - Goal: passengers finish titles they enjoy;');
    expect(io.out()).toContain('\n  Design the data, model and serving path\n    - Labels: seat logs');
    // Wrapped like the hints, to the width (80 columns in a pipe), continuation lines under the text.
    expect(io.out().split('\n').filter((line) => line.length > 80)).toEqual([]);
    expect(io.out()).toMatch(/\n {4}- Goal: [^\n]+\n {6}\S/);
    const plain = fakeIo();
    await main(['show', 'inflight-movie-recommendations'], plain);
    expect(plain.out()).toContain('Hints: mldrill show inflight-movie-recommendations --hints\nWhat a strong answer covers: mldrill show inflight-movie-recommendations --answer\n');
    // After the hints themselves, the pointer is a paragraph of its own.
    const hints = fakeIo();
    await main(['show', 'inflight-movie-recommendations', '--hints'], hints);
    expect(hints.out()).toMatch(/\n {4,}\S[^\n]*\n\nWhat a strong answer covers: mldrill show inflight-movie-recommendations --answer\n/);
  });

  it('show --json --answer adds the strong answer by stage; without --answer the JSON is as before', async () => {
    const io = fakeIo();
    expect(await main(['show', 'inflight-movie-recommendations', '--json', '--answer'], io)).toBe(0);
    const { answer, ...rest } = JSON.parse(io.out()) as { answer: Array<{ stage: string; title: string; notes: string[] }> };
    expect(answer.map((stage) => stage.stage)).toEqual(['clarify', 'metrics', 'architecture', 'deep-dive']);
    expect(answer[0]!.title).toBe('Clarify the problem');
    expect(answer[0]!.notes[0]).toMatch(/^Goal: passengers finish titles they enjoy;/);
    expect(answer[2]!.notes).toContain(bank.questions.find((question) => question.id === 'inflight-movie-recommendations')!.examples!.strong!.notes.architecture!.split('\n')[0]!.replace(/^- /, ''));
    const plain = fakeIo();
    await main(['show', 'inflight-movie-recommendations', '--json'], plain);
    expect(JSON.parse(plain.out())).toEqual(rest);
  });

  it('keeps the nesting of a list in the notes: sub-items under their item, numbers as written, a line of prose as a line', async () => {
    const notes = [
      'What matters first.',
      '- Scale: 50M daily users',
      '  - peak 40k requests/s, a long enough sub-item to wrap at the width of a pipe, under its own text',
      '    and its second line',
      '  1. first step',
      '  2) second step',
      '* Labels: clicks',
    ].join('\n');
    const bankDir = writeBank(baseBank({ 'questions/recommendation/feed.yaml': `${QUESTION}examples:\n  strong:\n    notes:\n      clarify: |\n${notes.replace(/^/gm, '        ')}\n` }));
    const io = fakeIo();
    expect(await main(['show', 'feed', '--answer', '--bank', bankDir], io)).toBe(0);
    expect(io.out()).toContain([
      '  Clarify',
      '    What matters first.',
      '    - Scale: 50M daily users',
      '      - peak 40k requests/s, a long enough sub-item to wrap at the width of a',
      '        pipe, under its own text',
      '        and its second line',
      '      1. first step',
      '      2) second step',
      '    - Labels: clicks',
    ].join('\n'));
    const markdown = fakeIo();
    expect(await main(['show', 'feed', '--answer', '--bank', bankDir, '--format', 'markdown'], markdown)).toBe(0);
    expect(markdown.out()).toContain([
      '_Clarify_',
      '',
      'What matters first.',
      '',
      '- Scale: 50M daily users',
      '  - peak 40k requests/s, a long enough sub-item to wrap at the width of a pipe, under its own text',
      '    and its second line',
      '  1. first step',
      '  2) second step',
      '- Labels: clicks',
    ].join('\n'));
  });

  it('keeps lines of prose apart in Markdown, which would join them into one paragraph', async () => {
    const notes = ['Goal: revenue', 'Metric: CTR', 'Title', '===', '- an item'].join('\n');
    const bankDir = writeBank(baseBank({ 'questions/recommendation/feed.yaml': `${QUESTION}examples:\n  strong:\n    notes:\n      clarify: |\n${notes.replace(/^/gm, '        ')}\n` }));
    const markdown = fakeIo();
    expect(await main(['show', 'feed', '--answer', '--bank', bankDir, '--format', 'markdown'], markdown)).toBe(0);
    // "===" under a line would make that line a heading.
    expect(markdown.out()).toContain(['_Clarify_', '', 'Goal: revenue', '', 'Metric: CTR', '', 'Title', '', '===', '', '- an item'].join('\n'));
  });

  it('stops indenting a deeply nested list at half the width: every item stays whole and on the screen', async () => {
    const notes = Array.from({ length: 45 }, (_, depth) => `${'  '.repeat(depth)}- level ${depth}`).join('\n');
    const bankDir = writeBank(baseBank({ 'questions/recommendation/feed.yaml': `${QUESTION}examples:\n  strong:\n    notes:\n      clarify: |\n${notes.replace(/^/gm, '        ')}\n` }));
    const io = fakeIo();
    expect(await main(['show', 'feed', '--answer', '--bank', bankDir], io)).toBe(0);
    const lines = io.out().split('\n');
    expect(lines.filter((line) => line.length > 80)).toEqual([]);
    // Level 19 is the last to move right (4 + 2 * 19 = 42 columns in); the deeper ones stand under it.
    expect(lines).toContain(`${' '.repeat(42)}- level 19`);
    expect(lines).toContain(`${' '.repeat(42)}- level 44`);
  });

  it('says so for a question without one', async () => {
    const id = bank.questions.find((question) => !question.examples?.strong)?.id;
    if (!id) return;
    const io = fakeIo();
    await main(['show', id, '--answer'], io);
    expect(io.out()).toContain('What a strong answer covers\n  This question has no strong example answer yet.\n');
  });
});

// Generic vocabulary with no insight: what a candidate who memorised the buzzwords writes for any
// question. It must never tick a question's core item, and never score like a real answer.
const BUZZWORDS = {
  'classic ML': [
    'what is the business goal? how many users, what scale, what latency?',
    'offline metrics like AUC and NDCG, then an A/B test online',
    'two tower retrieval then a ranker, maybe a transformer or a deep model',
    'store features in a feature store, embeddings in a vector database',
    'train on logs with labels, serve online with a cache',
    'monitor drift and retrain, roll out with a canary, add a fallback',
    'use an LLM where it helps',
  ],
  'generative AI': [
    'what is the goal, how many users, what latency and budget?',
    'use LLM-as-a-judge and a golden set, track cost and latency, then an A/B test',
    'an LLM with RAG over a vector database, fine-tune with LoRA, prompt templates',
    'add guardrails, cache responses, route easy requests to a small model',
    'monitor hallucinations and drift, red-team it, canary rollout, fallback to a human',
  ],
  // The same vocabulary in sentences: each term written once ticks one item at most.
  'prose': [
    'I would start by clarifying the business goal and the scale, then pick a baseline and a metric.',
    'We would use a two-tower model with embeddings and a feature store, and then a transformer ranker.',
    'We would evaluate with NDCG and AUC offline and run an A/B test online, watching guardrails.',
    'We would monitor drift and retrain regularly, with canary rollout and rollback, and check calibration.',
    'We would handle cold start with popularity and think about privacy, fairness and position bias.',
    'We would estimate capacity and latency, and use caching and GPUs where needed.',
  ],
  // Bare terms, one after another: a list ticks nothing however many items' keywords it names.
  'listed': [
    'We use transformers, embeddings, two-tower retrieval, a feature store, Kafka, Spark, A/B testing,',
    'NDCG, AUC, precision recall, cold start, exploration exploitation, bandits, LLM, RAG, fine-tuning,',
    'monitoring, drift, latency, scalability, microservices, GPUs, quantization, distillation, caching,',
    'privacy, fairness, bias, calibration, logistic regression baseline, gradient boosting, deep learning,',
    'online learning, real-time features, batch features, data pipeline, label leakage, position bias.',
    '- auction',
    '- knapsack',
    '- viewing budget',
    '- define new',
    '- guardrails',
  ],
};

describe('a buzzword answer', () => {
  const answers = Object.entries(BUZZWORDS);
  it.each(bank.questions.flatMap((question) => answers.map(([name, lines]) => [question.id, name, question, lines] as const)))('%s: the %s buzzwords tick no core item and score at most 35%', (_, _name, question, lines) => {
    const grade = gradeNotes(buildInterview(question, bank.rubrics.get(question.rubric)!), lines.join('\n'));
    const core = grade.stages.flatMap((stage) => stage.items).filter((item) => item.core && item.met).map((item) => `${item.id} by "${item.evidence}"`);
    expect(core).toEqual([]);
    expect(grade.score).toBeLessThanOrEqual(35);
  });

  // Repeating the question back is not an insight: the prompt's own words tick no core item.
  it.each(bank.questions.map((question) => [question.id, question] as const))('%s: the title and prompt repeated back tick no core item', (_, question) => {
    const grade = gradeNotes(buildInterview(question, bank.rubrics.get(question.rubric)!), `${question.title}\n${question.prompt}`);
    expect(grade.stages.flatMap((stage) => stage.items).filter((item) => item.core && item.met).map((item) => `${item.id} by "${item.evidence}"`)).toEqual([]);
    expect(grade.score).toBeLessThanOrEqual(15);
  });
});

// Everyday phrases that once met a core keyword: `on board` (boarding), `zero-shot` (ZeRO),
// `spelling correction`, a `pricing page`, `incremental training`, a `moderator`, `edge cases`,
// `per user`, `first stage`, `same model`, `cost function`, `proxy metric`, `both sides`,
// `model size`, `batch size`, `completion rate` (the naive label the item corrects), `which queries`,
// a `lift` in retention, an `audit` log, index `freshness`, a video `clip`.
const EVERYDAY: Array<[string, string]> = [
  ['inflight-movie-recommendations', '- The ranker runs on board, on the plane server; the model stays on board for the whole flight.'],
  ['llm-training-infrastructure', '- Zero-shot evals after each checkpoint; zero downtime when a node is swapped.'],
  ['search-ad-click-prediction', '- Query spelling correction before matching ads; advertisers come from the pricing page.'],
  ['push-notifications', '- Incremental training of the open model every night on the new logs.'],
  ['qa-answer-ranking-duplicates', '- A moderator can edit any answer; rank answers by votes and author reputation.'],
  ['pedestrian-detection-autonomous-driving', '- We need to handle edge cases in the pipeline.'],
  ['rag-vector-database', '- Traffic: 20 queries per user a day.'],
  ['wake-word-detection', '- In the first stage I want to clarify the goal; in the second stage, the metrics.'],
  ['duplicate-product-listings', '- Use the same model for titles and images.'],
  ['delivery-dispatch-matching', '- Train the ETA model with a cost function that penalises lateness.'],
  ['listing-price-suggestions', '- Bookings are a proxy metric for revenue; we never see the host costs.'],
  ['dynamic-pricing', '- Riders and drivers are both sides of the app.'],
  ['text-to-image-feature', '- Users on both sides of the Atlantic.'],
  ['code-completion-assistant', '- Model size matters for quality.'],
  ['llm-chat-serving', '- Continuous batching with a large batch size.'],
  ['short-video-for-you-feed', '- Online metric: completion rate and watch time.'],
  ['search-ai-answers', '- Which queries are slowest today?'],
  ['people-you-may-know', '- Ranking runs on both sides of the cache.'],
  ['churn-risk-list', '- We expect a lift in retention from the A/B test.'],
  ['ads-relevance-quality', '- Keep an audit log of model versions.'],
  ['rag-vector-database', '- Index freshness: re-index the wiki nightly.'],
  ['video-search', '- Feature: clip length and upload time.'],
  ['credit-limit-fair-lending', '- Look at the shape of the score distribution per segment.'],
  ['also-bought', '- A/B test: we expect a 2% lift in add-to-cart.'],
  ['house-price-estimate', '- Evaluate with a time-based split, train on older sales.'],
  ['social-feed-ad-click-prediction', '- Train the click model with log loss.'],
  // An AWS Lambda, a lift in conversion, CSAT, an audit log, two models compared, Flink, a scale
  // question, a random sample, a feature's sale date, a user's price range, PSI, the accepted answer
  // as the label, a bid, images per day, any two-stage design, an SLA, a confidence threshold,
  // noisy labels, a quantised model, a thumbnail, log loss, refunds, a short-lived cache, tensor
  // parallelism, time to first token alone, candidate retrieval.
  ['ad-budget-pacing', '- Serve the bidder on AWS Lambda behind an API gateway.'],
  ['also-bought', '- We expect a lift in conversion from the widget; embed products and compare them by cosine similarity.'],
  ['customer-support-assistant', '- Metrics: CSAT and handle time; keep an audit log of every answer.'],
  ['fake-account-detection', '- Train two models and compare them offline.'],
  ['feature-store', '- Streaming features in Flink, batch features in Spark.'],
  ['forum-spam-filter', '- How many posts a day?'],
  ['harmful-content-detection', '- Take a random sample of posts for labelling.'],
  ['house-price-estimate', '- Features: sale date, square footage, bedrooms; a time-based split; filter by the buyer\'s price range.'],
  ['model-monitoring-platform', '- Compute PSI on every feature; traffic has seasonality.'],
  ['qa-answer-ranking-duplicates', '- Label: the accepted answer is the positive.'],
  ['search-ad-click-prediction', '- Advertisers bid on keywords, and ads are chosen by an auction.'],
  ['text-to-image-feature', '- Scale: 5 million images per day.'],
  ['wake-word-detection', '- A two-stage retrieval and ranking pipeline for the voice search results.'],
  ['demand-forecasting', '- The service level agreement is 99.9% uptime.'],
  ['llm-content-moderation', '- Embedding similarity search over posts; auto-action above a confidence threshold.'],
  ['support-ticket-router', '- The labels are noisy labels.'],
  ['visual-search', '- Quantise the model for faster inference.'],
  ['youtube-video-recommendations', '- Show the thumbnail; use a multimodal model.'],
  ['social-feed-ad-click-prediction', '- Train with log loss.'],
  ['eta-prediction', '- Customers get refunds for a late arrival.'],
  ['event-recommendations', '- A short-lived cache of results.'],
  ['llm-chat-serving', '- Track time to first token; tensor parallel across 8 GPUs with 80 GB HBM each.'],
  ['video-game-recommendations', '- The store must handle refunds.'],
  ['bug-reporting-system', '- Candidate retrieval then ranking.'],
  ['duplicate-product-listings', '- Sellers who are blocked cannot post again.'],
  ['newsfeed-ranking', '- A multi-task model with shared layers.'],
];

// Competent answers that never reach the question's point: the generic words they share with a
// core item's keywords (`landing`, `constraint`, `leakage`, `category`, `distribution`, `chargeback`,
// `multi-label`, `augmentation`) tick no core item.
const MISSED_POINT: Array<[string, string[]]> = [
  ['inflight-movie-recommendations', [
    '## clarify',
    '- Who are the users: passengers on long-haul flights, about 300 per plane, 2,000 flights a day.',
    '- Goal: increase engagement with the entertainment system; catalogue of 800 movies refreshed monthly.',
    '- Constraints: no internet in the air, the model must run on the seatback hardware or the plane server.',
    '## metrics',
    '- Offline: recall@20 and NDCG@10 on held-out viewing logs; online: watch starts per passenger, completion rate.',
    '- Guardrail: latency under 200 ms on the onboard server.',
    '## architecture',
    '- Candidate generation with item-item collaborative filtering trained on the ground, then a GBDT ranker.',
    '- Features: passenger demographics from the booking, route, time of day, seat class, language.',
    '- Cold start for new movies: content embeddings from synopsis and genre.',
    '- Models are shipped to the plane before departure; logs uploaded after landing for retraining.',
    '## deep-dive',
    '- Ranker: gradient boosted trees, 200 features, trained daily, calibrated with isotonic regression.',
    '- Failure modes: stale model if upload fails, fall back to popularity per route.',
    '- Monitoring: click-through and completion per route, drift on feature distributions.',
  ]],
  ['ecommerce-product-search', [
    '## clarify',
    '- Users search a catalogue of 50M products; 2,000 queries a second at peak; p99 300 ms.',
    '- Goal: more purchases per search session without hurting returns.',
    '## metrics',
    '- Offline NDCG@10 on logged sessions with clicks as labels; online: purchase rate per search, revenue per search.',
    '## architecture',
    '- Retrieval: BM25 plus a two-tower embedding model, 1,000 candidates, then a GBDT ranker with 300 features.',
    '- Features: product category, brand, price, attributes, reviews, query-product text match, user history.',
    '- Labels: clicks and purchases from search logs, time-based split to avoid leakage.',
    '## deep-dive',
    '- Ranker trade-off: GBDT is cheap (2 ms for 1,000 items) versus a cross-encoder at 40 ms; distil later.',
    '- Failure modes: empty results fall back to BM25; monitoring of CTR and zero-result rate.',
  ]],
  ['feature-store', [
    '- Users: 40 ML teams; 5,000 features; online reads p99 10 ms at 200k reads a second.',
    '- Offline store in the lakehouse (Parquet), online store in Redis; materialisation jobs every hour.',
    '- Training sets built from the offline store with no leakage; same feature code online and offline.',
    '- Registry with owners, versions, lineage; monitoring of freshness and null rates.',
  ]],
  ['payment-fraud-detection', [
    '- Score every card payment at checkout, 3,000 payments a second at peak, p99 under 100 ms.',
    '- Labels from chargebacks and confirmed fraud reports; features: amount, merchant, device, velocity counts, geolocation.',
    '- GBDT with 500 features, then a neural model; class imbalance handled by downsampling negatives.',
    '- Offline PR-AUC and recall at 1% false positive rate; A/B test on approval rate; monitoring drift and a rules fallback.',
  ]],
  ['harmful-content-detection', [
    '- 500M posts a day; a multi-label classifier over text and images, fine-tuned from a multimodal encoder.',
    '- Labels from user reports and reviewers; PR-AUC per class offline; thresholds for auto-removal and review.',
    '- Human review queue for uncertain cases; appeals; monitoring drift and adversarial spelling.',
  ]],
  ['visual-search', [
    '- Users upload a photo and see similar products; 100M images in the catalogue, p99 200 ms.',
    '- Pretrained CNN backbone, fine-tuned on our images with data augmentation (crops, colour jitter).',
    '- Embeddings indexed with an ANN index; re-rank top 100 with a GBDT on price and popularity.',
    '- Offline precision@10 from labelled pairs; online click-through; monitoring of embedding drift.',
  ]],
  ['eta-prediction', [
    '- Predict delivery time for 5M orders a day; GBDT on distance, traffic, restaurant prep time, courier supply.',
    '- Evaluate MAE and the distribution of errors by city; A/B test the new model.',
  ]],
  ...EVERYDAY.map(([id, line]): [string, string[]] => [id, [line]]),
  // More of them, by batch of questions: question id -> answers (Markdown notes).
  ...fixtures('missed-point').flatMap((byQuestion) => Object.entries(byQuestion as Record<string, string[]>).flatMap(([id, answers]) => answers.map((answer): [string, string[]] => [id, answer.split('\n')]))),
];

describe('a competent answer that misses the point', () => {
  it.each(MISSED_POINT)('%s: ticks no core item and scores at most 60%', (id, lines) => {
    const question = bank.questions.find((candidate) => candidate.id === id)!;
    const grade = gradeNotes(buildInterview(question, bank.rubrics.get(question.rubric)!), lines.join('\n'));
    expect(grade.stages.flatMap((stage) => stage.items).filter((item) => item.core && item.met).map((item) => `${item.id} by "${item.evidence}"`)).toEqual([]);
    expect(grade.score).toBeLessThanOrEqual(60);
  });
});

describe('the diagram item', () => {
  // Every answer has an architecture; naming it as a heading draws nothing.
  it.each(['youtube-video-recommendations', 'also-bought'])('%s: "architecture:" as a heading does not tick it, a diagram does', (id) => {
    const question = bank.questions.find((candidate) => candidate.id === id)!;
    const met = (notes: string) => gradeNotes(buildInterview(question, bank.rubrics.get(question.rubric)!), notes).stages.flatMap((stage) => stage.items).find((item) => item.id === 'diagram')!.met;
    expect(met('architecture: two tower retrieval then a ranker')).toBe(false);
    expect(met('Diagram: clients -> gateway -> ranker -> feature store')).toBe(true);
  });
});

// A template answer's generic lines tick no question item by another sense of a word (roll out,
// canary rollout, normalise features, a deploy rollback) or by a word every answer has (batch,
// version, weeks, proxy, retrain); the question's own insight, said plainly, still does.
describe("a question's own items and a template answer's words", () => {
  const met = (id: string, item: string, notes: string) => {
    const question = bank.questions.find((candidate) => candidate.id === id)!;
    return gradeNotes(buildInterview(question, bank.rubrics.get(question.rubric)!), notes).stages.flatMap((stage) => stage.items).find((entry) => entry.id === item)!.met;
  };
  it.each([
    ['inflight-movie-recommendations', 'replan-in-flight', 'Roll out with shadow mode, then a canary, rolling back if metrics drop.', 'A rolling plan: re-score the remaining minutes after each title.'],
    ['inflight-movie-recommendations', 'delayed-log-upload', 'Batch inference for the candidates; version 2 of the API.', 'Batch retraining on the logs the aircraft uploads after landing.'],
    ['fraudulent-listing-detection', 'label-maturity', 'Retrain weekly; new hosts get a proxy IP check.', 'Labels take weeks to arrive, so train on windows old enough to mature.'],
    ['fraudulent-listing-detection', 'probing-defence', 'Monitor drift and retrain.', 'Fraudsters adapt to the threshold, so delay the action on a flagged listing.'],
    ['smart-reply-on-device', 'memorisation-risk', 'Roll out to 1% as a canary, then ramp.', 'Insert canary phrases into the training data and test whether the model completes them.'],
    ['new-language-translation', 'input-modality-script', 'Clean the data and normalise the features.', 'Text normalization of the script variants before training.'],
    ['llm-training-infrastructure', 'silent-errors', 'Roll back the deploy if the metrics drop.', 'On a loss spike, roll back to the last checkpoint and skip the bad batches.'],
    ['email-spam-filtering', 'evasion-robustness', 'Monitor drift and retrain the model.', 'Spammers swap letters for homoglyphs; normalise them before the classifier.'],
  ])('%s: %s is not met by a generic line, and is by its own insight', (id, item, generic, own) => {
    expect(met(id, item, generic)).toBe(false);
    expect(met(id, item, own)).toBe(true);
  });
});

describe('the quantified items: the scale and the capacity estimate', () => {
  const question = bank.questions.find((candidate) => candidate.id === 'youtube-video-recommendations')!;
  const met = (id: string, notes: string) => gradeNotes(buildInterview(question, bank.rubrics.get(question.rubric)!), notes).stages.flatMap((stage) => stage.items).find((item) => item.id === id)!.met;
  // Naming the hardware, the traffic or a cadence is not sizing anything: a number on the line is.
  it.each([
    ['capacity-estimate', 'Train the ranker on GPUs and serve it on GPUs.', false],
    ['capacity-estimate', 'Retrain the model once per day.', false],
    ['capacity-estimate', 'Serve it on a few machines.', false],
    ['capacity-estimate', '3,500 requests per second at peak x 500 candidates = 1.75M scores per second', true],
    ['capacity-estimate', 'training takes ~2,000 GPU-hours a week', true],
    ['capacity-estimate', 'Thirty machines per region, each scoring a few thousand candidates per second.', true],
    ['capacity-estimate', 'Rough math: 30k new videos an hour x 100 impressions each is 3M impressions an hour.', true],
    ['capacity-estimate', 'Do some rough math later.', false],
    ['scale-latency', 'Two billion users; the home page answers within 200 milliseconds.', true],
    ['scale-latency', 'What is the peak traffic?', false],
    ['scale-latency', 'Goal: daily active users or opens?', false],
    ['scale-latency', 'Peak 1M QPS on the home feed', true],
    ['scale-latency', 'two billion daily active users', true],
    ['scale-latency', 'How big is the peak?\nAbout 40k a second.', false],
    // A numbered list's marker counts the notes' lines, not users.
    ['scale-latency', '1. What is the peak traffic?\n2. How many daily active users?', false],
    ['scale-latency', '(1) peak QPS?\n 2) daily active users?', false],
    ['scale-latency', '1. Peak 40k QPS on the home feed', true],
    ['scale-latency', '1.5 billion users', true],
    ['capacity-estimate', 'Sixty machines per region, ninety in the largest.', true],
  ])('%s, %j: met %s', (id, notes, expected) => {
    expect(met(id, notes)).toBe(expected);
  });
});

// A strong candidate states the core insight in their own words, not the bank's: each statement
// in test/fixtures/own-words/*.yaml says one plainly (a review queue rather than deletion, the team
// that closed the ticket, permissions no wider than the requester's) and must tick its core item
// (or, in rubric-*.yaml, the shared rubric's item).
describe('a core insight in the candidate\'s own words', () => {
  const statements = fixtureFiles('own-words').flatMap(([name, content]) => {
    const byQuestion = content as Record<string, Record<string, string[]>>;
    // rubric-*.yaml holds the shared rubrics' items (met through any question of the rubric), the others core items.
    const core = !name.startsWith('rubric-');
    return Object.entries(byQuestion).flatMap(([id, items]) => Object.entries(items).flatMap(([itemId, said]) => said.map((notes) => [id, itemId, notes, core] as const)));
  });
  const meets = (id: string, itemId: string, notes: string) => {
    const question = bank.questions.find((candidate) => candidate.id === id);
    expect(question, `no question ${id}`).toBeDefined();
    return gradeNotes(buildInterview(question!, bank.rubrics.get(question!.rubric)!), notes).stages.flatMap((stage) => stage.items).find((item) => item.id === itemId);
  };
  it.each(statements)('%s: %s is met by %j', (id, itemId, notes, core) => {
    const item = meets(id, itemId, notes);
    expect(item, `${id} has no item ${itemId}`).toBeDefined();
    if (core) expect(item!.core, `${itemId} is no core item of ${id}`).toBe(true);
    expect(item!.met).toBe(true);
  });
});
