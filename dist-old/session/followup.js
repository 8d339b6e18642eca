// Which follow-up the interviewer throws: one that reacts to the notes so far when one fits,
// else an unconditional one. Pure; the randomness is a parameter, so a seeded drill repeats.
import { containsRun, wordForms } from '../words.js';
/** Whether a condition holds over the notes; phrases match as words, in any word form. */
export function whenHolds(when, notes, forms = wordForms) {
    const stems = forms.stems(notes);
    const said = (phrase) => containsRun(stems, forms.stems(phrase));
    if (when.mentioned?.length && !when.mentioned.some(said))
        return false;
    if (when.missing?.length && when.missing.some(said))
        return false;
    return Boolean(when.mentioned?.length || when.missing?.length);
}
/**
 * The follow-up to throw: one of those whose `when` holds over the notes so far, else one of the
 * unconditional ones, else any. Draws `random` exactly once, whatever the notes, so the rest of
 * a seeded session's draws never depend on what was typed.
 */
export function chooseFollowup(followups, notesSoFar, random) {
    const draw = random();
    if (followups.length === 0)
        return null;
    const fitting = followups.filter((followup) => followup.when && whenHolds(followup.when, notesSoFar));
    const unconditional = followups.filter((followup) => !followup.when);
    const pool = fitting.length ? fitting : unconditional.length ? unconditional : followups;
    return pool[Math.min(pool.length - 1, Math.floor(draw * pool.length))];
}
/** The follow-up a shown curveball came from (by its text), for its answer key; undefined if none. */
export function followupOf(followups, shownText) {
    return followups.find((followup) => followup.text === shownText);
}
