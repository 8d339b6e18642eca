// The interviewer's matcher: paraphrases of each topic must reach the right fact, and questions
// about nothing on the sheet must get the neutral reply.
import { describe, expect, it } from 'vitest';
import { FACT_TOPICS } from '../src/bank/categories.js';
import type { Fact } from '../src/bank/schema.js';
import { loadBank } from './helpers/bank.js';
import { askInterviewer, compileFacts, coveredFacts, matchFact, NEUTRAL_REPLY, uncoveredFacts } from '../src/session/interviewer.js';

/** A feed's fact sheet with one fact per topic, and a second scale fact to tell apart. */
const FEED: Fact[] = [
  { id: 'goal', topic: 'goal', ask: ['what is the goal', 'what are we optimizing for', 'what does success look like'], answer: 'Grow meaningful engagement: daily sessions per user, not raw clicks.' },
  { id: 'who', topic: 'users', ask: ['who are the users', 'which users is this for'], answer: 'Everyone with an account; a third of them are new this year.' },
  { id: 'users-count', topic: 'scale', ask: ['how many users', 'how many daily active users', 'how much traffic', 'how big is the user base'], answer: 'About 200 million daily users; the feed is requested 5 billion times a day.' },
  { id: 'posts-count', topic: 'scale', ask: ['how many posts', 'how many new posts a day', 'size of the inventory'], answer: 'Around 1 billion new posts a day; a user has about 2,000 eligible candidates.' },
  { id: 'latency', topic: 'latency', ask: ['what is the latency budget', 'how fast must the feed load'], answer: 'p99 under 200 ms for the whole page; ranking gets 80 ms of it.' },
  { id: 'surface', topic: 'surface', ask: ['where is the feed shown', 'mobile or web'], answer: 'The home tab of the mobile app, 85% of views; the web feed is the rest.' },
  { id: 'data', topic: 'data', ask: ['what data do we have', 'what is logged', 'do we have interaction logs'], answer: 'Two years of impression and interaction logs, plus the social graph.' },
  { id: 'labels', topic: 'labels', ask: ['do we have labels', 'what counts as a positive', 'is there ground truth'], answer: 'Only implicit feedback: likes, comments, shares, dwell; a daily survey of 50,000 users.' },
  { id: 'constraints', topic: 'constraints', ask: ['is there an existing system', 'what does the team have today'], answer: 'Today the feed is a hand-tuned logistic regression; the team has a feature store.' },
  { id: 'privacy', topic: 'privacy', ask: ['any privacy restrictions', 'can we use private messages'], answer: 'No message content; EU users who opt out of personalisation get a chronological feed.' },
  { id: 'cost', topic: 'cost', ask: ['what is the compute budget', 'how much can we spend on serving'], answer: 'Ranking may cost at most 2 GPU-milliseconds per request.' },
  { id: 'scope', topic: 'scope', ask: ['what is in scope', 'should I cover ads', 'do we rank comments too'], answer: 'Organic posts only; ads are blended by another team.' },
];

