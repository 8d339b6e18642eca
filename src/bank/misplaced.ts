// A field written in the wrong mapping: indented a level too little or too much, put under the
// stage instead of its checklist item, or given a "- " of its own. The schema alone sees an
// unknown field here and a field missing there; this finds where the field belongs, so that the
// author gets one finding that says how to move it.
import * as z from 'zod';
import { cut, quotedList } from '../text.js';
import type { PathSegment } from './parse.js';
import { isRecord } from './records.js';
import { childSchema, fieldsOf, requiredFields, schemaAt, unwrap, valueAt } from './schema-paths.js';

/** A step down the schema: a field, any entry of a mapping of free keys, or any item of a list. */
type Step = string | typeof ANY_ENTRY | typeof ANY_ITEM;
const ANY_ENTRY = Symbol('entry');
const ANY_ITEM = Symbol('item');

/** How far from where it was written a field is looked for: a stage's field is two levels above its items' fields. */
const MAX_UP = 2;
const MAX_DOWN = 2;

interface Home {
  /** Levels up from the mapping the fields are in. */
  up: number;
  /** Then down to the mapping they belong to. */
  down: Step[];
  node: z.ZodType;
}

/** What to tell the author about fields of one mapping that belong in another. */
export interface Misplacement {
  /** The fields that belong elsewhere, in the order written; the finding goes at the first. */
  keys: string[];
  message: string;
}

/** `stages.clarify.checklist[2]`, or the top level. */
function placeName(pathTo: readonly PathSegment[], show: (pathTo: readonly PathSegment[]) => string): string {
  return pathTo.length === 0 ? 'the top level of the file' : show(pathTo);
}

