// `mldrill schema question|rubric|config`: prints the JSON Schema (draft-07) of a file format.
import type { FileKind } from '../bank/validate.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';

export async function schema(options: { kind: FileKind | 'config' }, io: Io): Promise<number> {
  // The config's schema comes from a plain table; only the bank formats need zod.
  if (options.kind === 'config') io.stdout.write((await import('../config/document.js')).configSchemaText());
  else io.stdout.write((await import('../bank/json-schema.js')).jsonSchemaText(options.kind));
  return EXIT.ok;
}