const PARAPHRASES: Record<string, string[]> = {
  goal: [
    'What is the goal here?', "What's the business objective?", 'What are we optimising for?', 'What does success look like for this feed?',
    'How do we know the feed is succeeding?', 'Why are we building this?', 'What problem are we solving?', 'What is the north star metric?',
    'What matters most to the business?', 'What is the aim of the new ranking?', 'What are we trying to achieve?',
  ],
  who: [
    'Who are the users?', 'Who uses the feed?', 'Who is it for?', 'What kind of users do we have?', 'Which user segments matter?',
    'Is it for new users or power users?', 'What are the user personas?', 'Who is the target audience?', 'What type of users are we serving?',
    'Tell me about the demographics of the people using it', 'Which customers is this for?',
  ],
  'users-count': [
    'How many users are there?', 'How many people use it?', 'How many daily active users?', 'What is the DAU?', 'How much traffic do we get?',
    'What scale are we talking about?', 'How many requests per second at peak?', 'How big is the user base?', 'Roughly how many customers use the app each day?',
    'What QPS should we plan for?', 'How many members visit daily?',
    // Growth is scale, and the speed of growth too: not latency.
    'How quickly is usage growing?', 'How fast is traffic growing?', 'How fast are we growing?', 'What is the growth rate?', 'Is usage growing quickly?',
    'How quickly is the user base growing?',
  ],
  'posts-count': [
    'How many posts are there?', 'How many new posts a day?', 'How big is the inventory of posts?', 'How many candidate posts per user?',
    'What is the size of the post corpus?', 'Roughly how much content is created daily?', 'How many items do we rank?', 'Number of posts created each day?',
    'How many new videos and posts per day?', 'How large is the content inventory?',
  ],
  latency: [
    'What is the latency budget?', "What's the response time requirement?", 'How fast must the feed load?', 'Is there an SLA on latency?',
    'What p99 do we need?', 'How many milliseconds do we have?', 'Does it need to be real-time?', 'How long can the user wait for the feed?',
    'Can ranking be slow or must it be snappy?', 'What is the time budget for ranking?', 'Any latency constraints?', 'How quickly must results come back?',
  ],
  surface: [
    'Where is the feed shown?', 'Mobile or web?', 'Where does it appear in the app?', 'Which screen shows it?', 'Is it on desktop too?',
    'What does the UI look like?', 'Which page is this on?', 'How is it displayed to the user?', 'Is there a carousel or a vertical list?',
    'What surfaces does it show up on?', 'What is the placement in the interface?',
  ],
  data: [
    'What data do we have?', 'What is logged?', 'Do we have interaction logs?', 'What historical data is available?', 'What signals can we use?',
    'What do we know about users and posts?', 'Which data sources do we have access to?', 'How much history do we keep?', 'What metadata is there for a post?',
    'Do we collect impressions?', 'What datasets exist?',
  ],
  labels: [
    'Do we have labels?', 'Is there ground truth?', 'What counts as a positive?', 'How are examples labelled?', 'Do we have human annotations?',
    'Is there explicit feedback or only implicit?', 'Who labels the data?', 'Are there raters?', 'How do we know a post was interesting?',
    'Do we have any labeled training data?', 'What feedback do users give?',
    // "compute" the verb is not compute the hardware.
    'How do we compute the labels?', 'How is the ground truth computed?',
  ],
  constraints: [
    'Is there an existing system?', 'What does the team have today?', 'What is the current baseline?', 'Any infrastructure constraints?',
    'What is the tech stack?', 'Do we have to reuse the existing infrastructure?', 'What deadline are we working to?', 'What is the timeline?', 'Any legacy systems to integrate with?',
    'What are the constraints?', 'What resources does the team have?',
  ],
  privacy: [
    'Any privacy restrictions?', 'Can we use private messages?', 'Are there GDPR concerns?', 'What about user consent?', 'Can users opt out?',
    'Is there sensitive personal data involved?', 'Do we need to anonymise anything?', 'Any legal or regulatory limits?', 'How long can we retain data?',
    'Are minors on the platform?', 'What PII can we use?',
  ],
  cost: [
    'What is the compute budget?', 'How much can we spend on serving?', 'Is cost a concern?', 'How expensive can the model be?', 'Any budget limits?',
    'What is the cloud bill allowance?', 'Can we afford a large model on every request?', 'How many GPU hours can we use?', 'Does it need to be cheap?',
    'What is the expected return on investment?', 'What are the serving costs today?',
    // Hardware: the cost fact names GPUs; the constraints fact (the system today) does not.
    'Are there hardware limits?', 'Do we have GPUs?', 'How many GPUs can we use?', 'What GPU budget do we have?', 'Can we use GPUs for serving?',
    'How much compute do we get?', 'Do we have TPUs?', 'What accelerators can we use?',
  ],
  scope: [
    'What is in scope?', 'Should I cover ads?', 'Do we rank comments too?', 'What is out of scope?', 'What should the MVP include?',
    'Should I focus on organic posts?', 'Is this for all countries or one region?', 'What goes into the first version?', 'Do we need to handle ads as well?',
    'What should we cover in v1?', 'Which markets do we launch in?',
  ],
};

const OFF_TOPIC = [
  "What's your favourite colour?", 'Can I use Python?', 'Can I use PyTorch or TensorFlow?', 'Do you like your job?', 'What is the weather like today?',
  'Tell me a joke', 'What time is it?', 'Can we take a short break?', 'Who won the game last night?', 'Is gradient boosting a good choice?',
  'Should I draw a diagram first?', 'Can you repeat the question?', 'hello', 'asdf qwerty', 'What is the capital of France?', 'How do I write a for loop?',
  '???', 'Is this interview being recorded?',
  // A bare quantity of something the sheet does not cover is not a question about scale.
  'How big is your office?', 'How large is your office?',
];

