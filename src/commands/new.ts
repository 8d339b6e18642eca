// `mldrill new`: scaffolds a question file with its rubric's stages and TODO placeholders.
// Asks for what the flags leave out when there is a terminal; never overwrites a file.
import fs from 'node:fs';
import path from 'node:path';
import { CATEGORIES, CATEGORY_TITLES, DEFAULT_RUBRIC, type Category, type Difficulty } from '../bank/categories.js';
import { bankDirectories, displayPath, findYamlFiles } from '../bank/files.js';
import { loadFiles, type Bank } from '../bank/load.js';
import { idFromTitle, idProblem, scaffoldQuestion } from '../bank/scaffold.js';
import { schemaModeline } from '../bank/schema-comment.js';
import { ConflictError, EXIT, InterruptedError, systemErrorCode, systemErrorText, UsageError } from '../errors.js';
import type { Io } from '../io.js';
import { writeNewFile } from '../store/atomic.js';
import { closest, compareText, didYouMean, stripControl } from '../text.js';
import type { Prompter } from '../ui/prompts.js';
import { configBankOf } from '../app/config.js';
import { withPrompter } from '../app/prompter.js';
import { makeDirectory } from '../make-dir.js';

export interface NewOptions {
  id?: string;
  category?: string;
  title?: string;
  rubric?: string;
  difficulty?: Difficulty;
  /** Where questions/<category>/<id>.yaml goes; default the working directory. */
  dir?: string;
  bank?: string[];
}

export async function newQuestion(options: NewOptions, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, options.dir ?? '.');
  if (options.dir !== undefined) checkDir(dir, options.dir, io.cwd);
  // The target's own questions and rubrics count too, when it is a bank of its own.
  const bank = loadFiles(findYamlFiles([...bankDirectories(io.cwd, io.env, { ...options, configBank: configBankOf(io) }), path.join(dir, 'rubrics'), path.join(dir, 'questions')]), io.cwd);
  // A file with errors of its own is left out of the bank, but its id is taken all the same.
  const takenBy = (id: string) => bank.questions.find((question) => question.id === id)?.file ?? bank.claimedIds.get(id);

  // Check what was given before asking for the rest, so a typo fails at once.
  if (options.id !== undefined) checkId(options.id, takenBy, io.cwd);
  if (options.category !== undefined) checkCategory(options.category);
  if (options.rubric !== undefined) checkRubric(options.rubric, bank);
  if (options.title !== undefined) checkTitle(options.title);

  const missing = (['id', 'category', 'title'] as const).filter((flag) => options[flag] === undefined);
  const interactive = Boolean(io.terminal.input.isTTY && io.terminal.output.isTTY);
  if (missing.length > 0 && !interactive) {
    throw new UsageError(`missing ${missing.map((flag) => `--${flag}`).join(', ')}; pass ${missing.length === 1 ? 'it' : 'them'}, or run mldrill new in a terminal to be asked`);
  }

  let answers: Required<Pick<NewOptions, 'id' | 'category' | 'title' | 'rubric'>>;
  if (interactive && (missing.length > 0 || options.rubric === undefined)) {
    try {
      answers = await withPrompter(io, (prompter) => ask(options, bank, takenBy, prompter, io.cwd));
    } catch (error) {
      if (error instanceof InterruptedError) return EXIT.interrupted;
      throw error;
    }
  } else {
    answers = { id: options.id!, category: options.category!, title: options.title!, rubric: options.rubric ?? DEFAULT_RUBRIC };
    checkRubric(answers.rubric, bank);
  }

  const file = path.join(dir, 'questions', answers.category, `${answers.id}.yaml`);
  const shown = displayPath(io.cwd, file);
  if (fs.existsSync(file)) throw new ConflictError(`${shown} already exists; mldrill new never overwrites a file (pick another --id, or edit that file)`);
  const text = scaffoldQuestion({
    id: answers.id,
    title: answers.title.trim(),
    category: answers.category as Category,
    difficulty: options.difficulty ?? 'medium',
    rubric: bank.rubrics.get(answers.rubric)!,
    modeline: schemaModeline(file, 'question'),
  });
  try {
    makeDirectory(path.dirname(file));
    // 'wx' refuses an existing file even if one appeared since the check above.
    writeNewFile(file, text);
  } catch (error) {
    if (systemErrorCode(error) === 'EEXIST') throw new ConflictError(`${shown} already exists; mldrill new never overwrites a file`);
    throw new UsageError(`cannot write ${shown}: ${systemErrorText(error)}; nothing was written (pick a writable --dir with room)`);
  }
  io.stdout.write(`${shown}\n`);
  io.stderr.write(`Created ${shown}: replace the TODOs, then run mldrill lint ${shown}\n`);
  return EXIT.ok;
}

