// The one source of truth for the question and rubric file formats: the TypeScript types,
// the validator and the JSON Schemas in schema/ all come from here.
import * as z from 'zod';
import { CATEGORIES, DEFAULT_RUBRIC, DIFFICULTIES, FACT_TOPICS } from './categories.js';

export { DEFAULT_RUBRIC, FACT_TOPICS } from './categories.js';

export const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebab = (what: string, description: string) =>
  z.string().regex(KEBAB, { message: `${what} must be kebab-case (lowercase letters, digits and single hyphens)` }).describe(description);
// `pattern` tells editors what trim().min(1) tells the validator: some text besides spaces.
const text = (description: string) => z.string().trim().min(1).meta({ description, pattern: '\\S' });

const ChecklistItem = z
  .strictObject({
    id: kebab('a checklist item id', 'Unique within the stage, kebab-case; the history records ticked items by id.'),
    text: text('What the candidate should cover, as one line.'),
    weight: z.number().positive().max(10).optional().describe('Relative weight in the score; default 1.'),
    guidance: text('What good looks like: shown when the item is missed.').optional(),
    keywords: z
      .array(text('A word or phrase that, found in the notes, suggests the item was covered.'))
      .optional()
      .describe('Words or phrases that, found in the notes, suggest the item was covered.'),
    quantified: z
      .boolean()
      .optional()
      .describe('The item is about numbers (a scale, an estimate): its keywords count only on a line of the notes that holds a number (`peak 40k QPS`, not `what is the peak?`).'),
  })
  .meta({ title: 'Checklist item', description: 'One thing an interviewer listens for.' });

const QuestionItem = ChecklistItem.extend({
  core: z.boolean().optional().describe('The insight the question exists to test; every question has 1-3. Missing every core item caps the total at 60%.'),
  replaces: kebab('a rubric item id', "The id of an item of the rubric's same stage that this sharper item takes the place of.").optional(),
}).meta({ title: 'Question checklist item', description: 'One thing an interviewer listens for in this question: it joins the rubric stage\'s items.' });

/** The score range an example must grade to, in percent. */
const ScoreRange = z
  .strictObject({
    min: z.number().min(0).max(100).optional().describe('The lowest score the example may grade to, in percent.'),
    max: z.number().min(0).max(100).optional().describe('The highest score the example may grade to, in percent.'),
  })
  .meta({ title: 'Score range', description: 'The range an example must grade to; the kind gives the default (strong: at least 70, weak: at most 25, offpoint: at most 60).' });

export const Example = z
  .strictObject({
    score: ScoreRange.optional(),
    notes: z
      .record(kebab('a stage id', 'A stage id of the rubric.'), text('The notes a candidate would write in this stage, one point a line (Markdown).'))
      .describe('The notes per stage id, as a candidate would write them during the drill.'),
  })
  .meta({ title: 'Example answer', description: 'Notes per stage that grade to a known score range.' });

export const EXAMPLE_KINDS = ['strong', 'weak', 'offpoint'] as const;
export type ExampleKind = (typeof EXAMPLE_KINDS)[number];

/** The range each kind of example must grade to when it does not give its own, in percent. */
const EXAMPLE_RANGES: Record<ExampleKind, { min: number; max: number }> = {
  strong: { min: 70, max: 100 },
  weak: { min: 0, max: 25 },
  offpoint: { min: 0, max: 60 },
};

/** The range an example must grade to: its own `score`, each bound defaulting to its kind's. */
export function exampleRange(kind: ExampleKind, score: { min?: number; max?: number } | undefined): { min: number; max: number } {
  return { min: score?.min ?? EXAMPLE_RANGES[kind].min, max: score?.max ?? EXAMPLE_RANGES[kind].max };
}

const Examples = z
  .strictObject({
    strong: Example.optional().describe('What a strong candidate covers (15-40 lines in all): the core insight, numbers, the key trade-off. Shown as the model answer.'),
    weak: Example.optional().describe('What a shallow candidate says: generic, no numbers, misses the core.'),
    offpoint: Example.optional().describe('Thorough on everything but the core insight: proves that missing the point caps the score.'),
  })
  .meta({ title: 'Example answers', description: 'Example notes graded by `mldrill lint` (rule grading-example) and offered after a drill as what a strong answer covers.' });

