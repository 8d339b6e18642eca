// The interviewer's side of the clarify dialogue: a candidate's free-text question is matched
// to a fact of the question's fact sheet, or to none. Pure and deterministic.
//
// How a question is matched: its words are stemmed (src/words.ts), synonyms folded to one word,
// and each fact scored by how much of its best `ask` phrase the question covers plus how
// strongly the question uses the vocabulary of the fact's topic ("how many" is scale, "ground
// truth" is labels). The best fact wins when it clears a threshold; otherwise the interviewer
// gives the neutral reply, so nothing is answered that was not asked.
import type { FactTopic } from '../bank/categories.js';
import { askWords, canonicalWord } from '../bank/ask-words.js';
import { lazy } from '../lazy.js';
import { stripControl } from '../text.js';
import { wordForms, type WordForms } from '../words.js';

export interface FactLike {
  id: string;
  topic: FactTopic;
  ask: readonly string[];
  answer: string;
}

/** What the interviewer says when the question matches no fact. */
export const NEUTRAL_REPLY = "Good question. I'll leave that one to you: make an assumption, state it, and carry on.";

/** Most a question may be for matching; longer ones are cut (the command refuses them first). */
export const MAX_QUESTION_CHARS = 500;

/** Per topic, phrases that say what a question is about, with how strongly they say it. */
const VOCABULARY: Record<FactTopic, ReadonlyArray<readonly [phrase: string, weight: number]>> = {
  goal: [['goal', 1], ['success', 1], ['succeed', 1], ['optimize for', 1], ['optimizing for', 1], ['trying to achieve', 1], ['business', 0.7],
    ['why are we', 1], ['why do we', 1], ['problem are we solving', 1], ['north star', 1], ['what does good look like', 1], ['win', 0.6], ['main metric', 0.8],
    ['what matters most', 1], ['matters most', 1], ['priority', 0.6], ['motivation', 1], ['care about', 0.6], ['want to improve', 0.8], ['point of', 0.7],
    ['it worked', 1], ['this worked', 1], ['it works', 0.8], ['what outcome', 1],
    ['successful', 1], ['target metric', 1], ['hoping to get', 0.9], ['company hoping', 1], ['get out of this', 0.8], ['whether this is working', 1], ['whether it is working', 1],
    ['judge whether', 0.9], ['judge success', 1], ['meant to improve', 1], ['supposed to improve', 1], ['good outcome', 1], ['business outcome', 1],
    ['success criteri', 1], ['why do we need', 1], ['trying to maximize', 1], ['are we maximizing', 1], ['want to maximize', 1], ['prediction used for', 1], ['output used for', 1],
    ['score used for', 1], ['what is it used for', 1], ['metric', 0.6], ['what problem', 1], ['problem does this solve', 1], ['are we optimizing', 1],
    ['why does the business', 1], ['why does the company', 1], ['business care', 1], ['company care', 1], ['why do they want', 1],
    ['trying to improve', 1], ['trying to move', 1], ['move the needle', 1], ['should we optimize', 1], ['metric to optimize', 1],
    ['why does this matter', 1], ['why does it matter', 1], ['matter to the business', 1], ['matter for the business', 1],
    ['desired outcome', 1], ['key metric', 1], ['primary metric', 1], ['achieve', 0.9], ['business want', 1], ['care about most', 1], ['care most about', 1], ['accomplish', 0.9]],
  users: [['who', 0.6], ['who are the user', 1], ['who use', 1], ['who is it for', 1], ['persona', 1], ['segment', 0.8], ['type of user', 1], ['kind of user', 1],
    ['user', 0.4], ['is this for', 0.7], ['is it for', 0.7], ['which user', 1], ['what user', 0.8], ['target audience', 1], ['target user', 1], ['new user', 0.8], ['power user', 1], ['end user', 1], ['used by', 0.8], ['demographic', 1], ['for whom', 1], ['who will use', 1], ['who would use', 1],
    ['who is going to use', 1], ['about the user', 0.9], ['describe the user', 1], ['who the user', 1], ['primary user', 1], ['main user', 1], ['who is using', 1], ['built for', 0.9], ['who is this', 0.8], ['audience', 0.9], ['who are our user', 1],
    ['who are we building', 1], ['who exactly', 0.9], ['consumer or business', 1], ['designing for', 1], ['design it for', 1], ['business or consumer', 1], ['b2b', 1], ['b2c', 1]],
  scale: [['how many', 0.8], ['how much traffic', 1], ['how big', 1], ['how large', 1], ['scale', 1], ['traffic', 1], ['request per second', 1], ['per second', 1],
    ['per day', 0.8], ['a day', 0.5], ['daily active', 1], ['dau', 1], ['mau', 1], ['million', 0.8], ['billion', 0.8], ['size', 0.7], ['number of', 0.8],
    ['count', 0.5], ['peak', 0.8], ['how often', 0.8], ['growth', 0.7], ['grow', 0.6], ['how much', 0.6],
    ['request rate', 1], ['growth rate', 1], ['user count', 1], ['expected load', 1], ['order of magnitude', 1], ['usage', 0.7], ['how much usage', 1], ['size of', 1], ['catalog size', 1],
    // Load the noun ("what load do we expect"), not the verb ("how fast must the page load").
    ['what load', 1], ['the load', 1], ['of load', 1], ['much load', 1], ['peak load', 1], ['user base', 1], ['what scale', 1], ['the scale', 1]],
  latency: [['latency', 1], ['response time', 1], ['fast', 1], ['slow', 1], ['millisecond', 1], ['ms', 0.8], ['real time', 1], ['realtime', 1],
    ['p99', 1], ['p95', 1], ['p50', 1], ['sla', 1], ['slo', 1], ['wait', 0.8], ['time budget', 1], ['how long does', 0.8], ['how long can', 0.8], ['responsive', 1],
    ['online or batch', 1], ['batch or online', 1], ['precompute', 1], ['precomputed', 1], ['freshness', 0.8], ['how fresh', 1], ['turnaround', 1], ['second', 0.4],
    ['time target', 1], ['in batch', 1], ['batch', 0.7], ['run offline', 1], ['under a second', 1], ['within a second', 1], ['few second', 0.9], ['online or offline', 1], ['offline or online', 1], ['request take', 1], ['take to respond', 1], ['instantly', 0.9], ['time limit', 1],
    // The time a request has, not the interview's ("how much time is left?").
    ['how much time do we have per', 1], ['how much time per', 1], ['time per request', 1], ['time to respond', 1], ['have to respond', 1], ['synchronous', 1], ['asynchronous', 1], ['need to be online', 1], ['have to be online', 1], ['online inference', 1], ['online prediction', 1],
    // The time a page takes to load, not the load ("what's the load time?"): longer than scale's "the load".
    ['load time', 1], ['the load time', 1]],
  surface: [['surface', 1], ['where', 0.7], ['shown', 0.7], ['show up', 1], ['appear', 1], ['displayed', 1], ['display', 0.8], ['screen', 1], ['page', 0.8],
    ['ui', 1], ['user interface', 1], ['app', 0.8], ['mobile', 0.8], ['web', 0.6], ['desktop', 0.8], ['device', 0.5], ['placement', 1], ['slot', 1], ['widget', 1],
    ['carousel', 1], ['how is it presented', 1], ['look like to the user', 1], ['entry point', 1], ['interface', 0.8], ['presented', 1],
    ['user see', 1], ['where does the user', 1], ['user interact with', 1],
    ['ios', 1], ['android', 1], ['encounter', 1], ['where in the product', 1], ['where in the app', 1],
    // Platform alone is a generic word (an ML platform); asked which, it is where the product runs.
    ['which platform', 1], ['what platform', 1]],
  data: [['data', 0.6], ['dataset', 1], ['log', 1], ['what do we know', 1], ['information', 0.7], ['signal', 0.8], ['feature', 0.6], ['collect', 0.8], ['available', 0.5],
    ['access to', 0.7], ['metadata', 1], ['catalog', 0.7], ['history', 0.8], ['historical', 0.8], ['source', 0.5], ['store', 0.3], ['training example', 1],
    ['what do we have', 0.8], ['what data do we have', 1], ['data source', 1], ['what data exist', 1], ['data is available', 1], ['data available', 1], ['what data is', 1],
    ['interaction data', 1], ['data can we use', 1], ['information do we have', 1], ['kind of data', 1], ['data do we have', 1], ['what user data', 1], ['input', 0.5], ['what feature', 1], ['which feature', 1], ['what input', 1], ['which input', 1]],
  labels: [['label', 1], ['ground truth', 1], ['annotation', 1], ['human review', 1], ['reviewer', 0.8], ['rater', 1], ['how do we know', 0.8], ['feedback', 0.8],
    ['supervision', 1], ['supervised', 0.8], ['positive', 0.8], ['negative', 0.5], ['rating', 0.9], ['define a positive', 1], ['implicit', 0.7], ['explicit', 0.7], ['tagged', 0.6], ['verified', 0.6],
    ['judgment', 1], ['confirmed', 0.6], ['outcome', 0.5], ['chargeback', 0.6], ['report', 0.4], ['positive example', 1], ['negative example', 1], ['count as a positive', 1],
    ['counts as a positive', 1], ['supervision signal', 1], ['supervised signal', 1],
    // Longer than data's "data": "any ground truth data" asks for labels, not the logs.
    ['ground truth data', 1], ['labeled data', 1], ['feedback signal', 1],
    // What the model is trained to predict is the label's definition.
    ['target variable', 1], ['training target', 1], ['prediction target', 1], ['what are we predicting', 1], ['what do we predict', 1], ['what exactly are we predicting', 1]],
  constraints: [['constraint', 1], ['limit', 0.8], ['restriction', 1], ['existing system', 1], ['legacy', 1], ['infrastructure', 1], ['infra', 1],
    ['tech stack', 1], ['stack', 0.6], ['hardware', 1], ['gpu', 0.8], ['cpu', 0.8], ['memory', 0.8], ['on device', 1], ['deadline', 1], ['timeline', 1],
    ['team', 0.8], ['engineer', 0.6], ['requirement', 0.8], ['allowed', 0.6], ['open source', 0.8], ['third party', 0.8], ['vendor', 0.8], ['baseline', 0.8],
    ['today', 0.4], ['currently', 0.6], ['current', 0.5], ['existing', 0.7], ['regulation', 0.4], ['compliance', 0.4], ['rule', 0.5], ['policy', 0.5],
    ['how many engineer', 1], ['training cluster', 1], ['current system', 1], ['how big is the team', 1], ['what do we have today', 1], ['current setup', 1], ['current pipeline', 1], ['current architecture', 1], ['existing pipeline', 1], ['existing setup', 1], ['current approach', 1], ['existing solution', 1], ['current solution', 1], ['baseline model', 1], ['existing model', 1], ['from scratch', 1], ['greenfield', 1], ['how large is the team', 1], ['team size', 1], ['size of the team', 1], ['run today', 1], ['runs today', 1], ['in place', 0.8], ['already', 0.6],
    // Longer than surface's "what platform": the team's platform is its infrastructure.
    ['what platform does the team', 1], ['which platform does the team', 1], ['training platform', 1], ['ml platform', 1], ['platform do we train', 1]],
  privacy: [['privacy', 1], ['pii', 1], ['gdpr', 1], ['ccpa', 1], ['hipaa', 1], ['coppa', 1], ['consent', 1], ['opt out', 1], ['sensitive', 1], ['anonymize', 1],
    ['anonymous', 0.8], ['encrypt', 1], ['legal', 1], ['compliance', 0.8], ['regulation', 1], ['regulatory', 1], ['data sensitive', 1], ['sensitive data', 1], ['retention', 0.6], ['retain data', 1], ['data retention', 1], ['data protection', 1], ['retain', 0.8], ['how long can we keep', 1], ['delete', 0.6],
    ['minor', 0.8], ['children', 0.8], ['personal data', 1],
    // A legal word naming the kind of constraint: "any GDPR constraints" is about privacy law.
    ['may not use', 1], ['not allowed to use', 1], ['legal say', 1], ['legal team', 1], ['keep user data', 1], ['keep data', 1], ['how long do we keep', 1], ['legal concern', 1], ['legal requirement', 1], ['legal restriction', 1], ['legal constraint', 1], ['legal limit', 1], ['compliance requirement', 1], ['compliance constraint', 1],
    ['regulatory requirement', 1], ['regulatory constraint', 1], ['privacy requirement', 1], ['privacy constraint', 1], ['gdpr constraint', 1], ['gdpr requirement', 1], ['user data', 0.8], ['allowed to use', 0.7], ['fairness', 0.6], ['bias', 0.5]],
  cost: [['cost', 1], ['budget', 1], ['expensive', 1], ['cheap', 1], ['money', 1], ['spend', 0.8], ['dollar', 1], ['afford', 1], ['roi', 1], ['return on investment', 1],
    ['gpu hour', 1], ['cloud bill', 1], ['price per', 0.6], ['how much can we', 0.8], ['compute', 0.5], ['efficient', 0.5]],
  scope: [['scope', 1], ['mvp', 1], ['v1', 1], ['first version', 1], ['in scope', 1], ['out of scope', 1], ['focus on', 0.8], ['should i cover', 1],
    ['should we cover', 1], ['include', 0.6], ['should we include', 1], ['do we need to handle', 0.8], ['country', 0.8], ['region', 0.8],
    ['language', 0.6], ['multilingual', 1], ['multiple language', 1], ['which language', 0.8], ['only english', 1], ['just english', 1], ['just for english', 1], ['english only', 1], ['other than english', 1],
    ['whole thing or', 1], ['whole system or', 1], ['design the whole', 1], ['one component', 0.8], ['every language', 1], ['all language', 1], ['other language', 1], ['more language', 1], ['international', 0.8], ['global', 0.8], ['market', 0.8], ['launch', 0.8], ['phase', 0.7], ['edge case', 0.6], ['leave out', 1], ['not in scope', 1], ['not worry about', 1], ['which part', 1], ['what part', 1], ['just', 0.2], ['only', 0.3], ['support', 0.4]],
};

