// The text of a new question file: the rubric's stages with TODO placeholders, which lint
// reports as warnings until the author replaces them. Pure: returns text, writes nothing.
import { stringify } from 'yaml';
import type { Category, Difficulty } from './categories.js';
import { FACT_TOPICS, KEBAB, type LoadedRubric } from './schema.js';

/** The facts a new question starts with, and phrases a candidate might ask them with. */
const SCAFFOLD_FACTS: ReadonlyArray<[topic: string, ask: string[]]> = [
  ['goal', ['what is the goal', 'what does success look like']],
  ['users', ['who are the users']],
  ['scale', ['how many users', 'how much traffic']],
  ['latency', ['what is the latency budget', 'how fast must it respond']],
  ['data', ['what data do we have', 'what is logged']],
  ['labels', ['do we have labels', 'is there ground truth']],
];

export interface Scaffold {
  id: string;
  title: string;
  category: Category;
  difficulty: Difficulty;
  rubric: LoadedRubric;
  /** The `# yaml-language-server: $schema=…` line for where the file goes. */
  modeline: string;
}

/** A scalar as YAML writes it: plain when it can be, quoted when it must. */
const scalar = (text: string) => stringify(text, { lineWidth: 0 }).trimEnd();

export function scaffoldQuestion(scaffold: Scaffold): string {
  const lines = [
    scaffold.modeline,
    `id: ${scaffold.id}`,
    `title: ${scalar(scaffold.title)}`,
    `category: ${scaffold.category}`,
    `difficulty: ${scaffold.difficulty}`,
    `rubric: ${scaffold.rubric.id}`,
    '# companies: [only where a public source attributes the question; cite it under references]',
    '# tags: [kebab-case, tags]',
    'prompt: "TODO: the question as an interviewer would ask it, short and vague"',
    'stages:',
  ];
  scaffold.rubric.stages.forEach((stage, i) => {
    lines.push(
      `  # ${stage.title} (${stage.minutes} min): ${stage.goal.replace(/\s+/g, ' ')}`,
      `  ${stage.id}:`,
      '    hints:',
      `      - "TODO: a nudge for ${stage.id} specific to this question, revealed on request"`,
    );
    // Every question has 1 to 3 core items (lint warns without one): the first stage starts with
    // one to fill in, the others with the shape of an item.
    if (i === 0) {
      lines.push(
        "    checklist:  # items that join the rubric's for this stage",
        '      # The insight the question exists to test, in the stage it belongs to (1 to 3 a question);',
        '      # an answer that misses every core item scores at most 60%.',
        '      - id: core-insight',
        '        text: "TODO: the insight this question exists to test"',
        '        core: true',
        '        keywords: ["TODO: a phrase only a candidate with that insight would write"]',
      );
    } else {
      lines.push(
        "    # checklist:  # items that join the rubric's for this stage",
        '    #   - id: kebab-case-id',
        '    #     text: What the candidate should cover',
        '    #     guidance: What good looks like',
      );
    }
  });
  lines.push(
    'followups:',
    '  - "TODO: a curveball the interviewer may throw"',
    '  - text: "TODO: a follow-up thrown when the notes mention a phrase below"',
    '    answer: ["TODO: a point a strong reply covers", "TODO: another (2-4 points in all)"]',
    '    when: { mentioned: ["TODO: a phrase from the notes"] }',
    `# The interviewer's fact sheet: what they reveal when asked (mldrill ask ${scaffold.id} "..."). At least`,
    `# 6 facts, covering goal, scale, latency and data or labels; topics: ${FACT_TOPICS.join(', ')}.`,
    'interviewer:',
    '  facts:',
  );
  for (const [topic, ask] of SCAFFOLD_FACTS) {
    lines.push(`    - id: ${topic}`, `      topic: ${topic}`, `      ask: [${ask.join(', ')}]`, `      answer: "TODO: the ${topic} fact as the interviewer says it, with numbers"`);
  }
  const [first] = scaffold.rubric.stages;
  lines.push(
    `# Answers that prove the scoring: lint grades each (strong: at least 70%, weak: at most 25%, offpoint:`,
    '# thorough but missing the core insight, at most 60%); notes by stage id.',
    '# examples:',
    '#   strong:',
    '#     notes:',
    `#       ${first?.id ?? 'clarify'}: |`,
    '#         - TODO: what a strong candidate writes, with numbers',
    '#   weak:',
    '#     notes:',
    `#       ${first?.id ?? 'clarify'}: "TODO: what a shallow candidate writes"`,
    `# The reference architecture a drawing is compared with (mldrill diagram -q ${scaffold.id}): components by the`,
    '# names a candidate may use, and the flows between them, the loop back from logs to training included.',
    '# diagram:',
    '#   components:',
    '#     - id: kebab-case-id',
    '#       names: [names a candidate may draw it by]',
    '#   flows:',
    '#     - [from-component-id, to-component-id, "why this flow matters"]',
  );
  return `${lines.join('\n')}\n`;
}

/** A kebab-case id suggested by a title: "Ad click prediction!" -> ad-click-prediction. */
export function idFromTitle(title: string): string {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

/** What is wrong with a new question id, if anything. */
export function idProblem(id: string): string | undefined {
  if (!id) return 'the id is empty';
  if (!KEBAB.test(id)) return `"${id}" is not kebab-case (lowercase letters, digits and single hyphens, e.g. ${idFromTitle(id) || 'ad-click-prediction'})`;
  return undefined;
}