async function ask(options: NewOptions, bank: Bank, takenBy: (id: string) => string | undefined, prompter: Prompter, cwd: string) {
  const title = options.title ?? await prompter.input({ message: 'Title (a short name for the question)', validate: (value) => problem(() => checkTitle(value)) });
  const id = options.id ?? await prompter.input({ message: 'Id (kebab-case; also the file name)', default: idFromTitle(title) || undefined, validate: (value) => problem(() => checkId(value, takenBy, cwd)) });
  const category = options.category ?? await prompter.select({
    message: 'Category',
    choices: CATEGORIES.map((value) => ({ value, name: `${value} (${CATEGORY_TITLES[value]})` })),
  });
  const rubrics = [...bank.rubrics.values()].sort((a, b) => Number(b.id === DEFAULT_RUBRIC) - Number(a.id === DEFAULT_RUBRIC) || compareText(a.id, b.id));
  const rubric = options.rubric ?? await prompter.select({
    message: 'Rubric',
    choices: rubrics.map((candidate) => ({ value: candidate.id, name: `${candidate.id}: ${stripControl(candidate.title)}` })),
    default: DEFAULT_RUBRIC,
  });
  return { title, id, category, rubric };
}

/** A check's message for a prompt to show, or true. */
function problem(check: () => void): true | string {
  try {
    check();
    return true;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConflictError) return error.message;
    throw error;
  }
}

function checkId(id: string, takenBy: (id: string) => string | undefined, cwd: string): void {
  const wrong = idProblem(id);
  if (wrong) throw new UsageError(`${wrong}`);
  const file = takenBy(id);
  if (file) throw new ConflictError(`question id "${id}" is already used by ${displayPath(cwd, file)}; pick another`);
}

/**
 * --dir, or the nearest part of it that exists, is a directory (the rest is created): a file
 * there is a mistake in the flag, not a failure to read the bank under it.
 */
function checkDir(dir: string, given: string, cwd: string): void {
  for (let at = dir; ; at = path.dirname(at)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(at, { throwIfNoEntry: false });
    } catch (error) {
      // ENOTDIR: a file further up, which the parent's turn finds.
      if (systemErrorCode(error) !== 'ENOTDIR') throw error;
    }
    if (stat?.isDirectory() || at === path.dirname(at)) return;
    if (stat) throw new UsageError(`--dir ${given}: ${at === dir ? 'it' : displayPath(cwd, at)} is a file, not a directory; give a directory (one that does not exist yet is created)`);
  }
}

function checkCategory(category: string): void {
  if ((CATEGORIES as readonly string[]).includes(category)) return;
  throw new UsageError(`unknown category "${category}"; ${didYouMean(closest(category, CATEGORIES, 1), { label: 'use one of', names: CATEGORIES, always: true })}`);
}

function checkRubric(rubric: string, bank: Bank): void {
  if (bank.rubrics.has(rubric)) return;
  throw new UsageError(`unknown rubric "${rubric}"; ${didYouMean(closest(rubric, bank.rubrics.keys(), 1), { label: 'known rubrics:', names: [...bank.rubrics.keys()], always: true })}`);
}

function checkTitle(title: string): void {
  if (!title.trim()) throw new UsageError('the title is empty');
  if (stripControl(title) !== title || title.includes('\n')) throw new UsageError('the title must be one line of plain text, without control characters');
}
