import { UsageError } from '../errors.js';
import { questionJsonText } from '../ui/question-json.js';
import { colourOf } from './config.js';
/** `--format` with `--json` and `--plain` as shorthands; two different answers are a usage error. */
export function resolveFormat(options) {
    const asked = new Set();
    if (options.format)
        asked.add(options.format);
    if (options.json)
        asked.add('json');
    if (options.plain)
        asked.add('plain');
    if (asked.size > 1)
        throw new UsageError(`choose one output format, not ${[...asked].join(' and ')}: --format text|plain|json|markdown, or --json, or --plain`);
    return [...asked][0] ?? 'text';
}
/** The style for stdout; chalk is loaded only for the text format, the one that uses it. */
export async function outputStyle(io, format) {
    if (format !== 'text')
        return undefined;
    const { styleFor } = await import('../ui/colour.js');
    return styleFor(io.stdout, io.env, colourOf(io));
}
/** Writes one question, whole, in the given format to stdout. */
export async function printQuestion(io, catalog, id, format, view = {}) {
    const question = catalog.question(id);
    const rubric = catalog.rubric(question.rubric);
    if (format === 'json') {
        // Scripts ask for JSON most: it needs none of the layout code, so that is loaded only for the rest.
        io.stdout.write(questionJsonText(question, rubric, view.date, view.followupKeys));
        return;
    }
    const { formatQuestion } = await import('../ui/question-format.js');
    io.stdout.write(formatQuestion({ ...view, question, rubric }, format, await outputStyle(io, format), io.stdout.columns));
}
