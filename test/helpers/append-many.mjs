// Appends COUNT records to FILE through the built appendRecord, as one drilling process would.
// Used by the store's concurrency test: several of these run at once against one file.
// Usage: node append-many.mjs FILE WRITER COUNT
import { appendRecord } from '../../dist/store/append.js';
import { makeRecord } from '../../dist/store/record.js';

const [file, writer, count] = process.argv.slice(2);
// Long notes make each line several KiB, well past the sizes where writes stay small.
const notes = `writer ${writer} `.repeat(400);
for (let i = 0; i < Number(count); i++) {
  appendRecord(file, makeRecord({
    id: `20261122-${String(i).padStart(4, '0')}-w${writer}aa`,
    questionId: 'feed', rubricId: 'mini', mode: 'self', status: 'completed',
    startedAt: Date.UTC(2026, 10, 22, 9), endedAt: Date.UTC(2026, 10, 22, 9, 40),
    stages: [{ id: 'clarify', budgetSeconds: 300, usedSeconds: 290, hintsShown: 0, notes }],
    score: { total: 50, stages: [{ checked: ['goal'], missed: [{ id: 'scale' }], score: 50 }] },
  }));
}
