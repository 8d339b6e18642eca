// Suggestions for the self-assessment, from the keyword grader: the items whose keywords appear
// anywhere in the session's notes (people write metrics while clarifying), each with the phrase
// that triggered it. Suggestions only pre-tick; the user confirms or unticks them.
import { evidenceFor, indexNotes } from './keywords.js';
/** Item id -> the notes' own words that suggest it was covered. */
export function suggestFromNotes(items, notes) {
    const index = typeof notes === 'string' ? indexNotes(notes) : notes;
    const found = new Map();
    for (const item of items) {
        const evidence = evidenceFor(index, item.keywords);
        if (evidence !== null)
            found.set(item.id, evidence);
    }
    return found;
}
