// Small banks written to a temp directory, for loader and lint tests.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bankDirectories, findYamlFiles, type BankOptions, type UnreadableDir } from '../../src/bank/files.js';
import { loadFiles, type Bank } from '../../src/bank/load.js';
import { schemaModeline } from '../../src/bank/schema-comment.js';
import { kindOf } from '../../src/bank/validate.js';

/** Stands for the editor modeline; writeBank turns it into a working path from each file to schema/. */
export const MODELINE = '# yaml-language-server: $schema=SCHEMA';

export const RUBRIC = `${MODELINE}
id: mini
title: Mini rubric
stages:
  - id: clarify
    title: Clarify
    minutes: 5
    goal: Scope the problem.
    checklist:
      - id: goal
        text: Named the business goal
        weight: 2
        guidance: Say what the business wants.
  - id: design
    title: Design
    minutes: 10
    goal: Design it.
    checklist:
      - id: diagram
        text: Drew a diagram
`;

export const QUESTION = `${MODELINE}
id: feed
title: A feed
category: recommendation
difficulty: medium
rubric: mini
prompt: Design a feed that shows people posts they care about.
stages:
  clarify:
    hints:
      - Ask who the users are.
    checklist:
      - id: surface
        text: Asked where the feed appears
        core: true
  design:
    hints:
      - Two stages.
followups:
  - Traffic grew tenfold.
`;

/** Writes files (relative path -> content) into a fresh temp directory and returns it. */
export function writeBank(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mldrill-bank-'));
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content.replace(MODELINE, schemaModeline(file, kindOf(file))));
  }
  return dir;
}

export const baseBank = (overrides: Record<string, string> = {}) => ({
  'rubrics/mini.yaml': RUBRIC,
  'questions/recommendation/feed.yaml': QUESTION,
  ...overrides,
});

/** Loads the whole bank (built-in, --bank and MLDRILL_BANK) without the cache, as a miss does. */
export function loadBank(cwd: string, env: Record<string, string | undefined>, options: BankOptions = {}): Bank {
  const unreadable: UnreadableDir[] = [];
  return loadFiles(findYamlFiles(bankDirectories(cwd, env, options), { unreadable }), cwd, unreadable);
}