const RubricStage = z
  .strictObject({
    id: kebab('a stage id', 'The stage id, kebab-case (e.g. clarify); questions add hints under it.'),
    title: text('The stage name shown to the user.'),
    minutes: z.number().positive().max(240).describe('Time budget for the stage, in minutes (more than 0).'),
    goal: text('One line: what to cover in this stage.'),
    checklist: z.array(ChecklistItem).min(1).describe('What is scored in this stage.'),
    red_flags: z.array(text('Something that counts against a candidate.')).optional().describe('What counts against a candidate in this stage.'),
  })
  .meta({ title: 'Rubric stage', description: 'One timed stage of the interview.' });

export const Rubric = z
  .strictObject({
    id: kebab('a rubric id', 'The rubric id, kebab-case, equal to the file name.'),
    title: text('The rubric name.'),
    description: text('What kind of interview this rubric models.').optional(),
    stages: z.array(RubricStage).min(1).describe('The stages of the interview, in order.'),
  })
  .meta({ title: 'mldrill rubric', description: 'An mldrill rubric: the stages of an interview and what is scored in each.' });

const QuestionStage = z
  .strictObject({
    hints: z.array(text('A nudge specific to this question, revealed on request.')).optional().describe('Nudges specific to this question, revealed one at a time on request.'),
    checklist: z.array(QuestionItem).optional().describe("Items specific to this question; they join the rubric stage's checklist."),
    not_applicable: z.array(kebab('a rubric item id', "An item of the rubric's same stage that does not apply to this question.")).optional().describe("Ids of the rubric stage's items that do not apply to this question: they are not scored."),
  })
  .meta({ title: 'Question stage', description: 'Hints and extra checklist items for one stage of the rubric.' });

const Reference = z
  .strictObject({
    title: text('Where the question was reported.'),
    url: z.url().optional().describe('A link to the source.'),
  })
  .meta({ title: 'Reference', description: 'A public source for the question.' });

export const Fact = z
  .strictObject({
    id: kebab('a fact id', 'Unique within the question, kebab-case; the session records which facts were asked about by id.'),
    topic: z.enum(FACT_TOPICS).describe(`What the fact is about: ${FACT_TOPICS.join(', ')}.`),
    ask: z.array(text('A way a candidate might ask for this fact, e.g. "how many daily users".')).min(1).describe('Phrases a candidate might use to ask for the fact; the matcher also knows the topic\'s common words.'),
    answer: text('What the interviewer says when asked, with specific numbers.'),
  })
  .meta({ title: 'Fact', description: 'Something the interviewer knows and reveals only when asked.' });

const Interviewer = z
  .strictObject({
    facts: z.array(Fact).min(1).describe('The fact sheet: what the interviewer answers when the candidate asks.'),
  })
  .meta({ title: 'Interviewer', description: "The interviewer's side: answers to clarifying questions." });

const phrases = (description: string) => z.array(text('A word or phrase looked for in the notes (word forms match: "label" finds "labelled").')).min(1).describe(description);

const FollowupWhen = z
  .strictObject({
    mentioned: phrases('Asked when the notes so far mention any of these.').optional(),
    missing: phrases('Asked when the notes so far mention none of these.').optional(),
  })
  .meta({ title: 'Follow-up condition', description: 'When the follow-up fits the notes so far; preferred over unconditional follow-ups then.' });

export const Followup = z
  .strictObject({
    text: text('The follow-up as the interviewer says it.'),
    answer: z.array(text('One point a strong reply covers.')).min(1).optional().describe('The answer key: 2-4 points a strong reply covers.'),
    when: FollowupWhen.optional(),
  })
  .meta({ title: 'Follow-up', description: 'A curveball with its answer key and, optionally, when to prefer it.' });

const componentId = () => kebab('a component id', 'A diagram component id, kebab-case; flows name components by it.');

