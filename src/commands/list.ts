// `mldrill list`: one question per line, sorted by id; `--json` for the whole questions.
import { EXIT } from '../errors.js';
import type { Io } from '../io.js';
import { requireMatches, type Filters } from '../select/filter.js';
import { formatList } from '../ui/question-format.js';
import { questionJson } from '../ui/question-json.js';
import { outputStyle, resolveFormat, type FormatOptions } from '../app/question-output.js';
import { withCatalog } from '../app/with-catalog.js';
import { jsonText } from '../text.js';

export interface ListOptions extends Filters, FormatOptions {
  bank?: string[];
}

export async function list(options: ListOptions, io: Io): Promise<number> {
  const format = resolveFormat(options);
  return withCatalog(io, options.bank, async (catalog) => {
    const matches = requireMatches(catalog.questions, options);
    if (format === 'json') {
      const questions = matches.map((summary) => {
        const question = catalog.question(summary.id);
        return questionJson(question, catalog.rubric(question.rubric));
      });
      io.stdout.write(jsonText(questions));
    } else {
      // Piped output is plain unless colour is forced; outputStyle loads chalk only for colour.
      const style = await outputStyle(io, format);
      io.stdout.write(formatList(matches, format, { tty: io.stdout.isTTY, style, width: io.stdout.columns }));
    }
    return EXIT.ok;
  });
}
