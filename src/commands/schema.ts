// `mldrill schema question|rubric`: prints the JSON Schema (draft-07) of a file format.
import { jsonSchemaText } from '../bank/json-schema.js';
import type { FileKind } from '../bank/validate.js';
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';

export async function schema(options: { kind: FileKind }, io: Io): Promise<number> {
  io.stdout.write(jsonSchemaText(options.kind));
  return EXIT.ok;
}
