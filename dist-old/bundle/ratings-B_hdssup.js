'use strict';

var core = require('./core-DiuhDYN8.js');
var append = require('./append-oyJREyVF.js');

// Ratings of recorded sessions by another rater than the session's own (the AI grader), kept
// beside the history in ratings.jsonl: derived data, never inside a session record and never
// replacing its self-assessment. Appended like the history (append.ts: a lock, the whole line,
// fsync); a later rating of the same session by the same rater supersedes an earlier one.
// Documented in README.md ("Ratings file"). Hand-validated, as the history is: `history` and
// `stats` read it and must not load zod.
const RATING_VERSION = 1;
/** Far more than years of ratings (a rating is about 2 KB); a larger file is not read. */
const MAX_BYTES = 64 * 1024 * 1024;
function appendRating(file, rating) {
    append.appendRecord(file, rating);
}
/** Every rating in the file; nothing when it does not exist. Only a regular file is read. */
function readRatings(file) {
    let text;
    try {
        text = core.readRegular(file, MAX_BYTES).toString('utf8');
    }
    catch (error) {
        if (error instanceof core.NotRegularError)
            return { ratings: [], warnings: [`${file}: not a regular file; ratings ignored`] };
        if (error instanceof core.TooLargeError)
            return { ratings: [], warnings: [`${file}: larger than ${MAX_BYTES / 1024 / 1024} MiB; ratings ignored (move it aside to start afresh)`] };
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { ratings: [], warnings: [] };
        throw error;
    }
    return parseRatings(text, file);
}
function parseRatings(text, file) {
    const latest = new Map();
    const warnings = [];
    const lines = text.split('\n');
    lines.forEach((line, i) => {
        if (!line.trim())
            return;
        const where = `${file}:${i + 1}`;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch {
            warnings.push(i === lines.length - 1 ? `${where}: the last line is incomplete (an interrupted write?); ignored and left in place` : `${where}: not valid JSON; skipped and left in place`);
            return;
        }
        const version = value?.version;
        if (typeof version === 'number' && version > RATING_VERSION) {
            warnings.push(`${where}: written by a newer mldrill (rating version ${version}, this one reads up to ${RATING_VERSION}); skipped, upgrade mldrill to read it`);
        }
        else if (!isRatingRecord(value)) {
            warnings.push(`${where}: not a rating record; skipped and left in place`);
        }
        else {
            const key = `${value.rater}\n${value.sessionId}`;
            // Keeps the first position of the session with the latest rating.
            latest.set(key, value);
        }
    });
    return { ratings: [...latest.values()], warnings };
}
const isString = (value) => typeof value === 'string';
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
function isRatedItem(value) {
    const item = value;
    return typeof item === 'object' && item !== null && isString(item.id) && (item.met === null || typeof item.met === 'boolean')
        && (item.evidence === null || isString(item.evidence)) && isString(item.reason) && (item.void === undefined || item.void === true)
        && typeof item.counted === 'boolean';
}
function isRatedStage(value) {
    const stage = value;
    return typeof stage === 'object' && stage !== null && isString(stage.id) && isNumber(stage.score)
        && (stage.recordScore === null || isNumber(stage.recordScore)) && Array.isArray(stage.items) && stage.items.every(isRatedItem);
}
function isRatingRecord(value) {
    const rating = value;
    return typeof rating === 'object' && rating !== null && rating.version === RATING_VERSION
        && isString(rating.sessionId) && (rating.rater === 'ai' || rating.rater === 'self') && isString(rating.ratedAt) && !Number.isNaN(Date.parse(rating.ratedAt))
        && (rating.model === undefined || isString(rating.model)) && (rating.host === undefined || isString(rating.host))
        && isString(rating.questionId) && isString(rating.rubricId) && (rating.mode === 'self' || rating.mode === 'interviewer') && isNumber(rating.score)
        && (rating.recordScore === null || isNumber(rating.recordScore)) && Array.isArray(rating.stages) && rating.stages.every(isRatedStage);
}

exports.RATING_VERSION = RATING_VERSION;
exports.appendRating = appendRating;
exports.readRatings = readRatings;
