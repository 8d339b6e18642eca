// The JSON Schemas for editors: generated from the zod schemas, committed, and printed.
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findYamlFiles } from '../src/bank/files.js';
import { PACKAGE_ROOT } from '../src/package-root.js';
import { jsonSchemaText, SCHEMA_KINDS, schemaFileName } from '../src/bank/json-schema.js';
import { kindOf } from '../src/bank/validate.js';
import { main } from '../src/main.js';
import { QUESTION } from './helpers/bank.js';
import { fakeIo } from './helpers/fake-io.js';

const committed = (kind: string) => fs.readFileSync(path.join(PACKAGE_ROOT, 'schema', `${kind}.schema.json`), 'utf8');

describe('schema/*.schema.json', () => {
  it.each(SCHEMA_KINDS)('%s: the committed file is what the zod schema generates (else run npm run schema)', (kind) => {
    expect(committed(kind), `schema/${schemaFileName(kind)} is stale: run npm run schema`).toBe(jsonSchemaText(kind));
  });

  it('are draft-07 with a title and description on every object', () => {
    for (const kind of SCHEMA_KINDS) {
      const schema = JSON.parse(committed(kind));
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
      expect(schema.title).toBe(`mldrill ${kind}`);
      const objects: Array<{ title?: string; description?: string }> = [];
      JSON.stringify(schema, (_, value) => {
        if (value && value.type === 'object' && value.additionalProperties === false) objects.push(value);
        return value;
      });
      for (const object of objects) expect(object.title && object.description, JSON.stringify(object).slice(0, 80)).toBeTruthy();
    }
  });

  it('accept every shipped file and reject what lint rejects, with ajv', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validators = { question: ajv.compile(JSON.parse(committed('question'))), rubric: ajv.compile(JSON.parse(committed('rubric'))) };
    for (const file of findYamlFiles([path.join(PACKAGE_ROOT, 'questions'), path.join(PACKAGE_ROOT, 'rubrics')])) {
      const validate = validators[kindOf(file)];
      expect(validate(parse(fs.readFileSync(file, 'utf8'))), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    for (const broken of [QUESTION.replace('difficulty: medium', 'difficulty: meduim'), QUESTION.replace('title: A feed', "title: '  '"), QUESTION.replace('id: surface', 'id: Bad_Id'), QUESTION.replace('  design:', '  Design:')]) {
      expect(validators.question(parse(broken)), broken).toBe(false);
    }
  });
});

describe('mldrill schema', () => {
  it.each(SCHEMA_KINDS)('prints the %s schema', async (kind) => {
    const io = fakeIo();
    expect(await main(['schema', kind], io)).toBe(0);
    expect(io.out()).toBe(committed(kind));
  });

  it('refuses another kind (exit 2)', async () => {
    const io = fakeIo();
    expect(await main(['schema', 'answer'], io)).toBe(2);
    expect(io.err()).toMatch(/'answer' is invalid.*Allowed choices are question, rubric/);
  });
});
