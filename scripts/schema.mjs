#!/usr/bin/env node
// `npm run schema`: writes schema/*.schema.json from the zod schemas and the config's settings
// table (run after `npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { SCHEMA_KINDS, jsonSchemaText, schemaFileName } = await import(path.join(root, 'dist', 'bank', 'json-schema.js'));
const { configSchemaText } = await import(path.join(root, 'dist', 'config', 'document.js'));
fs.mkdirSync(path.join(root, 'schema'), { recursive: true });
const texts = [...SCHEMA_KINDS.map((kind) => [schemaFileName(kind), jsonSchemaText(kind)]), ['config.schema.json', configSchemaText()]];
for (const [name, text] of texts) {
  const file = path.join(root, 'schema', name);
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
