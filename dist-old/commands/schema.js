import { EXIT } from '../errors.js';
export async function schema(options, io) {
    // The config's schema comes from a plain table; only the bank formats need zod.
    if (options.kind === 'config')
        io.stdout.write((await import('../config/document.js')).configSchemaText());
    else
        io.stdout.write((await import('../bank/json-schema.js')).jsonSchemaText(options.kind));
    return EXIT.ok;
}
