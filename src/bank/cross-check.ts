// Checks that need more than one file: unique ids, and every question against its rubric.
// Works on the summaries only, so the parsed documents need not be kept; the rare finding
// reads its file again for the position.
import { closest, didYouMean, showControl, stripControl } from '../text.js';
import { parseAgain, type FileSummary } from './check-file.js';
import type { Finding } from './findings.js';
import type { ParsedFile, PathSegment } from './parse.js';
import { showPath } from './validate.js';

export interface CrossCheck {
  findings: Finding[];
  /** Files that lost a cross-file check (a duplicate id, an unknown rubric or stage…). */
  rejected: Set<string>;
}

/**
 * Earlier files win: a later file that reuses an id is the one reported. A file with errors of
 * its own is left out anyway, so it never takes an id from one without: a broken copy of a
 * question (`cp feed.yaml feed-v2.yaml`, id unchanged) must not take the original down with it.
 * Files in `asked` (those lint was given, among the rest of the bank) give way to all others.
 */
export function crossCheck(summaries: readonly FileSummary[], asked?: ReadonlySet<string>): CrossCheck {
  const findings: Finding[] = [];
  const rejected = new Set<string>();
  const reparsed = new Map<FileSummary, ParsedFile>();
  /** A finding at `path` in the summary's file (at the key when `at` says so). */
  const report = (summary: FileSummary, path: PathSegment[], rule: string, message: string, at: 'key' | 'value' = 'value') => {
    let parsed = reparsed.get(summary);
    if (!parsed) reparsed.set(summary, (parsed = parseAgain(summary)));
    const { line, column } = parsed.locate(path, at);
    findings.push({ file: summary.file, line, column, severity: 'error', rule, message: stripControl(message) });
    rejected.add(summary.file);
  };

  const rubrics = owners(summaries, 'rubric', asked);
  for (const rubric of summaries) {
    const twin = rubric.kind === 'rubric' && rubric.id ? rubrics.get(rubric.id) : undefined;
    if (twin && twin !== rubric) report(rubric, ['id'], 'duplicate-id', `rubric id "${rubric.id}" is already used by ${twin.file}; rubric ids must be unique`);
  }

  // Each rubric's stages and their item ids, worked out once however many questions use it.
  const stageSets = new Map<FileSummary, Map<string, Set<string>>>();
  const stagesOf = (rubric: FileSummary) => {
    let stages = stageSets.get(rubric);
    if (!stages) {
      stages = new Map();
      for (const stage of rubric.stages) if (!stages.has(stage.id)) stages.set(stage.id, new Set(stage.items.filter((item) => item !== null)));
      stageSets.set(rubric, stages);
    }
    return stages;
  };

  const questions = owners(summaries, 'question', asked);
  for (const question of summaries) {
    if (question.kind !== 'question') continue;
    const twin = question.id ? questions.get(question.id) : undefined;
    if (twin && twin !== question) report(question, ['id'], 'duplicate-id', `question id "${question.id}" is already used by ${twin.file}; question ids must be unique`);
    if (!question.rubric) continue;
    const rubric = rubrics.get(question.rubric);
    if (!rubric) {
      const fix = didYouMean(closest(question.rubric, rubrics.keys(), 1), { label: 'known rubrics:', names: [...rubrics.keys()] });
      report(question, ['rubric'], 'unknown-rubric', `rubric "${question.rubric}" does not exist; ${fix}`);
      continue;
    }
    if (!rubric.stagesComplete) continue;
    const rubricStages = stagesOf(rubric);
    for (const stage of question.stages) {
      const rubricItems = rubricStages.get(stage.id);
      if (!rubricItems) {
        const stageIds = [...rubricStages.keys()];
        const fix = didYouMean(closest(stage.id, stageIds, 1), { label: 'its stages are', names: stageIds });
        report(question, ['stages', stage.id], 'unknown-stage', `${showPath(['stages', stage.id])}: rubric "${rubric.id}" has no stage "${showControl(stage.id)}"; ${fix}`, 'key');
        continue;
      }
      // Items are ticked by id, so a question item may not shadow one of its rubric's.
      stage.items.forEach((item, i) => {
        if (item !== null && rubricItems.has(item)) report(question, ['stages', stage.id, 'checklist', i, 'id'], 'duplicate-item', `checklist item id "${item}" is already an item of rubric "${rubric.id}" in stage "${stage.id}"; pick another id`);
      });
      const unknownItem = (item: string, where: PathSegment[], field: string) => {
        const fix = didYouMean(closest(item, rubricItems, 1), { label: 'its items are', names: [...rubricItems] });
        report(question, where, 'unknown-item', `${field} "${item}": rubric "${rubric.id}" has no item "${item}" in stage "${stage.id}"; ${fix}`);
      };
      stage.dropped?.forEach((item, i) => {
        if (!rubricItems.has(item)) unknownItem(item, ['stages', stage.id, 'not_applicable', i], 'not_applicable');
        else if (stage.dropped!.indexOf(item) < i) report(question, ['stages', stage.id, 'not_applicable', i], 'duplicate-item', `not_applicable lists "${item}" twice; keep one`);
      });
      // Nothing left to score: the report would give the stage 0% of nothing, and the self-assessment an empty list.
      if (stage.dropped?.length && stage.items.length === 0 && [...rubricItems].every((item) => stage.dropped!.includes(item))) {
        report(question, ['stages', stage.id, 'not_applicable'], 'empty', `${showPath(['stages', stage.id])}: not_applicable drops every item of the stage and the question adds none, so nothing in it is scored; keep one, or add an item of the question's own`, 'key');
      }
      stage.replaces?.forEach((item, i) => {
        if (item === null) return;
        if (!rubricItems.has(item)) unknownItem(item, ['stages', stage.id, 'checklist', i, 'replaces'], 'replaces');
        else if (stage.dropped?.includes(item)) report(question, ['stages', stage.id, 'checklist', i, 'replaces'], 'unknown-item', `replaces "${item}", which the stage also lists as not_applicable; keep one`);
        // One sharper item takes one rubric item's place: the second would be scored beside the first.
        else if (stage.replaces!.indexOf(item) < i) report(question, ['stages', stage.id, 'checklist', i, 'replaces'], 'duplicate-item', `replaces "${item}", which checklist[${stage.replaces!.indexOf(item)}] already replaces; one item takes a rubric item's place`);
      });
    }
  }
  return { findings, rejected };
}

/** Which file owns each id of this kind: files not asked about first, then valid ones, then the earlier. */
function owners(summaries: readonly FileSummary[], kind: FileSummary['kind'], asked?: ReadonlySet<string>): Map<string, FileSummary> {
  const rank = (summary: FileSummary) => (asked?.has(summary.file) ? 2 : 0) + (summary.valid ? 0 : 1);
  const owner = new Map<string, FileSummary>();
  for (const summary of summaries) {
    if (summary.kind !== kind || !summary.id) continue;
    const held = owner.get(summary.id);
    if (!held || rank(summary) < rank(held)) owner.set(summary.id, summary);
  }
  return owner;
}
