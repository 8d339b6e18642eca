// Finds, parses and validates every question and rubric file of the bank. Returns data and
// findings; never prints. A broken file is reported and left out; the rest still load.
import { checkFile, unreadableFinding } from './check-file.js';
import { existsOnce } from './schema-comment.js';
import { crossCheck } from './cross-check.js';
import { displayPath } from './files.js';
import { compareFindings } from './findings.js';
import { DEFAULT_RUBRIC, loadedQuestion } from './schema.js';
export { findYamlFiles } from './files.js';
/** Reads and checks the given files (absolute) as one bank; directories the walk could not list are findings. */
export function loadFiles(files, cwd, unreadable = []) {
    const findings = unreadable.map(({ dir, error }) => unreadableFinding(displayPath(cwd, dir), error, 'directory'));
    const summaries = [];
    const values = new Map();
    const exists = existsOnce();
    for (const file of files) {
        const shown = displayPath(cwd, file);
        const result = checkFile(file, shown, { keepValue: true, exists });
        findings.push(...result.findings);
        if (result.summary)
            summaries.push(result.summary);
        if (result.value)
            values.set(shown, { file, value: result.value });
    }
    const cross = crossCheck(summaries);
    findings.push(...cross.findings);
    const accepted = (summary) => values.get(summary.file) && !cross.rejected.has(summary.file);
    const rubrics = new Map();
    for (const summary of summaries) {
        const entry = summary.kind === 'rubric' && accepted(summary) ? values.get(summary.file) : undefined;
        if (entry)
            rubrics.set(summary.id, { ...entry.value, file: entry.file });
    }
    const questions = [];
    for (const summary of summaries) {
        const entry = summary.kind === 'question' && accepted(summary) ? values.get(summary.file) : undefined;
        if (!entry)
            continue;
        const question = entry.value;
        const rubric = question.rubric ?? DEFAULT_RUBRIC;
        // A question whose rubric is broken is left out with it; the rubric's findings say why.
        if (!rubrics.has(rubric))
            continue;
        questions.push(loadedQuestion(question, rubric, entry.file));
    }
    // Code-unit order, not the locale's: the same on every machine, as seeded picks need.
    questions.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { questions, rubrics, findings: findings.sort(compareFindings), files: files.length };
}