describe('the interviewer matcher', () => {
  const sheet = compileFacts(FEED);
  for (const [factId, questions] of Object.entries(PARAPHRASES)) {
    it.each(questions)(`"%s" is answered with ${factId}`, (asked) => {
      expect(matchFact(asked, sheet)?.fact.id).toBe(factId);
    });
  }

  it.each(OFF_TOPIC)('"%s" gets the neutral reply', (asked) => {
    expect(askInterviewer(asked, FEED)).toEqual({ fact: null, answer: NEUTRAL_REPLY });
  });

  it('answers a question about an everyday subject when the sheet talks about it', () => {
    const cafe = compileFacts([{ id: 'orders', topic: 'scale', ask: ['how many orders'], answer: 'About 2 million cups of coffee are ordered a day.' }]);
    expect(matchFact('How many cups of coffee are sold a day?', cafe)?.fact.id).toBe('orders');
    expect(matchFact('How many cups of coffee are sold a day?', sheet)).toBeNull();
  });

  it('takes a bare quantity of something unnamed as scale, of something the sheet does not cover as nothing', () => {
    expect(matchFact('How big is it?', sheet)?.fact.topic).toBe('scale');
    expect(matchFact('How big is your office?', sheet)).toBeNull();
  });

  it('covers every topic with ten or more paraphrases', () => {
    const topics = new Set(FEED.filter((fact) => (PARAPHRASES[fact.id]?.length ?? 0) >= 10).map((fact) => fact.topic));
    expect([...topics].sort()).toEqual([...FACT_TOPICS].sort());
  });

  it('answers with the fact and is the same every time', () => {
    const reply = askInterviewer('What is the p99 latency budget?', FEED);
    expect(reply).toEqual({ fact: FEED[4], answer: FEED[4]!.answer });
    expect(askInterviewer('What is the p99 latency budget?', sheet)).toEqual(reply);
  });

  it('answers nothing from an empty sheet or an empty question', () => {
    expect(askInterviewer('How many users?', []).fact).toBeNull();
    expect(askInterviewer('   ', FEED).fact).toBeNull();
  });

  it('says which facts were uncovered and which not, in sheet order', () => {
    const exchanges = [{ factId: 'latency' }, { factId: null }, { factId: 'goal' }, { factId: 'latency' }];
    expect(coveredFacts(exchanges, FEED).map((fact) => fact.id)).toEqual(['goal', 'latency']);
    expect(uncoveredFacts(exchanges, FEED).map((fact) => fact.id)).toEqual(FEED.map((fact) => fact.id).filter((id) => id !== 'goal' && id !== 'latency'));
  });
});

describe('the report on the fact sheet', async () => {
  const { factReport } = await import('../src/ui/interviewer-report.js');
  it('names the topics uncovered and says what each fact never asked about was', () => {
    const report = factReport(FEED.slice(0, 5), [{ factId: 'latency' }, { factId: null }, { factId: 'goal' }]);
    expect(report).toEqual({
      summary: 'You uncovered 2 of 5 facts, about goal, latency.',
      missed: [
        'You never asked about users: Everyone with an account; a third of them are new this year.',
        'You never asked about scale: About 200 million daily users; the feed is requested 5 billion times a day.',
        'You never asked about scale: Around 1 billion new posts a day; a user has about 2,000 eligible candidates.',
      ],
    });
  });

  it('says when nothing was asked, and nothing without a sheet', () => {
    expect(factReport(FEED.slice(0, 2), [])?.summary).toBe('You asked the interviewer about none of the 2 facts they had.');
    expect(factReport([], [{ factId: 'goal' }])).toBeUndefined();
  });
});

/**
 * Hardware and compute questions on shipped questions: "how many GPUs" asks for hardware, not
 * traffic. Each reaches the fact that names the hardware, else the one about cost, else (a sheet
 * with neither) the neutral reply, never the scale or another topic's fact.
 */
