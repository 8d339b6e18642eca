// Checks that need more than one file: unique ids, and every question against its rubric.
// Works on the summaries only, so the parsed documents need not be kept; the rare finding
// reads its file again for the position.
import { closest, stripControl } from '../text.js';
import { locateIn, type FileSummary, type Located } from './check-file.js';
import type { Finding } from './findings.js';
import { showPath } from './validate.js';

export interface CrossCheck {
  findings: Finding[];
  /** Files that lost a cross-file check (a duplicate id, an unknown rubric or stage…). */
  rejected: Set<string>;
}

/** Earlier files win: a later file that reuses an id is the one reported. */
export function crossCheck(summaries: readonly FileSummary[], locate: (summary: FileSummary, where: Located<string>) => { line: number; column: number } = locateIn): CrossCheck {
  const findings: Finding[] = [];
  const rejected = new Set<string>();
  const report = (summary: FileSummary, where: Located<string>, rule: string, message: string) => {
    findings.push({ file: summary.file, ...locate(summary, where), severity: 'error', rule, message: stripControl(message) });
    rejected.add(summary.file);
  };

  const rubrics = new Map<string, FileSummary>();
  for (const rubric of summaries) {
    if (rubric.kind !== 'rubric' || !rubric.id) continue;
    const twin = rubrics.get(rubric.id.value);
    if (twin) report(rubric, rubric.id, 'duplicate-id', `rubric id "${rubric.id.value}" is already used by ${twin.file}; rubric ids must be unique`);
    else rubrics.set(rubric.id.value, rubric);
  }

  const questions = new Map<string, FileSummary>();
  for (const question of summaries) {
    if (question.kind !== 'question') continue;
    if (question.id) {
      const twin = questions.get(question.id.value);
      if (twin) report(question, question.id, 'duplicate-id', `question id "${question.id.value}" is already used by ${twin.file}; question ids must be unique`);
      else questions.set(question.id.value, question);
    }
    if (!question.rubric) continue;
    const rubric = rubrics.get(question.rubric.value);
    if (!rubric) {
      const [suggestion] = closest(question.rubric.value, rubrics.keys(), 1);
      const fix = suggestion ? `did you mean "${suggestion}"?` : `known rubrics: ${[...rubrics.keys()].join(', ') || 'none'}`;
      report(question, question.rubric, 'unknown-rubric', `rubric "${question.rubric.value}" does not exist; ${fix}`);
      continue;
    }
    if (!rubric.stagesComplete) continue;
    const stageIds = rubric.stages.map((stage) => stage.id.value);
    for (const stage of question.stages) {
      const rubricStage = rubric.stages.find((candidate) => candidate.id.value === stage.id.value);
      if (!rubricStage) {
        const [suggestion] = closest(stage.id.value, stageIds, 1);
        report(question, stage.id, 'unknown-stage', `${showPath(['stages', stage.id.value])}: rubric "${rubric.id!.value}" has no stage "${stage.id.value}"; ${suggestion ? `did you mean "${suggestion}"?` : `its stages are ${stageIds.join(', ')}`}`);
        continue;
      }
      // Items are ticked by id, so a question item may not shadow one of its rubric's.
      const rubricItems = new Set(rubricStage.items.map((item) => item.value));
      for (const item of stage.items) {
        if (rubricItems.has(item.value)) report(question, item, 'duplicate-item', `checklist item id "${item.value}" is already an item of rubric "${rubric.id!.value}" in stage "${stage.id.value}"; pick another id`);
      }
    }
  }
  return { findings, rejected };
}
