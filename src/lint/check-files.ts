// Checks many files one by one. Kept apart so that the work can be split across threads.
import { checkFile, type FileResult } from '../bank/check-file.js';

export interface FileToCheck {
  /** Absolute. */
  file: string;
  /** As findings name it. */
  shown: string;
}

export async function checkFiles(files: readonly FileToCheck[]): Promise<FileResult[]> {
  return files.map(({ file, shown }) => checkFile(file, shown));
}
