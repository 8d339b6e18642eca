// The bank as commands use it, whether read from the cache (cache.ts) or loaded in full.
import { NotFoundError, UnknownIdError } from '../errors.js';
import { closest } from '../text.js';
/** The IdText of ids already in code-unit order. */
export function idTextOf(sorted) {
    return { size: sorted.length, joined: sorted.join('\n'), id: (position) => sorted[position] };
}
/**
 * A bank whose every file has a warning (say, a schema comment that points nowhere from where
 * the bank lives) would otherwise carry ten thousand of them through every cache hit.
 */
export function errorsOf(findings) {
    return findings.filter((finding) => finding.severity === 'error');
}
export function rubricLookup(rubrics) {
    return (id) => {
        const rubric = rubrics.get(id);
        if (!rubric) {
            throw new UnknownIdError('rubric', id, closest(id, rubrics.keys(), 1), [...rubrics.keys()].sort());
        }
        return rubric;
    };
}
/** A catalog over a bank loaded in full. */
export function catalogOf(bank) {
    const byId = new Map(bank.questions.map((question) => [question.id, question]));
    const ids = bank.questions.map((question) => question.id);
    let idText;
    return {
        ids,
        // The loader sorts the questions by id in code-unit order.
        get idText() {
            return (idText ??= idTextOf(ids));
        },
        questions: bank.questions,
        rubrics: bank.rubrics,
        rubric: rubricLookup(bank.rubrics),
        findings: errorsOf(bank.findings),
        files: bank.files,
        question: (id) => {
            const question = byId.get(id);
            if (!question)
                throw new NotFoundError(`no question with id "${id}"`);
            return question;
        },
        all: () => bank.questions,
        close: () => { },
    };
}