/**
 * Words that make a question about compute ("how many GPUs can we use"): there, "how many" asks
 * for hardware, not traffic. Such a question goes to a fact about compute (one whose phrases or
 * answer name hardware) or, failing that, about cost; facts of other topics answer it only
 * through their own ask phrases, so a sheet with neither gives the neutral reply.
 */
const COMPUTE = /\b(?:gpus?|tpus?|npus?|accelerators?|hardware|cpus?|chips?|(?:co)?processors?|[ah]100s?)\b|(?<!\b(?:we|you|i|they|to|do|does|is|are|was|were|be|been|it|how)\s+)\bcomput(?:e|ing)\b/i;
// "compute" as a noun ("how much compute"), not the verb ("how do we compute the labels").
const namesCompute = (text: string) => COMPUTE.test(text);
/** How strongly a fact answers a compute question: a fact naming hardware, then one about cost. */
const COMPUTE_FACT = 1;
const COST_FACT = 0.9;

/** A figure glued to its unit ("100ms") reads as the unit, a word latency knows. */
const GLUED_UNIT = /\b(\d+(?:\.\d+)?)(ms|milliseconds?|secs?|seconds?)\b/gi;

const TIME_BUDGET = /\b(latency|delay|response[ -]time|time|ms|milliseconds?|p\d{2}(?:\.\d+)?)\s+budget(?=s?\b)/gi;