describe('questions about compute, on the shipped bank', () => {
  const bank = loadBank(process.cwd(), {});
  const COMPUTE_QUESTIONS = ['How many GPUs can we use?', 'What GPU budget do we have?', 'Can we use GPUs for serving?', 'What hardware do we have?', 'How much compute do we get?'];
  const EXPECTED: Record<string, string | null> = {
    // A fact naming the hardware, on a sheet that also has scale facts.
    'llm-chat-serving': 'hardware',
    'street-view-blurring': 'compute',
    'code-completion-assistant': 'gpu-budget',
    'pedestrian-detection-autonomous-driving': 'sensors',
    'wake-word-detection': 'power',
    'speech-recognition-voice-assistant': 'devices',
    // No hardware named anywhere: the budget answers.
    'customer-support-assistant': 'llm-cost',
    'new-language-translation': 'serving-cost',
    'search-ai-answers': 'cost',
    // A cost fact that names the hardware, beside a constraints fact about the system today.
    'ad-budget-pacing': 'compute',
    'youtube-video-recommendations': 'compute',
    // Neither (the sheet without its cost fact): the candidate assumes, and the traffic figures
    // are not given instead.
    'ad-budget-pacing without its cost fact': null,
  };
  // A GPU budget is asked of the cost fact where it names GPUs too (the training and serving
  // fleets), beside the fact about the devices' own hardware.
  const BUDGET_FACT: Record<string, string> = { 'pedestrian-detection-autonomous-driving': 'budget', 'speech-recognition-voice-assistant': 'cost' };
  for (const [name, factId] of Object.entries(EXPECTED)) {
    it(`${name}: ${factId ?? 'the neutral reply'}`, () => {
      const [id, without] = name.split(' without its ');
      const facts = bank.questions.find((question) => question.id === id)?.interviewer?.facts.filter((fact) => !without || fact.topic !== 'cost');
      expect(facts, id).toBeDefined();
      const sheet = compileFacts(facts!);
      for (const asked of COMPUTE_QUESTIONS) {
        const reply = askInterviewer(asked, sheet);
        expect(reply.fact?.id ?? null, asked).toBe(asked.includes('budget') ? BUDGET_FACT[name] ?? factId : factId);
        if (!factId) expect(reply.answer).toBe(NEUTRAL_REPLY);
      }
      // Traffic is still scale: "how many" alone is not about hardware.
      expect(askInterviewer('How many requests per second at peak?', sheet).fact?.topic).toBe('scale');
    });
  }
});

/**
 * "How many" of something another topic names (engineers, budget, labels, milliseconds) is that
 * topic's question: on a sheet without such a fact, the neutral reply, never the traffic figures.
 * A quantity of users, data or traffic is still scale's.
 */
describe('how many of what, on the shipped bank', () => {
  const bank = loadBank(process.cwd(), {});
  const sheetOf = (id: string) => compileFacts(bank.questions.find((question) => question.id === id)!.interviewer!.facts);
  it.each([
    'How many engineers are on the team?',
    'How much budget do we have?',
    'How large is the training cluster?',
    'How many slots are there on the page?',
  ])('youtube-video-recommendations: "%s" gets no scale fact', (asked) => {
    expect(askInterviewer(asked, sheetOf('youtube-video-recommendations')).fact?.topic).not.toBe('scale');
  });
  it('youtube-video-recommendations: a question about the team gets the neutral reply, about labels the labels fact', () => {
    const sheet = sheetOf('youtube-video-recommendations');
    expect(askInterviewer('How many engineers are on the team?', sheet)).toEqual({ fact: null, answer: NEUTRAL_REPLY });
    expect(askInterviewer('How many labels do we have?', sheet).fact?.topic).toBe('labels');
  });
  // The size of the user base is the users fact's question, not the corpus fact's ("size of the corpus").
  it.each([
    ['youtube-video-recommendations', 'How large is the user base?', 'daily-users'],
    ['youtube-video-recommendations', 'What is the size of the user base?', 'daily-users'],
    ['youtube-video-recommendations', 'How big is the catalog?', 'corpus'],
    ['newsfeed-ranking', 'How big is our user base?', 'daily-users'],
    ['people-you-may-know', 'How large is the user base?', 'users'],
    ['video-game-recommendations', 'How large is the user base?', 'users'],
    ['llm-chat-serving', 'What model size?', 'models'],
  ])('%s: "%s" gets the %s fact', (id, asked, factId) => {
    expect(askInterviewer(asked, sheetOf(id)).fact?.id).toBe(factId);
  });
  it.each(['How many users do we have?', 'How many videos are there?', 'How big is the dataset?', 'How many teams use it?', 'Roughly how many people use the app each day?'])(
    'youtube-video-recommendations: "%s" is still answered with a scale fact', (asked) => {
      expect(askInterviewer(asked, sheetOf('youtube-video-recommendations')).fact?.topic).toBe('scale');
    });
});

