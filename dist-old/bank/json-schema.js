// The JSON Schemas in schema/, generated from the zod schemas so that editors check files
// exactly as far as a schema can (cross-file rules and warnings stay with `mldrill lint`).
import * as z from 'zod';
import { DiagramFlow, Question, Rubric } from './schema.js';
export const SCHEMA_KINDS = ['question', 'rubric'];
/** The file name of a kind's schema inside schema/. */
export const schemaFileName = (kind) => `${kind}.schema.json`;
/** The draft-07 JSON Schema of a file kind, as the text committed in schema/. */
export function jsonSchemaText(kind) {
    const schema = z.toJSONSchema(kind === 'question' ? Question : Rubric, { target: 'draft-07', io: 'input', override: fullTuples });
    return `${JSON.stringify(schema, null, 2)}\n`;
}
/**
 * A diagram flow is [from, to] or [from, to, wording]. As one tuple with an optional last item,
 * strict validators (ajv) take it for a mistake; as a choice of two whole tuples, none do.
 */
function fullTuples(context) {
    if (context.zodSchema !== DiagramFlow)
        return;
    const json = context.jsonSchema;
    const items = json.items;
    const tuple = (length) => ({ type: 'array', items: items.slice(0, length), minItems: length, maxItems: length, additionalItems: false });
    for (const key of ['type', 'items', 'minItems', 'maxItems', 'additionalItems'])
        delete json[key];
    json.anyOf = [tuple(2), tuple(3)];
}
