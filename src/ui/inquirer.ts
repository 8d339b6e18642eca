// Inquirer's core, for the custom prompts (the stage screen, the self-assessment). It is an ES
// module only, and the bundle is CommonJS (see scripts/bundle.mjs), which before Node 20.19 can
// load one only with import(); so it is loaded when a prompt is made, and handed to the view with
// each render rather than kept in a module variable that every caller would share.
import type { createPrompt } from '@inquirer/core';

export type InquirerCore = typeof import('@inquirer/core');

/** What a prompt's view returns: the screen, and optionally the line under the cursor. */
type Screen = string | [string, string | undefined];

/** Makes a prompt whose view receives the loaded core (its hooks and key helpers) at every render. */
export async function makePrompt<Value, Config>(
  view: (core: InquirerCore, config: Config, done: (value: Value) => void) => Screen,
): Promise<ReturnType<typeof createPrompt<Value, Config>>> {
  const core = await import('@inquirer/core');
  // createPrompt hands the view Prettify<Config>: the same object, its type spelled out.
  return core.createPrompt<Value, Config>((config, done) => view(core, config as Config, done));
}
