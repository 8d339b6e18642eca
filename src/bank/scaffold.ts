// The text of a new question file: the rubric's stages with TODO placeholders, which lint
// reports as warnings until the author replaces them. Pure: returns text, writes nothing.
import { stringify } from 'yaml';
import type { Category, Difficulty } from './categories.js';
import { KEBAB, type LoadedRubric } from './schema.js';

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
  for (const stage of scaffold.rubric.stages) {
    lines.push(
      `  # ${stage.title} (${stage.minutes} min): ${stage.goal.replace(/\s+/g, ' ')}`,
      `  ${stage.id}:`,
      '    hints:',
      `      - "TODO: a nudge for ${stage.id} specific to this question, revealed on request"`,
      "    # checklist:  # items that join the rubric's for this stage",
      '    #   - id: kebab-case-id',
      '    #     text: What the candidate should cover',
      '    #     guidance: What good looks like',
    );
  }
  lines.push('followups:', '  - "TODO: a curveball the interviewer may throw"');
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
