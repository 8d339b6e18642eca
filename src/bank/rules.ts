// Every rule a finding can come from: the list the README's rule table and the fixture table
// in test/bank.test.ts are checked against.
import type { Severity } from './findings.js';

export const RULES: ReadonlyArray<{ id: string; severity: Severity; what: string }> = [
  { id: 'unreadable', severity: 'error', what: 'the file cannot be read' },
  { id: 'file-too-large', severity: 'error', what: 'the file is over 1 MiB (refused before parsing)' },
  { id: 'yaml-syntax', severity: 'error', what: 'the YAML does not parse' },
  { id: 'duplicate-key', severity: 'error', what: 'a key appears twice in one mapping' },
  { id: 'alias-limit', severity: 'error', what: 'anchors and aliases expand too far (an alias bomb)' },
  { id: 'required', severity: 'error', what: 'a required field is missing' },
  { id: 'empty', severity: 'error', what: 'a field, list or the whole file is empty or blank' },
  { id: 'type', severity: 'error', what: 'a value has the wrong type (text, number, list, mapping, URL)' },
  { id: 'unknown-field', severity: 'error', what: 'a field the format does not have, with "did you mean"' },
  { id: 'enum', severity: 'error', what: 'a category or difficulty that does not exist, with "did you mean"' },
  { id: 'range', severity: 'error', what: 'a number out of range (weight above 0 and at most 10, minutes at most 240)' },
  { id: 'stage-minutes', severity: 'error', what: 'a rubric stage without a positive number of minutes' },
  { id: 'id-format', severity: 'error', what: 'an id, tag or stage key that is not kebab-case' },
  { id: 'id-filename', severity: 'error', what: 'an id that differs from the file name' },
  { id: 'duplicate-id', severity: 'error', what: 'the same question or rubric id in two files' },
  { id: 'duplicate-stage', severity: 'error', what: 'the same stage id twice in a rubric' },
  { id: 'duplicate-item', severity: 'error', what: "a checklist item id twice in a stage, or a question item reusing its rubric's" },
  { id: 'unknown-rubric', severity: 'error', what: 'a question whose rubric does not exist' },
  { id: 'unknown-stage', severity: 'error', what: 'a question stage that its rubric does not have' },
  { id: 'control-chars', severity: 'error', what: 'a control character or escape sequence in a key or value' },
  { id: 'diagram-unknown-component', severity: 'error', what: 'a reference diagram flow naming a component the diagram does not have' },
  { id: 'diagram-duplicate', severity: 'error', what: 'a reference diagram component id, or a name (up to word forms), used twice' },
  { id: 'diagram-no-flows', severity: 'error', what: 'a reference diagram with an empty list of flows' },
  { id: 'short-prompt', severity: 'warning', what: 'a prompt under 25 characters' },
  { id: 'no-hints', severity: 'warning', what: 'a question stage without hints' },
  { id: 'todo', severity: 'warning', what: 'a value that still says TODO' },
  { id: 'schema-comment', severity: 'warning', what: 'no working "# yaml-language-server: $schema=…" line for editors' },
];
