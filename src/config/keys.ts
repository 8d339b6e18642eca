// The settings the config file may hold: one table that the reader validates against, the
// `config` command shows, `config init` writes out and `schema config` turns into a JSON Schema.
// Plain data, free of the YAML parser and zod, so the command table can use it for nothing.

export const COLOURS = ['auto', 'always', 'never'] as const;
export type Colour = (typeof COLOURS)[number];

export type SettingValue = string | number | boolean | string[] | null;

interface BaseSetting {
  /** Dotted for a key inside a section: `llm.url`. */
  key: string;
  description: string;
  /** Environment variables that override the file, in the order they are consulted. */
  env?: readonly string[];
  /** The drill option (commander's attribute name) this key is the default of. */
  option?: string;
  /** For `config init`: a value to show, commented out, for a key whose default is "unset". */
  example?: string;
  /** Written by `config init` only as a comment, never as a key (secrets). */
  initCommentOnly?: boolean;
}

export type Setting = BaseSetting & (
  | { type: 'boolean'; default: boolean }
  | { type: 'number'; default: number | null; min: number; max: number }
  | { type: 'text'; default: string | null; url?: boolean; path?: boolean; secret?: boolean }
  | { type: 'choice'; default: string; values: readonly string[] }
  | { type: 'paths'; default: string[] }
);

/** Every key, in the order `config` shows them and `config init` writes them. */
export const SETTINGS: readonly Setting[] = [
  { key: 'minutes', type: 'number', default: null, min: 1, max: 600, option: 'minutes', example: '45', description: "drill: scale the whole interview to this many minutes (unset: the rubric's own timings)" },
  { key: 'rubric', type: 'text', default: null, option: 'rubric', example: 'ml-system-design-short', description: "drill: the rubric to drill with instead of each question's own" },
  { key: 'strict', type: 'boolean', default: false, option: 'strict', description: 'drill: move on automatically when a stage runs out of time (--no-strict turns it off)' },
  { key: 'curveballs', type: 'boolean', default: true, option: 'curveballs', description: 'drill: throw in a follow-up during the deep-dive (--curveballs turns it back on)' },
  { key: 'ready', type: 'boolean', default: true, option: 'ready', description: 'drill: wait for Enter before the clock starts (--no-ready skips the wait, --ready turns it back on)' },
  { key: 'interviewer', type: 'boolean', default: false, option: 'interviewer', description: 'drill: mock-interviewer mode (--no-interviewer turns it off)' },
  { key: 'bank', type: 'paths', default: [], env: ['MLDRILL_BANK'], description: 'directories of your own questions and rubrics, loaded with the built-in ones (relative to this file)' },
  { key: 'colour', type: 'choice', default: 'auto', values: COLOURS, env: ['NO_COLOR', 'FORCE_COLOR', 'TERM'], description: 'auto (colour on a terminal), always or never; NO_COLOR, FORCE_COLOR and TERM=dumb still win' },
  { key: 'state_dir', type: 'text', default: null, path: true, env: ['MLDRILL_HOME'], example: '~/.local/state/mldrill', description: 'where the history is kept (relative to this file; unset: $XDG_STATE_HOME/mldrill or ~/.local/state/mldrill)' },
  { key: 'llm.url', type: 'text', default: null, url: true, env: ['MLDRILL_LLM_URL'], example: 'http://127.0.0.1:11434/v1', description: 'the second rater: base URL of an OpenAI-compatible API (unset: nothing is sent anywhere)' },
  { key: 'llm.model', type: 'text', default: null, env: ['MLDRILL_LLM_MODEL'], example: 'llama3.1:8b', description: 'the second rater: the model to ask' },
  { key: 'llm.api_key', type: 'text', default: null, secret: true, env: ['MLDRILL_LLM_API_KEY'], initCommentOnly: true, example: 'sk-...', description: 'the second rater: an API key; better kept in MLDRILL_LLM_API_KEY than in this file' },
  { key: 'llm.schedule_from', type: 'choice', default: 'self', values: ['self', 'ai'], description: "next: rate each practised question for spaced repetition from your own score (self) or from the AI grader's where it rated the session (ai)" },
];

/** The keys allowed at the top level and inside each section, for "did you mean". */
export function keysIn(section: string | undefined): string[] {
  const names = new Set<string>();
  for (const { key } of SETTINGS) {
    const [head, tail] = key.split('.') as [string, string | undefined];
    if (section === undefined) names.add(head);
    else if (head === section && tail !== undefined) names.add(tail);
  }
  return [...names];
}

/** The sections (mappings) of the file: `llm`. */
export const SECTIONS = [...new Set(SETTINGS.filter(({ key }) => key.includes('.')).map(({ key }) => key.split('.')[0]!))];

export function settingFor(key: string): Setting | undefined {
  return SETTINGS.find((setting) => setting.key === key);
}