const DiagramComponent = z
  .strictObject({
    id: componentId(),
    names: z.array(text('A name a candidate might give the component, e.g. feature store.')).min(1).describe('What a candidate might call it: synonyms, matched up to word forms.'),
  })
  .meta({ title: 'Diagram component', description: 'A component a strong design has.' });

export const DiagramFlow = z
  .tuple([componentId(), componentId(), text('How the report names the flow when it is missing, e.g. the loop from logged outcomes to training data.').optional()])
  .meta({ title: 'Diagram flow', description: '[from, to] or [from, to, wording]: a key flow between two components.' });

const ReferenceDiagram = z
  .strictObject({
    components: z.array(DiagramComponent).min(1).describe('The components a strong design has.'),
    flows: z.array(DiagramFlow).describe('The key flows between them, including the feedback loop back to training.'),
  })
  .meta({ title: 'Reference diagram', description: "What a strong design's diagram contains; a candidate's drawing is compared with it." });

export const Question = z
  .strictObject({
    id: kebab('a question id', 'The question id, kebab-case, equal to the file name.'),
    title: text('A short name for the question.'),
    category: z.enum(CATEGORIES).describe('The category; by convention also the directory under questions/.'),
    difficulty: z.enum(DIFFICULTIES).describe('How hard the question is.'),
    companies: z.array(text('A company publicly reported to ask this question.')).optional().describe('Only companies a public source attributes the question to; cite it in references.'),
    tags: z.array(kebab('a tag', 'A kebab-case tag.')).optional().describe('Kebab-case tags for filtering.'),
    rubric: kebab('a rubric id', `The rubric id; default ${DEFAULT_RUBRIC}.`).optional(),
    prompt: text('The question as an interviewer would say it: short and vague.'),
    references: z.array(Reference).optional().describe('Public sources for the question.'),
    stages: z.record(kebab('a stage id', 'A stage id of the rubric.'), QuestionStage).describe('Hints and extra checklist items per stage id of the rubric.'),
    followups: z.array(z.union([text('A curveball the interviewer may throw.'), Followup])).optional().describe('Curveballs the interviewer may throw: plain text, or text with an answer key and a condition.'),
    interviewer: Interviewer.optional(),
    examples: Examples.optional(),
    diagram: ReferenceDiagram.optional(),
  })
  .meta({ title: 'mldrill question', description: 'An mldrill question.' });

export type ChecklistItem = z.infer<typeof ChecklistItem>;
export type QuestionItem = z.infer<typeof QuestionItem>;
export type Example = z.infer<typeof Example>;
export type Examples = z.infer<typeof Examples>;
export type RubricStage = z.infer<typeof RubricStage>;
export type QuestionStage = z.infer<typeof QuestionStage>;
export type { Category, Difficulty } from './categories.js';

export type RubricData = z.infer<typeof Rubric>;
export type QuestionData = z.infer<typeof Question>;
export type Fact = z.infer<typeof Fact>;

/** A follow-up as the program uses it: plain ones become { text }. */
export interface Followup {
  text: string;
  answer?: string[];
  when?: { mentioned?: string[]; missing?: string[] };
}

/** A loaded rubric, with the file it came from. */
export interface LoadedRubric extends RubricData {
  file: string;
}

/**
 * A loaded question, with defaults filled in and the file it came from. `followups` holds the
 * texts (what shows a follow-up needs); `followupDetails` each follow-up whole, in the same order.
 */
export interface LoadedQuestion extends Omit<QuestionData, 'followups'> {
  rubric: string;
  file: string;
  followups?: string[];
  followupDetails?: Followup[];
}

/** A question as a file holds it, in the shape the rest of mldrill reads. */
export function loadedQuestion(question: QuestionData, rubric: string, file: string): LoadedQuestion {
  const { followups, ...rest } = question;
  const details = followupDetails(followups);
  return { ...rest, rubric, file, ...(followups ? { followups: details.map((followup) => followup.text), followupDetails: details } : {}) };
}

/** The follow-ups of a file, each as { text, answer?, when? }. */
function followupDetails(followups: QuestionData['followups']): Followup[] {
  return (followups ?? []).map((followup) => (typeof followup === 'string' ? { text: followup } : followup));
}
