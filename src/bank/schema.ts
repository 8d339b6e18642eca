// The one source of truth for the question and rubric file formats: the TypeScript types,
// the validator and the JSON Schemas in schema/ all come from here.
import * as z from 'zod';
import { CATEGORIES, DEFAULT_RUBRIC, DIFFICULTIES } from './categories.js';

export { CATEGORIES, CATEGORY_TITLES, DIFFICULTIES, DEFAULT_RUBRIC } from './categories.js';

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebab = (what: string) =>
  z.string().regex(KEBAB, { message: `${what} must be kebab-case (lowercase letters, digits and single hyphens)` });
const text = (description: string) => z.string().trim().min(1).describe(description);


export const ChecklistItem = z
  .strictObject({
    id: kebab('a checklist item id'),
    text: text('What the candidate should cover, as one line.'),
    weight: z.number().positive().max(10).optional().describe('Relative weight in the score; default 1.'),
    guidance: text('What good looks like: shown when the item is missed.').optional(),
    keywords: z
      .array(text('A word or phrase that, found in the notes, suggests the item was covered.'))
      .optional(),
  })
  .describe('One thing an interviewer listens for.');

export const RubricStage = z.strictObject({
  id: kebab('a stage id'),
  title: text('The stage name shown to the user.'),
  minutes: z.number().positive().max(240).describe('Time budget for the stage.'),
  goal: text('One line: what to cover in this stage.'),
  checklist: z.array(ChecklistItem).min(1),
  red_flags: z.array(text('Something that counts against a candidate.')).optional(),
});

export const Rubric = z
  .strictObject({
    id: kebab('a rubric id'),
    title: text('The rubric name.'),
    description: text('What kind of interview this rubric models.').optional(),
    stages: z.array(RubricStage).min(1),
  })
  .describe('An mldrill rubric: the stages of an interview and what is scored in each.');

export const QuestionStage = z.strictObject({
  hints: z.array(text('A nudge specific to this question, revealed on request.')).optional(),
  checklist: z.array(ChecklistItem).optional(),
});

export const Reference = z.strictObject({
  title: text('Where the question was reported.'),
  url: z.url().optional(),
});

export const Question = z
  .strictObject({
    id: kebab('a question id'),
    title: text('A short name for the question.'),
    category: z.enum(CATEGORIES),
    difficulty: z.enum(DIFFICULTIES),
    companies: z.array(text('A company publicly reported to ask this question.')).optional(),
    tags: z.array(kebab('a tag')).optional(),
    rubric: kebab('a rubric id').optional().describe(`The rubric id; default ${DEFAULT_RUBRIC}.`),
    prompt: text('The question as an interviewer would say it: short and vague.'),
    references: z.array(Reference).optional(),
    stages: z.record(kebab('a stage id'), QuestionStage).describe('Hints and extra checklist items per stage id of the rubric.'),
    followups: z.array(text('A curveball the interviewer may throw.')).optional(),
  })
  .describe('An mldrill question.');

export type ChecklistItem = z.infer<typeof ChecklistItem>;
export type RubricStage = z.infer<typeof RubricStage>;
export type QuestionStage = z.infer<typeof QuestionStage>;
export type { Category, Difficulty } from './categories.js';

export type RubricData = z.infer<typeof Rubric>;
export type QuestionData = z.infer<typeof Question>;

/** A loaded rubric, with the file it came from. */
export interface LoadedRubric extends RubricData {
  file: string;
}

/** A loaded question, with defaults filled in and the file it came from. */
export interface LoadedQuestion extends QuestionData {
  rubric: string;
  file: string;
}
