// Narrowing and picking questions. Pure: randomness comes in as a function.
import { idTextOf } from '../bank/catalog.js';
import { NoMatchError, UnknownIdError } from '../errors.js';
import { closest } from '../text.js';
function filterQuestions(questions, filters) {
    return questions.filter((question) => (!filters.category || question.category === filters.category) &&
        (!filters.difficulty || question.difficulty === filters.difficulty) &&
        (filters.tag ?? []).every((tag) => question.tags?.includes(tag)));
}
function hasFilters(filters) {
    return Boolean(filters.category || filters.difficulty || filters.tag?.length);
}
function noMatch(bankSize, filters) {
    return new NoMatchError(filters, bankSize === 0);
}
/** The matching questions, or a NoMatchError with the filters. */
export function requireMatches(questions, filters) {
    const matches = filterQuestions(questions, filters);
    if (matches.length === 0)
        throw noMatch(questions.length, filters);
    return matches;
}
/**
 * The ids of the matching questions in code-unit order, so that seeded picks agree on every
 * machine whatever its locale. Without filters only the ids are read: `questions` may be a lazy
 * getter that costs a parse.
 */
export function requireMatchingIds(bank, filters) {
    if (hasFilters(filters))
        return sortedIds(requireMatches(bank.questions, filters).map((question) => question.id));
    if (bank.ids.length === 0)
        throw noMatch(0, filters);
    return sortedIds(bank.ids);
}
/** requireMatchingIds as a pool. Without filters it is the bank's own, which a cached bank keeps ready. */
export function requireMatchingPool(bank, filters) {
    if (hasFilters(filters))
        return sortedPool(requireMatches(bank.questions, filters).map((question) => question.id));
    if (bank.idText.size === 0)
        throw noMatch(0, filters);
    return bank.idText;
}
/** ids in code-unit order; a pass over them when they are sorted already, as the bank's are. */
function sortedIds(ids) {
    for (let i = 1; i < ids.length; i++)
        if (ids[i - 1] > ids[i])
            return [...ids].sort();
    return [...ids];
}
/** Ids in any order as the daily pick reads them. */
export function sortedPool(ids) {
    return idTextOf(sortedIds(ids));
}
export function pickRandom(items, random) {
    return items[Math.min(items.length - 1, Math.floor(random() * items.length))];
}
/** The id itself when the bank has it, else an UnknownIdError with the closest ids. */
export function requireId(ids, id) {
    if (ids.includes(id))
        return id;
    throw new UnknownIdError('question', id, closest(id, ids));
}
