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
];
export const CATEGORY_TITLES = {
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
export const DIFFICULTIES = ['easy', 'medium', 'hard'];
export const DEFAULT_RUBRIC = 'ml-system-design';
/** What an interviewer's fact is about: the things a candidate clarifies. */
export const FACT_TOPICS = ['goal', 'users', 'scale', 'latency', 'surface', 'data', 'labels', 'constraints', 'privacy', 'cost', 'scope'];