/** Questions about the interview, not the system it designs: its time, the whiteboard. */
const INTERVIEW = /\binterview(?:s|ing)?\b/i;
const INTERVIEW_TIME = /\b(?:time|timed|long|minutes?|hours?|duration|clock)\b/i;
const WHITEBOARD = /\bwhiteboard\b/i;
/** Questions about the interviewer's own life and tastes ("do you like your team?", "how many languages do you speak?"). */
const PERSONAL = /\b(?:do|did) you (?:like|love|enjoy|speak|drink|eat|play)\b|\byour (?:favou?rite|hobby|hobbies|weekend)\b|\b(?:which|what) team are you\b/i;
/**
 * Questions about the world or the company rather than the system, in words its topics use: the
 * speed of light is no latency (unless the question names one), the people working here are not
 * its users ("how many engineers can work on this?" is still the team's size, and how the current
 * system works here is the system's).
 */
const NOT_THE_SYSTEM = /^(?!.*\blatenc(?:y|ies)\b).*\bspeed of (?:light|sound)\b|\b(?:people|persons?|employees?|staff|folks|engineers?|everyone|anyone|you)\b(?: \w+)?(?: \w+)? work(?:s|ing)? here\b|\b(?:work|works|working) (?:for|at) (?:this|the|your) company\b/i;
/**
 * Asking what a term means ("what is a GPU?"): the interviewer does not define terms, the sheet
 * holds facts. A positive or a negative, or a term a labels fact is asked about in ("what counts
 * as a conversion"), is no term: "what is a conversion?" asks what counts as one here.
 */