/**
 * Common phrasings that named a topic too weakly to clear the threshold, or were taken for
 * another topic ("latency budget" for money): on every shipped sheet that has the topic, each
 * reaches a fact of that topic.
 */
/** Every shipped question with a fact sheet, as [id, question] rows for it.each. */
const withSheets = () => loadBank(process.cwd(), {}).questions.filter((question) => question.interviewer).map((question) => [question.id, question] as const);

describe('common phrasings, on every shipped question', () => {
  const PHRASINGS: Array<[topic: string, asked: string]> = [
    ['goal', 'What outcome matters most?'], ['data', 'What features can we use?'], ['data', 'What inputs are available?'],
    ['latency', 'Can we precompute results offline?'], ['latency', 'What is the latency budget?'], ['latency', "What's the response time budget?"],
    ['labels', 'What counts as a positive example?'],
    // What a positive is, here: the label's definition, not a term's ("what is a GPU?").
    ['labels', 'What is a positive?'], ['labels', "What's a positive?"],
    // How something works here is the system's, as the speed of light is when it bounds a latency.
    ['constraints', 'How does the current system work here?'], ['labels', 'How do labels work here?'],
    ['latency', 'Does the speed of light add latency across regions?'], ['scope', 'Which regions?'], ['scope', 'Is it global?'], ['scope', 'Should we include ads?'],
    ['constraints', 'What runs today?'], ['constraints', 'What is the current system?'], ['surface', 'How are results presented?'], ['surface', 'What does the user see?'],
    ['privacy', 'Is the data sensitive?'], ['privacy', 'Any regulatory requirements?'], ['users', 'Who will use it?'],
    ['constraints', 'How many engineers do we have?'], ['latency', 'How long can a request take?'],
    // A longer cue of one topic holds a shorter one of another ("how big" in "how big is the team").
    ['constraints', 'How big is the team?'], ['scope', 'Which markets are included?'], ['scope', 'Do we need to support multiple languages?'],
    ['scope', 'What can I leave out?'], ['users', 'Who is going to use this?'], ['users', 'Who is this built for?'],
    ['users', 'Are the users consumers or businesses?'], ['users', "Who's the audience?"], ['privacy', 'What are the compliance requirements?'],
    ['privacy', 'Any GDPR constraints?'], ['privacy', 'Are there legal restrictions?'], ['labels', 'Is there any supervision signal?'],
    ['goal', 'Why does the business care?'], ['goal', 'What problem does this solve for the company?'], ['goal', 'What are we optimizing?'],
    ['goal', "What's the target metric for leadership?"], ['data', 'What data do we have?'],
    ['goal', 'What is the company hoping to get out of this?'], ['goal', 'How will we judge whether this is working?'],
    ['goal', 'What is this meant to improve?'], ['goal', 'What does a good outcome look like?'], ['scale', "What's the request rate?"],
    ['latency', 'Do results need to come back instantly?'], ['latency', "What's our p99 budget?"],
    ['latency', 'What are the latency constraints?'], ['labels', 'Are there explicit ratings?'], ['labels', 'How do we define a positive?'],
    ['data', 'What interaction data is there?'], ['data', 'What user data can we use?'], ['constraints', 'What do we have today?'],
    ['constraints', "What's the current approach?"], ['constraints', 'Is there an existing solution?'], ['scope', 'Is this just for English?'],
    ['scope', 'Should I design the whole thing or one component?'], ['users', 'Who are we building it for?'], ['users', 'Who exactly uses it?'],
    ['privacy', 'How long do we keep user data?'], ['privacy', 'Any legal concerns?'], ['surface', 'Where does the user interact with it?'],
    ['goal', 'What are the business KPIs?'], ['constraints', 'Can you describe the current setup?'], ['constraints', 'What does the current pipeline look like?'],
    ['privacy', "I'd like to know what data we may not use"], ['privacy', 'What does legal say about using this data?'], ['users', 'Tell me about the users'],
    ['users', 'Can you describe the users?'], ['users', 'Who is the primary user?'],
    ['latency', 'Is there a time limit for ranking?'], ['goal', 'What are we trying to maximize?'], ['scope', "What's out of scope for this interview?"],
    ['scale', 'How quickly is usage growing?'], ['scale', 'How fast is traffic growing?'], ['scale', 'How fast are we growing?'],
    // What traffic is counted in is the system's scale, whatever words the sheet gives the figures in.
    ['scale', 'How many requests?'], ['scale', 'How many queries?'], ['scale', 'How many requests do we get?'], ['scale', 'How many queries a day?'],
    // Everyday ways to ask for the goal, the figures and the labels that named their topic too weakly.
    ['goal', 'What metric are we trying to move?'], ['goal', 'What are we trying to improve?'], ['goal', 'Which metric should we optimise?'],
    ['goal', 'Why does this matter to the business?'], ['goal', 'What is the desired outcome?'], ['goal', 'What is the key metric?'],
    ['goal', 'What should the system achieve?'], ['goal', 'What do we care about most?'], ['scale', "What's the user count?"],
    ['scale', "What's the expected load?"], ['scale', 'What order of magnitude are we talking?'], ['scale', 'How many DAUs?'],
    ['latency', 'Must it respond in under 100ms?'], ['latency', 'Online or offline?'], ['latency', 'Does the answer have to come back in under a second?'],
    ['latency', 'Can we take a few seconds?'], ['labels', 'Do we have any ground truth data?'], ['data', 'What kind of data do we have?'],
    ['goal', 'What are we trying to accomplish?'], ['users', 'Who are we designing for?'], ['surface', 'Is this on iOS and Android?'],
    ['surface', 'Where do people encounter it?'], ['surface', 'Where in the product does this live?'], ['latency', 'Can it run offline in batch?'],
    ['surface', 'Which platforms do we support?'], ['surface', 'What platforms does it run on?'],
    ['labels', 'Is there a feedback signal?'], ['constraints', 'Are we starting from scratch?'], ['constraints', 'Do we have an existing model?'],
    ['scope', 'What should I not worry about?'], ['scope', 'Which parts should I design?'],
    // Of two synonyms the stronger cue counts: "log" says data, whatever the weaker "data" before it says.
    ['data', 'What data do we log?'],
    // Load as a noun, the user base, the time a request has, online serving, the target a model
    // learns and what is known about users: each got the neutral reply on every shipped sheet.
    ['scale', 'What kind of load should we expect?'], ['scale', "What's the load?"], ['scale', 'How much load will the system see?'],
    ['scale', "What's our user base?"], ['scale', 'How many candidates are there?'], ['scale', "What's the scale we're designing for?"],
    ['latency', 'How much time do we have per request?'], ['latency', 'How much time does the model have to respond?'],
    ['latency', 'Do predictions need to be online?'], ['latency', 'Does it have to be synchronous?'],
    ['labels', 'What is the target variable?'], ['labels', 'What do we use as the training target?'], ['labels', 'What are we predicting exactly?'],
    ['data', 'What information do we have about users?'],
    // The load time is the time a page takes, not the load: it went to the scale on every shipped sheet.
    ['latency', "What's the load time?"], ['latency', 'How long is the loading time?'], ['latency', 'What are the load times like?'],
  ];
  it.each(withSheets())('%s', (_, question) => {
    const facts = question.interviewer!.facts;
    const sheet = compileFacts(facts);
    const topics = new Set(facts.map((fact) => fact.topic));
    for (const [topic, asked] of PHRASINGS) if (topics.has(topic as Fact['topic'])) expect(askInterviewer(asked, sheet).fact?.topic, asked).toBe(topic);
  });
});

