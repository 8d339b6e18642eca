// The JSON Schemas in schema/, generated from the zod schemas so that editors check files
// exactly as far as a schema can (cross-file rules and warnings stay with `mldrill lint`).
import * as z from 'zod';
import { Question, Rubric } from './schema.js';
import type { FileKind } from './validate.js';

export const SCHEMA_KINDS = ['question', 'rubric'] as const satisfies readonly FileKind[];

/** The file name of a kind's schema inside schema/. */
export const schemaFileName = (kind: FileKind) => `${kind}.schema.json`;

/** The draft-07 JSON Schema of a file kind, as the text committed in schema/. */
export function jsonSchemaText(kind: FileKind): string {
  const schema = z.toJSONSchema(kind === 'question' ? Question : Rubric, { target: 'draft-07', io: 'input' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