const DEFINITION = /^\s*what(?:'s|’s| is| are) (?:a|an) ([\p{L}\p{N}-]+)\s*\?*\s*$/iu;
const LABEL_TERMS = /^(?:positive|negative)$/i;

/**
 * A question that only asks what a term means: null (no fact answers it), unless a fact of the
 * labels is asked about in that term ("what is a conversion?"): then it asks what counts as one
 * here. "What is a GPU?" gets no GPU budget. Any other question as it is.
 */
function definitionAsked(text: string, sheet: FactSheet): string | null {
  const term = DEFINITION.exec(text)?.[1];
  if (term === undefined || LABEL_TERMS.test(term)) return text;
  const words = askWords(term, sheet.forms);
  const labelled = sheet.facts.some(({ fact, words: asked }) => fact.topic === 'labels' && words.some((word) => asked.has(word)));
  return labelled ? `what counts as a ${term}?` : null;
}

/**
 * Everyday subjects that no ML design is about: food, animals, sport, the sky, small talk; none is
 * a word of the shipped bank (places are not here: "do we launch in France?" asks for scope). A
 * question naming one that the fact sheet never mentions ("how fast can a cheetah run?", "how many
 * cups of coffee do you drink a day?") is small talk, whatever topic words it also uses.
 */
const SMALL_TALK = lazy(() => new Set(askWords(`coffee tea beer wine lunch breakfast egg sandwich burger dessert banana sushi steak noodle pasta bread
  cheese chocolate soda juice sugar calorie boil bake dog puppy kitten cheetah horse cow monkey spider elephant lion shark whale snake dinosaur
  soccer baseball tennis golf chess marathon cricket hockey moon planet galaxy solar universe sunny umbrella highway cafeteria toilet salary
  tesla ferrari porsche football iphone homework guitar piano singer president eiffel mountain ocean river bullet rocket wedding birthday`)));

/** Constraint words that take the topic of the word before them ("latency constraints"). */
const KIND_OF_CONSTRAINT = new Set(['constraint', 'requirement', 'restriction', 'limit']);

/**
 * Scale's cues that only ask for a quantity: of traffic and users, or of anything else. A question
 * whose quantity is of what another topic names ("how many engineers are on the team", "how much
 * budget do we have") is that topic's, not scale's; users and data are quantities scale answers.
 */
const QUANTITY_CUES = new Set(['how many', 'how big', 'how large', 'how much', 'number of', 'size', 'count']);
const COUNTED_BY_SCALE = new Set<FactTopic>(['scale', 'users', 'data']);
/** The content words of the quantity cues ("big", "size"): they name nothing counted. */
const quantityWords = lazy(() => new Set(askWords([...QUANTITY_CUES].join(' '))));
/**
 * What the traffic of any ML system is counted in: "how many requests?" asks for the scale of
 * every system, in whatever words its fact sheet gives the figures (auctions, reports, seats).
 */
const trafficWords = lazy(() => new Set(askWords('requests queries searches calls predictions inferences users customers visitors members items candidates events records rows examples samples sessions transactions orders impressions clicks')));
/** The size words (big, large, size...), folded to one. */
const sizeWords = lazy(() => new Set(askWords('big large size')));

/**
 * Growth is scale, and how fast it goes too: with a growth cue, latency's speed words ("how
 * quickly is usage growing") ask about the rate of growth, not the response time.
 */
const GROWTH_CUES = ['grow', 'growth'];
const SPEED_CUES = ['fast', 'slow', 'instantly'];
const cueKey = (phrase: string) => wordForms.stems(phrase).map(canonicalWord).join(' ');
const growthKeys = lazy(() => new Set(GROWTH_CUES.map(cueKey)));
const speedKeys = lazy(() => new Set(SPEED_CUES.map(cueKey)));

/** A match needs some evidence this strong: most of an ask phrase, or a clear topic word... */
const EVIDENCE = 0.6;
/** ...and this much in all. */
const THRESHOLD = 0.8;
/** What an ask phrase's words count for when the question lacks the topic words the phrase has. */
const UNCUED = 0.5;
/** Words in nearly every question about a product: they count for little. */
const generic = lazy(() => new Set(askWords('user item feed data model system service platform app exist existing current today')));
const GENERIC_WEIGHT = 0.4;

export interface CompiledFact<F extends FactLike = FactLike> {
  fact: F;
  /** Each ask phrase as content-word stems. */
  asks: string[][];
  /** Per ask phrase, whether it says its topic in the topic's own words ("how many" in "how many docs"). */
  cued: boolean[];
  /** Every content word of its ask phrases. */
  words: Set<string>;
  /** How strongly it answers a question about compute (see COMPUTE): 0 when it does not. */
  compute: number;
}

/** A fact sheet prepared for matching: compile once, match many questions. */
export interface FactSheet<F extends FactLike = FactLike> {
  facts: CompiledFact<F>[];
  forms: WordForms;
  /** How much each word says: less when generic or when several facts ask with it. */
  weight: Map<string, number>;
  /** Every content word of the facts' phrases and answers: what the sheet talks about. */
  mentioned: Set<string>;
}

// Worked out on first use: this module is in the chunk every command loads.
const vocabulary = lazy(() => Object.entries(VOCABULARY).map(([topic, entries]) => ({
  topic: topic as FactTopic,
  // A longer phrase says more than a word inside it ("time budget" over "budget").
  entries: entries.map(([phrase, weight]) => {
    const stems = wordForms.stems(phrase);
    return { stems, key: cueKey(phrase), weight: weight + 0.05 * (stems.length - 1), quantity: QUANTITY_CUES.has(phrase) };
  }).sort((a, b) => b.weight - a.weight),
})));

interface Cue {
  topic: FactTopic;
  key: string;
  weight: number;
  stems: string[];
  /** Asks only for a quantity (see QUANTITY_CUES). */
  quantity: boolean;
}

/** Every topic's cues by their first stem: a question's words look up only the cues they can start. */
const cuesByFirstWord = lazy(() => {
  const index = new Map<string, Cue[]>();
  for (const { topic, entries } of vocabulary()) {
    for (const entry of entries) {
      const first = entry.stems[0];
      if (first === undefined) continue;
      const cues = index.get(first) ?? [];
      cues.push({ topic, ...entry });
      index.set(first, cues);
    }
  }
  return index;
});

export function compileFacts<F extends FactLike>(facts: readonly F[], forms: WordForms = wordForms): FactSheet<F> {
  const compiled = facts.map((fact) => {
    const phrases = fact.ask.map((phrase) => ({ words: askWords(phrase, forms), cued: topicStrengths(phrase, forms).strengths.has(fact.topic) })).filter((phrase) => phrase.words.length > 0);
    const asks = phrases.map((phrase) => phrase.words);
    const compute = namesCompute([...fact.ask, fact.answer].join('\n')) ? COMPUTE_FACT : fact.topic === 'cost' ? COST_FACT : 0;
    return { fact, asks, cued: phrases.map((phrase) => phrase.cued), words: new Set(asks.flat()), compute };
  });
  const seenIn = new Map<string, number>();
  for (const { words } of compiled) for (const word of words) seenIn.set(word, (seenIn.get(word) ?? 0) + 1);
  const weight = new Map([...seenIn].map(([word, facts]) => [word, (generic().has(word) ? GENERIC_WEIGHT : 1) / facts]));
  const mentioned = new Set([...seenIn.keys(), ...facts.flatMap((fact) => askWords(fact.answer, forms))]);
  return { forms, facts: compiled, weight, mentioned };
}

/**
 * How strongly a question uses each topic's vocabulary, from 0 to 1; and whether its scale cues
 * only ask for a quantity ("how big"), which says nothing of what is counted.
 */
function topicStrengths(asked: string, forms: WordForms = wordForms): { strengths: Map<FactTopic, number>; quantityOnly: boolean } {
  const stems = forms.stems(asked);
  const synonyms = stems.map(canonicalWord);
  // Every cue of every topic, where it stands in the question (as written or with synonyms folded).
  const cues: Array<Omit<Cue, 'stems'> & { start: number; end: number }> = [];
  const index = cuesByFirstWord();
  for (const words of stems.some((stem, i) => stem !== synonyms[i]) ? [stems, synonyms] : [stems]) {
    words.forEach((word, start) => {
      for (const cue of index.get(word) ?? []) {
        if (cue.stems.every((stem, j) => words[start + j] === stem)) cues.push({ topic: cue.topic, key: cue.key, weight: cue.weight, quantity: cue.quantity, start, end: start + cue.stems.length });
      }
    });
  }
  // A cue inside a longer cue of another topic is a word of that one: "how big" in "how big is
  // the team" asks about the team, not about scale.
  // A constraint named by another topic's word is that topic's: "latency constraints", "GDPR
  // requirements", "cost limits".
  const inside = cues.filter((cue) => !cues.some((other) => other.topic !== cue.topic
    && ((other.end - other.start > cue.end - cue.start && other.start <= cue.start && cue.end <= other.end)
      || (cue.topic === 'constraints' && KIND_OF_CONSTRAINT.has(cue.key) && other.end === cue.start && other.weight >= 0.8))));
  const growing = inside.some((cue) => cue.topic === 'scale' && growthKeys().has(cue.key));
  const kept = growing ? inside.filter((cue) => !(cue.topic === 'latency' && speedKeys().has(cue.key))) : inside;
  // "How fast are we growing": the speed of growth is a clear scale question.
  const growthRate = kept.length < inside.length;
  const strengths = new Map<FactTopic, number>();
  let quantityOnly = false;
  // Strongest first, so that of two synonyms the stronger counts: "log" (data's clear word) over "data".
  const strongest = kept.toSorted((a, b) => b.weight - a.weight);
  for (const { topic } of vocabulary()) {
    // The strongest cue counts whole, further cues a quarter each, up to 1.2.
    // Cues that are synonyms of each other ("budget", "cost") count once.
    let best = 0;
    let sum = 0;
    let quantity = true;
    const counted = new Set<string>();
    for (const cue of strongest) {
      if (cue.topic !== topic || counted.has(cue.key)) continue;
      counted.add(cue.key);
      sum += cue.weight;
      best = Math.max(best, cue.weight);
      quantity &&= cue.quantity;
    }
    if (topic === 'scale' && growthRate) best = Math.max(best, 1);
    if (best > 0) strengths.set(topic, Math.min(1.2, best + 0.25 * (sum - best)));
    if (topic === 'scale') quantityOnly = best > 0 && quantity;
  }
  // "How many" of what another topic names is that topic's question (see QUANTITY_CUES).
  // Only a clear cue names the thing counted: "how many teams" may still ask for users at scale.
  if (quantityOnly && [...strengths].some(([topic, strength]) => !COUNTED_BY_SCALE.has(topic) && strength >= 1)) strengths.delete('scale');
  return { strengths, quantityOnly };
}

export interface Match<F extends FactLike = FactLike> {
  fact: F;
  score: number;
}

/** The best fact for a question, or null when none clears the threshold. */
export function matchFact<F extends FactLike>(asked: string, sheet: FactSheet<F>): Match<F> | null {
  // A budget of time is a latency question, not one about money ("what is the latency budget").
  // Escape sequences are no words: pasted colour around a question would glue its first word
  // to the code ("\x1b[31mhow" reads "31mhow").
  const typed = stripControl(asked.length > MAX_QUESTION_CHARS ? [...asked].slice(0, MAX_QUESTION_CHARS).join('') : asked).replace(GLUED_UNIT, '$1 $2').replace(TIME_BUDGET, '$1 target');
  const text = definitionAsked(typed, sheet);
  if (text === null) return null;
  // About the interview's own time ("is there a time limit for this interview?") or the
  // whiteboard, not the system: the fact sheet has nothing to say. "What is out of scope for
  // this interview?" is still a question about the design.
  if (WHITEBOARD.test(text) || PERSONAL.test(text) || NOT_THE_SYSTEM.test(text) || (INTERVIEW.test(text) && INTERVIEW_TIME.test(text))) return null;
  const words = new Set(askWords(text, sheet.forms));
  if (words.size === 0 && !/\S/.test(text)) return null;
  for (const word of words) if (SMALL_TALK().has(word) && !sheet.mentioned.has(word)) return null;
  const { strengths, quantityOnly } = topicStrengths(text, sheet.forms);
  // A bare quantity ("how big is your office?") of nothing any fact names, nor of what traffic is
  // counted in, and with no other topic's cue, is not about the system: neither scale nor a
  // phrase that says "size" answers it. "How big is it?" names nothing, and is still the system's scale.
  const counted = [...words].filter((word) => !quantityWords().has(word));
  const bare = quantityOnly && strengths.size === 1 && counted.length > 0
    && !counted.some((word) => sheet.weight.has(word) || trafficWords().has(word));
  if (bare) {
    strengths.delete('scale');
    for (const word of quantityWords()) words.delete(word);
  } else if (strengths.has('scale') && [...sizeWords()].some((word) => words.has(word))
    && counted.some((word) => sheet.facts.some(({ fact, words: named }) => (fact.topic === 'scale' || fact.topic === 'users') && named.has(word)))) {
    // "How large is the user base?": the size of something a fact of scale or users names (users)
    // is that fact's question; the size word is no evidence for another fact's "size of the corpus".
    for (const word of sizeWords()) words.delete(word);
  }
  const aboutCompute = namesCompute(text);
  const weightOf = (word: string) => sheet.weight.get(word) ?? 0;
  let best: Match<F> | null = null;
  for (const { fact, asks, cued, words: factWords, compute } of sheet.facts) {
    const topicCue = strengths.has(fact.topic);
    // How much of its best ask phrase the question covers, by weight: a phrase of generic words
    // covered whole still counts little. A phrase that names its topic in the topic's words
    // ("how many docs", "is it real time") counts half when the question has none of them: the
    // question only shares its subject ("is there any PII in the docs", "what time is it").
    let ask = 0;
    asks.forEach((phrase, i) => {
      let found = 0;
      let total = 0;
      for (const word of phrase) {
        total += weightOf(word);
        if (words.has(word)) found += weightOf(word);
      }
      ask = Math.max(ask, (found / Math.max(1, total)) * (cued[i] && !topicCue ? UNCUED : 1));
    });
    // A little for every question word any of its phrases shares: tells close facts apart.
    let shared = 0;
    for (const word of words) if (factWords.has(word)) shared += weightOf(word);
    const topic = aboutCompute ? compute : (strengths.get(fact.topic) ?? 0);
    const score = ask + topic + Math.min(0.3, 0.15 * shared);
    if (Math.max(ask, topic) < EVIDENCE || score < THRESHOLD) continue;
    // Ties go to the earlier fact: deterministic.
    if (!best || score > best.score) best = { fact, score };
  }
  return best;
}

export interface InterviewerReply<F extends FactLike = FactLike> {
  fact: F | null;
  answer: string;
}

/** What the interviewer says to a question: the matched fact's answer, or the neutral reply. */
export function askInterviewer<F extends FactLike>(asked: string, facts: readonly F[] | FactSheet<F>): InterviewerReply<F> {
  const sheet = 'forms' in facts ? facts : compileFacts(facts);
  const match = matchFact(asked, sheet);
  return match ? { fact: match.fact, answer: match.fact.answer } : { fact: null, answer: NEUTRAL_REPLY };
}

/** One question put to the interviewer during a drill and what came back. */
export interface Exchange {
  asked: string;
  /** The fact id matched, or null for the neutral reply. */
  factId: string | null;
  answer: string;
  /** The stage it was asked in, when known. */
  stageId?: string;
}

/** The facts no exchange uncovered, in sheet order: what the report says the candidate never asked. */
export function uncoveredFacts<F extends Pick<FactLike, 'id'>>(exchanges: readonly Pick<Exchange, 'factId'>[], facts: readonly F[]): F[] {
  const asked = new Set(exchanges.map((exchange) => exchange.factId));
  return facts.filter((fact) => !asked.has(fact.id));
}

/** The facts some exchange uncovered, in sheet order. */
export function coveredFacts<F extends Pick<FactLike, 'id'>>(exchanges: readonly Pick<Exchange, 'factId'>[], facts: readonly F[]): F[] {
  const asked = new Set(exchanges.map((exchange) => exchange.factId));
  return facts.filter((fact) => asked.has(fact.id));
}
