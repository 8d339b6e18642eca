#!/usr/bin/env node
// `npm run schema`: writes schema/*.schema.json from the zod schemas (run after `npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { SCHEMA_KINDS, jsonSchemaText, schemaFileName } = await import(path.join(root, 'dist', 'bank', 'json-schema.js'));
fs.mkdirSync(path.join(root, 'schema'), { recursive: true });
for (const kind of SCHEMA_KINDS) {
  const file = path.join(root, 'schema', schemaFileName(kind));
  fs.writeFileSync(file, jsonSchemaText(kind));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
