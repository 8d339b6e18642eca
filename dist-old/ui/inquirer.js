/** Makes a prompt whose view receives the loaded core (its hooks and key helpers) at every render. */
export async function makePrompt(view) {
    const core = await import('@inquirer/core');
    // createPrompt hands the view Prettify<Config>: the same object, its type spelled out.
    return core.createPrompt((config, done) => view(core, config, done));
}