/**
 * A question that shares only its subject with an ask phrase gets the neutral reply: "how many
 * games" is not answered to who won the game, nor "is it real time" to what time it is. Over
 * every shipped sheet, then a question about one topic that names another fact's subject.
 */
describe('questions the interviewer was not asked, on every shipped question', () => {
  // Two sheets tell what is recorded, and one how long a break in training may be: left out.
  const off = OFF_TOPIC.filter((asked) => asked !== 'Is this interview being recorded?').concat(['Can I grab a coffee?', "What's your role here?", 'Can you hear me?', 'Where are you based?', 'How was your weekend?', 'Is it going to rain tomorrow?',
    // Everyday words near a topic's: the matcher's cues are phrases, not these words alone.
    'How can I improve my interviewing?', 'What does the outcome of this interview depend on?', 'Will you judge me harshly?', 'Is this meant to be hard?',
    "What's the usage of a hash map?", 'Are you hoping to hire soon?', 'What do you have today for lunch?', 'Is my English okay?', 'How do I interact with you?',
    // About the interview, not the system: a time limit or how long there is.
    'Is there a time limit for this interview?', 'How long do we have for the interview?', 'What is this whiteboard used for?',
    // Small talk that uses a topic's words (speed, quantity, cost, growth, rules, scope).
    'How fast can a cheetah run?', 'How long does it take to boil an egg?', 'How many cups of coffee do you drink a day?', 'How much does a Tesla cost?',
    "How's the traffic on the highway?", 'How many planets are in the solar system?', 'Which soccer team do you support?', 'What are the rules of chess?',
    'How many calories are in a banana?', 'How long is a marathon?', 'How big is the ocean?', 'Is it sunny outside?', 'How fast is a Ferrari?',
    // The interview's own time, in the words of the time a request has.
    'How much time is left?', 'How much time do I have?',
    // About the interviewer's own life and tastes.
    'Do you like your team?', 'Which team are you on?', 'How many languages do you speak?', 'What is your favourite metric?', 'What do you do on your weekends?',
    // The world or the company, in a topic's words; what a term means.
    'What is the speed of light?', 'How many people work here?', 'How many people work at this company?', 'What is a GPU?', "What's an embedding?"]);
  it.each(withSheets())('%s', (_, question) => {
    const sheet = compileFacts(question.interviewer!.facts);
    for (const asked of off) {
      if (asked === 'Can we take a short break?' && question.id === 'llm-training-infrastructure') continue;
      expect(askInterviewer(asked, sheet).fact?.id ?? null, asked).toBeNull();
    }
  });

  it.each(withSheets())('%s: the team\'s platform is its infrastructure, not where the product runs', (_, question) => {
    const sheet = compileFacts(question.interviewer!.facts);
    for (const asked of ['What platform does the team use for training?', 'Which ML platform do we train on?', 'What is the training platform?']) {
      expect(askInterviewer(asked, sheet).fact?.topic, asked).not.toBe('surface');
    }
  });

  it('answers the topic asked about, not the fact whose phrase names the same subject', () => {
    const facts = withSheets().find(([id]) => id === 'rag-vector-database')![1].interviewer!.facts;
    // The corpus fact is asked "how many docs": PII in the docs is about permissions and privacy.
    expect(askInterviewer('Is there any PII in the docs?', facts).fact?.topic).toBe('privacy');
    expect(askInterviewer('How many docs are there?', facts).fact?.id).toBe('corpus');
  });

  // ad-conversion-prediction's hint says "ask what a conversion is": its labels answer that.
  it('answers what a term of the labels is, and defines no other term', () => {
    const facts = (id: string) => withSheets().find(([question]) => question === id)![1].interviewer!.facts;
    expect(askInterviewer('What is a conversion?', facts('ad-conversion-prediction')).fact?.id).toBe('labels');
    expect(askInterviewer('What is a GPU?', facts('llm-chat-serving')).fact).toBeNull();
    expect(askInterviewer("What's an embedding?", facts('ad-conversion-prediction')).fact).toBeNull();
  });

  it('takes rules for policies and asks what a prediction is used for as the goal', () => {
    const sheetOf = (id: string) => withSheets().find(([question]) => question === id)![1].interviewer!.facts;
    // "any policies on misinformation" is the integrity fact's phrase.
    expect(askInterviewer('Are there rules about misinformation?', sheetOf('newsfeed-ranking')).fact?.id).toBe('integrity');
    expect(askInterviewer("What is the model's output used for?", sheetOf('search-ad-click-prediction')).fact?.id).toBe('goal');
  });
});