/** "a checklist item", from the title the schema gives the mapping. */
function noun(node: z.ZodType): string {
  const title = String(node.meta()?.title ?? 'mapping').replace(/^(Question|Rubric) /, '');
  const lower = title[0]!.toLowerCase() + title.slice(1);
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

/** Every mapping within MAX_UP levels up and then MAX_DOWN down of pathTo, nearest first. */
function homesNear(schema: z.ZodType, pathTo: readonly PathSegment[]): Home[] {
  const homes: Home[] = [];
  const walk = (up: number, node: z.ZodType | undefined, down: Step[]) => {
    if (node === undefined) return;
    if (fieldsOf(node).length > 0 && (up > 0 || down.length > 0)) homes.push({ up, down, node });
    if (down.length === MAX_DOWN) return;
    for (const field of fieldsOf(node)) walk(up, unwrap(childSchema(node, field)), [...down, field]);
    if (node instanceof z.ZodArray || node instanceof z.ZodRecord) walk(up, unwrap(childSchema(node, 0)), [...down, node instanceof z.ZodArray ? ANY_ITEM : ANY_ENTRY]);
  };
  for (let up = 0; up <= Math.min(MAX_UP, pathTo.length); up++) walk(up, schemaAt(schema, pathTo.slice(0, pathTo.length - up)), []);
  return homes.sort((a, b) => a.up + a.down.length - (b.up + b.down.length) || a.up - b.up);
}

/**
 * Of the unknown fields `keys` of the mapping at pathTo, those that belong to one mapping
 * nearby, and how to move them there; undefined when none does.
 */
export function misplacedFields(schema: z.ZodType, data: unknown, pathTo: readonly PathSegment[], keys: readonly string[], show: (pathTo: readonly PathSegment[]) => string): Misplacement | undefined {
  const here = valueAt(data, pathTo);
  if (!isRecord(here)) return undefined;
  const entries = strayEntries(schema, data, pathTo, keys, show);
  if (entries) return entries;
  let best: { home: Home; keys: string[] } | undefined;
  for (const home of homesNear(schema, pathTo)) {
    const fields = fieldsOf(home.node);
    const placed = keys.filter((key) => fields.includes(key));
    // Up and then down again (a follow-up's "title" to a reference) is a guess too far.
    if (placed.length === 0 || (home.up > 0 && home.down.length > 0) || (best && placed.length <= best.keys.length) || !couldHold(data, pathTo, home, placed)) continue;
    best = { home, keys: placed };
  }
  if (!best) return undefined;
  const { home, keys: placed } = best;
  const base = pathTo.slice(0, pathTo.length - home.up);
  const them = placed.length > 1 ? 'them' : 'it';
  const concrete = home.down.every((step) => typeof step === 'string');
  const where = concrete ? placeName([...base, ...(home.down as string[])], show) : noun(home.node);
  const from = placeName(pathTo, show);
  const first = home.down[0];
  let fix: string;
  if (home.down.length === 0) {
    // Too deep: the field of a mapping further up, indented under one of its fields.
    const alongside = pathTo[base.length];
    fix = typeof alongside === 'string' ? `indent ${them} less, to line up with "${alongside}"` : `move ${them} to ${where}`;
  } else if (home.up === 0 && typeof first === 'string' && home.down.length === 1) {
    fix = here[first] === undefined ? `add "${first}:" and indent ${them} under it` : `indent ${them} under "${first}:"`;
  } else if (home.up === 0 && typeof first === 'string' && home.down[1] === ANY_ITEM) {
    fix = itemFix(here, first, placed, formsItem(home, placed), requiredFields(home.node)[0] ?? 'id', them);
  } else {
    fix = `move ${them} to ${where}`;
  }
  const verb = placed.length > 1 ? 'belong' : 'belongs';
  return { keys: placed, message: `${quotedList(placed)} ${verb} to ${where}, not to ${from}; ${fix}` };
}

/**
 * Entries of a mapping of free keys written a level too deep, inside a sibling entry: `metrics:`
 * (a stage, by its fields) indented under `clarify:`.
 */
function strayEntries(schema: z.ZodType, data: unknown, pathTo: readonly PathSegment[], keys: readonly string[], show: (pathTo: readonly PathSegment[]) => string): Misplacement | undefined {
  const here = valueAt(data, pathTo) as Record<string, unknown>;
  for (let up = 1; up <= Math.min(MAX_UP, pathTo.length); up++) {
    const base = pathTo.slice(0, pathTo.length - up);
    const node = schemaAt(schema, base);
    const sibling = pathTo[base.length];
    if (!(node instanceof z.ZodRecord) || typeof sibling !== 'string') continue;
    const entry = unwrap(node.valueType as z.ZodType);
    const fields = fieldsOf(entry);
    const owner = valueAt(data, base);
    const found = keys.filter((key) => {
      const value = here[key];
      return isRecord(value) && Object.keys(value).length > 0 && Object.keys(value).every((field) => fields.includes(field)) && isRecord(owner) && owner[key] === undefined;
    });
    if (found.length === 0 || entry === undefined) continue;
    const [is, them] = found.length > 1 ? ['are', 'them'] : ['is', 'it'];
    const what = found.length > 1 ? `${noun(entry).replace(/^an? /, '')}s (by their fields), not fields` : `${noun(entry)} (by its fields), not a field`;
    return { keys: found, message: `${quotedList(found)} ${is} ${what} of ${show(pathTo)}; indent ${them} less, to line up with "${sibling}"` };
  }
  return undefined;
}

/** How to move fields written beside the list `list` into one of its items. */
function itemFix(here: Record<string, unknown>, list: string, placed: readonly string[], ownItem: boolean, firstField: string, them: string): string {
  const items = here[list];
  // Every field an item needs: the "- " that made them an item was lost.
  if (ownItem) {
    return `make ${them} an item of "${list}": write "- " before "${placed[0]}" and indent ${them} under "${list}:", in line with its other items`;
  }
  // Written just after the list's last item: they are most likely its own, dedented.
  const order = Object.keys(here);
  const last: unknown = Array.isArray(items) ? items[items.length - 1] : undefined;
  if (isRecord(last) && order[order.indexOf(placed[0]!) - 1] === list) {
    return `indent ${them} under ${itemLine(last)} (the item above), in line with its "${lineUpWith(last)}"`;
  }
  return `indent ${them} under the "- ${firstField}: ..." line of the item in "${list}" ${them === 'it' ? 'it belongs' : 'they belong'} to, in line with that item's other fields`;
}

/** The field of an item to line a field up with: its second, which starts its own line (the first follows the "- "). */
function lineUpWith(item: Record<string, unknown>): string {
  const fields = Object.keys(item);
  return fields[1] ?? fields[0] ?? 'id';
}

/** `"- id: levers-and-auction"`: how an item's first line reads. */
function itemLine(item: Record<string, unknown>): string {
  const [key, value] = Object.entries(item)[0] ?? ['id', undefined];
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? `"- ${key}: ${cut(String(value), 40)}"` : `"- ${key}:"`;
}

/** Whether the fields are all that an item of the list at home needs: an item of their own, which lost its "- ". */
function formsItem(home: Home, placed: readonly string[]): boolean {
  const required = requiredFields(home.node);
  return home.down[home.down.length - 1] === ANY_ITEM && required.length > 0 && required.every((key) => placed.includes(key));
}

/**
 * Whether the mapping at home can take the fields: one named by its path must not have them
 * already (a second "hints" in the wrong place is not a lost one).
 */
function couldHold(data: unknown, pathTo: readonly PathSegment[], home: Home, placed: readonly string[]): boolean {
  let at: unknown = valueAt(data, pathTo.slice(0, pathTo.length - home.up));
  for (const step of home.down) {
    // A field of an item of a list that is not there: no item lost it, unless it makes an item.
    if (at === undefined) return step !== ANY_ITEM || formsItem(home, placed);
    if (typeof step === 'string') {
      if (!isRecord(at)) return false;
      at = at[step];
      continue;
    }
    // Any entry or item: one may lack them, or they may start a new one.
    return true;
  }
  return at === undefined || (isRecord(at) && placed.every((key) => at[key] === undefined));
}

/**
 * A list item with none of the fields it must have (`missing`), only fields the item above
 * lacks: a field of that item given a "- " of its own, as `- core: true` under an item. Where
 * to report it and what to say, or undefined when the item is not that.
 */
export function strayItem(schema: z.ZodType, data: unknown, pathTo: readonly PathSegment[], missing: readonly string[], show: (pathTo: readonly PathSegment[]) => string): { key: string; message: string } | undefined {
  const index = pathTo[pathTo.length - 1];
  if (typeof index !== 'number' || index === 0) return undefined;
  const item = valueAt(data, pathTo);
  const above = valueAt(data, [...pathTo.slice(0, -1), index - 1]);
  if (!isRecord(item) || !isRecord(above)) return undefined;
  const keys = Object.keys(item);
  const known = fieldsOf(schemaAt(schema, pathTo));
  if (keys.length === 0 || !keys.every((key) => known.includes(key) && above[key] === undefined)) return undefined;
  const [them, reads] = keys.length > 1 ? ['them', 'they read as fields'] : ['it', 'it reads as a field'];
  return {
    key: keys[0]!,
    message: `${show(pathTo)} has ${quotedList(keys)} but no ${quotedList(missing, 'or')}: ${reads} of the item above (${itemLine(above)}) written as an item of ${keys.length > 1 ? 'their' : 'its'} own; replace the "- " before "${keys[0]}" with two spaces, to line ${them} up with that item's "${lineUpWith(above)}"`,
  };
}
