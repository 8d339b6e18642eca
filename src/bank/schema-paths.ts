// Walking the file formats' zod schemas (schema.ts) by the path of a value in a file: what a
// mapping there may hold, whether a field is required. Used to word findings.
import * as z from 'zod';
import type { PathSegment } from './parse.js';

/** The value at pathTo in parsed data; undefined where the path leads nowhere. */
export function valueAt(data: unknown, pathTo: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of pathTo) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PathSegment, unknown>)[segment];
  }
  return value;
}

/** The schema of the value at pathTo, unwrapped; undefined where the path leaves the schema. */
export function schemaAt(schema: z.ZodType, pathTo: readonly PathSegment[]): z.ZodType | undefined {
  let node: z.ZodType | undefined = schema;
  for (const segment of pathTo) node = childSchema(unwrap(node), segment);
  return unwrap(node);
}

/** The schema one step down from an unwrapped node: a field's, a record's value's or a list's item's. */
export function childSchema(node: z.ZodType | undefined, segment: PathSegment): z.ZodType | undefined {
  if (node instanceof z.ZodObject) return (node.shape as Record<string, z.ZodType | undefined>)[String(segment)];
  if (node instanceof z.ZodRecord) return node.valueType as z.ZodType;
  if (node instanceof z.ZodArray) return node.element as z.ZodType;
  return undefined;
}

/** The field names a mapping at pathTo may have, for "did you mean". */
export function knownKeys(schema: z.ZodType, pathTo: readonly PathSegment[]): string[] {
  return fieldsOf(schemaAt(schema, pathTo));
}

/** The field names of an unwrapped node, when it is a mapping with fixed fields. */
export function fieldsOf(node: z.ZodType | undefined): string[] {
  return node instanceof z.ZodObject ? Object.keys(node.shape) : [];
}

/** A field that its mapping must have: one of an object's fields that is neither optional nor defaulted. */
export function isRequired(schema: z.ZodType, pathTo: readonly PathSegment[]): boolean {
  const parent = schemaAt(schema, pathTo.slice(0, -1));
  const field = parent instanceof z.ZodObject ? (parent.shape as Record<string, z.ZodType | undefined>)[String(pathTo[pathTo.length - 1])] : undefined;
  return field !== undefined && !(field instanceof z.ZodOptional || field instanceof z.ZodDefault);
}

/** The required fields of an unwrapped mapping node. */
export function requiredFields(node: z.ZodType | undefined): string[] {
  if (!(node instanceof z.ZodObject)) return [];
  return Object.entries(node.shape as Record<string, z.ZodType>).filter(([, field]) => !(field instanceof z.ZodOptional || field instanceof z.ZodDefault)).map(([key]) => key);
}

export function unwrap(node: z.ZodType | undefined): z.ZodType | undefined {
  for (;;) {
    if (node instanceof z.ZodOptional || node instanceof z.ZodDefault) node = node.unwrap() as z.ZodType;
    // Text or a mapping: only the mapping has fields.
    else if (node instanceof z.ZodUnion) node = (node.options as z.ZodType[]).find((option) => unwrap(option) instanceof z.ZodObject);
    else return node;
  }
}
