// Plain constants of the formats, kept apart from the zod schemas so that the command table
// can use them without loading zod.

export const CATEGORIES = [
  'recommendation',
  'search-ranking',
  'ads',
  'trust-safety',
  'perception',
  'language',
  'generative-ai',
  'marketplaces',
  'platforms',
] as const;

export const CATEGORY_TITLES: Record<(typeof CATEGORIES)[number], string> = {
  recommendation: 'Recommendation',
  'search-ranking': 'Search and ranking',
  ads: 'Ads',
  'trust-safety': 'Trust, safety and fraud',
  perception: 'Perception, speech and vision',
  language: 'Language, LLM and RAG',
  'generative-ai': 'Generative AI and agents',
  marketplaces: 'Forecasting and marketplaces',
  platforms: 'Data and ML platforms',
};

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

export const DEFAULT_RUBRIC = 'ml-system-design';

export type Category = (typeof CATEGORIES)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];

/** What an interviewer's fact is about: the things a candidate clarifies. */
export const FACT_TOPICS = ['goal', 'users', 'scale', 'latency', 'surface', 'data', 'labels', 'constraints', 'privacy', 'cost', 'scope'] as const;

export type FactTopic = (typeof FACT_TOPICS)[number];
