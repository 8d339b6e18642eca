'use strict';

var diagram = require('./diagram-lQO3I6ij.js');
var start = require('./start-DA7aRZP1.js');
var core = require('./core-DiuhDYN8.js');
var fs = require('node:fs');
var path = require('node:path');

// The candidate's diagram against the question's reference diagram: the comparison, the report's
// line, and whether it suggests the architecture stage's diagram item. Pure; the drill's
// self-assessment and `mldrill grade` share it, so both suggest the item alike.
/** The rubric item (in the architecture stage) that a drawing suggests. */
const DIAGRAM_ITEM = 'diagram';
/**
 * Compares a drawing (edge lines) with the reference; null when there is no reference or nothing
 * was drawn. The drawing suggests the diagram item when it has at least half the reference's
 * components and one of its key flows: the boxes of the design, joined the way data moves.
 */
function gradeDiagram(reference, source) {
    if (!reference || !source?.trim())
        return null;
    const drawn = diagram.parseDiagram(source);
    // Only lines that are not edges still make a drawing, of nothing: compared, it finds nothing.
    if (drawn.nodes.length === 0 && drawn.problems.length === 0)
        return null;
    const comparison = diagram.compareDiagram(reference, drawn);
    const { components, flows } = comparison;
    const suggests = components.found.length * 2 >= components.expected && flows.found.length >= 1;
    const evidence = `diagram with ${components.found.length} of ${start.plural(components.expected, 'component')}, ${flows.found.length} of ${start.plural(flows.expected, 'key flow')}`;
    return { comparison, summary: diagram.comparisonSummary(comparison), evidence: suggests ? evidence : null };
}
/** Each stage's suggestions (item id -> evidence), with the diagram item's when the drawing suggests it. */
function withDiagramSuggestion(interview, suggestions, graded) {
    return suggestions.map((suggested, i) => {
        const copy = new Map(suggested);
        if (graded?.evidence && interview.stages[i]?.items.some((item) => item.id === DIAGRAM_ITEM))
            copy.set(DIAGRAM_ITEM, graded.evidence);
        return copy;
    });
}
/** The report's lines about a drawing: the comparison, and what was drawn beyond the reference (not counted). */
function diagramReport(reference, source) {
    if (!source?.trim())
        return [];
    const graded = gradeDiagram(reference, source);
    if (graded) {
        const extra = graded.comparison.components.unexpected;
        return [graded.summary, ...(extra.length ? [`Also drawn (not in the reference, not counted): ${extra.join(', ')}`] : [])];
    }
    const drawn = diagram.parseDiagram(source);
    if (drawn.nodes.length === 0)
        return [];
    return [`Diagram: ${start.plural(drawn.nodes.length, 'component')}, ${start.plural(drawn.edges.length, 'edge')} drawn; this question has no reference diagram to compare with`];
}

// The keyword grader's matching: notes and keywords meet as sequences of word stems, so
// `labels`, `labelling` and `labeling` are one word, `guard-rail` and `guardrails` one phrase,
// and `optimise` reads as `optimize`. Pure; a keyword is normalised once and kept.
const compiled = new Map();
/** The keyword ready for matching, or null when it is generic and so never counts. Memoised. */
function compileKeyword(phrase) {
    let keyword = compiled.get(phrase);
    if (keyword === undefined) {
        const words = phrase.toLowerCase().match(core.WORD) ?? [];
        keyword = core.genericReason(phrase) ? null : { phrase, stems: words.map((word) => core.stem(word)), joined: core.stem(words.join('')) };
        compiled.set(phrase, keyword);
    }
    return keyword;
}
function indexNotes(text) {
    const tokens = [];
    let line = 0;
    let lineStart = 0;
    for (const match of text.toLowerCase().matchAll(core.WORD)) {
        const start = match.index;
        while (true) {
            const next = text.indexOf('\n', lineStart);
            if (next === -1 || next >= start)
                break;
            line++;
            lineStart = next + 1;
        }
        tokens.push({ stem: core.stem(match[0]), raw: match[0], start, end: start + match[0].length, line });
    }
    const at = new Map();
    const pairs = new Map();
    tokens.forEach((token, i) => {
        const list = at.get(token.stem);
        if (list)
            list.push(i);
        else
            at.set(token.stem, [i]);
        const next = tokens[i + 1];
        if (next && next.line === token.line) {
            const joined = core.stem(token.raw + next.raw, { once: true });
            if (!pairs.has(joined))
                pairs.set(joined, i);
        }
    });
    return { text, tokens, at, pairs };
}
/** A keyword's `k` or `n` after the first word stands for any number: `recall@k` matches `recall@10`. */
const sameWord = (token, stem) => token !== undefined && (token.stem === stem || ((stem === 'k' || stem === 'n') && /^\d+$/.test(token.raw)));
/** The notes' own words where the keyword occurs (its evidence), or null. */
function findKeyword(notes, keyword) {
    const { stems, joined } = keyword;
    const span = (from, to) => notes.text.slice(notes.tokens[from].start, notes.tokens[to].end);
    for (const i of notes.at.get(stems[0]) ?? []) {
        let j = 1;
        while (j < stems.length && sameWord(notes.tokens[i + j], stems[j]) && notes.tokens[i + j].line === notes.tokens[i].line)
            j++;
        if (j === stems.length)
            return span(i, i + j - 1);
    }
    if (stems.length > 1) {
        const i = notes.at.get(joined)?.[0];
        if (i !== undefined)
            return span(i, i);
    }
    const pair = notes.pairs.get(joined);
    return pair === undefined ? null : span(pair, pair + 1);
}
/**
 * The evidence for an item from its keywords: the longest phrase found (a phrase says more
 * than a word), or null when none is.
 */
function evidenceFor(notes, keywords) {
    let best = null;
    for (const phrase of keywords ?? []) {
        const keyword = compileKeyword(phrase);
        if (!keyword || (best && keyword.stems.length <= best.words))
            continue;
        const evidence = findKeyword(notes, keyword);
        if (evidence !== null)
            best = { evidence, words: keyword.stems.length };
    }
    return best?.evidence ?? null;
}

// The history record: one JSON line per session. Documented in README.md ("History file").
const RECORD_VERSION = 1;
/** The ids of a follow-up's answer-key points among its stage's items: followup-1, followup-2... */
const FOLLOWUP_ITEM = 'followup-';
const isFollowupItem = (id) => id.startsWith(FOLLOWUP_ITEM);
/** A short, sortable, human-friendly id: 20261122-0932-k3f9. */
function sessionId(startedAt, random) {
    const iso = new Date(startedAt).toISOString();
    const stamp = `${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 16).replace(':', '')}`;
    const suffix = Array.from({ length: 4 }, () => 'abcdefghijkmnpqrstuvwxyz23456789'[Math.floor(random() * 32)]).join('');
    return `${stamp}-${suffix}`;
}
/**
 * Whether text has the form sessionId gives. A session id names a checkpoint file, so nothing
 * else (`../../victim`) may ever be taken for one.
 */
function isSessionId(text) {
    return /^\d{8}-\d{4}-[a-z0-9]{4}$/.test(text);
}
function makeRecord(input) {
    return {
        version: RECORD_VERSION,
        id: input.id,
        questionId: input.questionId,
        rubricId: input.rubricId,
        mode: input.mode,
        startedAt: new Date(input.startedAt).toISOString(),
        endedAt: new Date(input.endedAt).toISOString(),
        status: input.status,
        score: input.score?.total ?? null,
        stages: input.stages.map((stage, i) => {
            const assessed = input.score?.stages[i];
            return {
                id: stage.id,
                budgetSeconds: stage.budgetSeconds,
                usedSeconds: Math.round(stage.usedSeconds),
                hintsShown: stage.hintsShown,
                notes: stage.notes,
                checked: assessed?.checked ?? [],
                missed: assessed?.missed.map((item) => item.id) ?? [],
                score: assessed?.score ?? null,
            };
        }),
        ...(input.curveballs?.length ? { curveballs: input.curveballs } : {}),
        ...(input.exchanges?.length ? { exchanges: input.exchanges } : {}),
        ...(input.diagram?.trim() ? { diagram: input.diagram } : {}),
    };
}
const isString = (value) => typeof value === 'string';
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
/** A percentage, or null where nothing was assessed. */
const isScore = (value) => value === null || (isNumber(value) && value >= 0 && value <= 100);
/** A year of seconds: no drill runs longer, and sums of many sessions stay readable. */
const MAX_SECONDS = 366 * 24 * 3600;
const isSeconds = (value) => isNumber(value) && value >= 0 && value <= MAX_SECONDS;
const MIN_INSTANT = Date.UTC(2000, 0, 1);
const MAX_INSTANT = Date.UTC(2201, 0, 1);
/** An instant in the years 2000 to 2200: anything else was not written by a drill. */
const isInstant = (value) => {
    const ms = isString(value) ? Date.parse(value) : Number.NaN;
    return ms >= MIN_INSTANT && ms < MAX_INSTANT;
};
function isStageRecord(value) {
    const stage = value;
    return typeof stage === 'object' && stage !== null
        && isString(stage.id) && isSeconds(stage.budgetSeconds) && isSeconds(stage.usedSeconds) && Number.isInteger(stage.hintsShown) && stage.hintsShown >= 0
        && isString(stage.notes) && Array.isArray(stage.checked) && stage.checked.every(isString)
        && Array.isArray(stage.missed) && stage.missed.every(isString) && isScore(stage.score);
}
const isObject = (value) => typeof value === 'object' && value !== null;
/** Optional lists: absent (older records), or every entry well formed. */
const isListOf = (value, entry) => value === undefined || (Array.isArray(value) && value.every((item) => isObject(item) && entry(item)));
const isCurveball = (curveball) => isString(curveball.stageId) && isSeconds(curveball.atSeconds) && isString(curveball.text)
    && (curveball.answer === undefined || (Array.isArray(curveball.answer) && curveball.answer.every(isString)))
    && (curveball.notesChars === undefined || (Number.isInteger(curveball.notesChars) && curveball.notesChars >= 0));
const isExchange = (exchange) => isString(exchange.stageId) && isString(exchange.asked) && isString(exchange.answer) && (exchange.factId === null || isString(exchange.factId));
/**
 * Whether value has every field of a record of this version with the right type and a value in
 * range (a score of 0 to 100, seconds of 0 to a year, a known mode, a date in 2000-2200), so
 * that readers can trust it and sums of it stay sane. Hand-written rather than zod: reading the history must stay fast.
 */
function isSessionRecord(value) {
    const record = value;
    return typeof record === 'object' && record !== null
        && record.version === RECORD_VERSION && isString(record.id) && isString(record.questionId) && isString(record.rubricId)
        && (record.mode === 'self' || record.mode === 'interviewer') && isInstant(record.startedAt) && isInstant(record.endedAt)
        && (record.status === 'completed' || record.status === 'abandoned') && isScore(record.score)
        && Array.isArray(record.stages) && record.stages.every(isStageRecord)
        && isListOf(record.curveballs, isCurveball) && isListOf(record.exchanges, isExchange)
        // Optional, added later: records written before it have none and still read.
        && (record.diagram === undefined || isString(record.diagram));
}

/** The most a session that covers no core item can score, in percent. */
const CORE_CAP = 60;
function scoreStage(stageId, items, checkedIds) {
    const checked = new Set(checkedIds);
    const weightTotal = items.reduce((sum, item) => sum + item.weight, 0);
    const weightChecked = items.filter((item) => checked.has(item.id)).reduce((sum, item) => sum + item.weight, 0);
    const core = items.filter((item) => item.core);
    return {
        stageId,
        checked: items.filter((item) => checked.has(item.id)).map((item) => item.id),
        // Missed core items first: they are what the report must say before anything else.
        missed: items.filter((item) => !checked.has(item.id)).sort((a, b) => Number(Boolean(b.core)) - Number(Boolean(a.core))),
        score: percent(weightChecked, weightTotal),
        weightChecked,
        weightTotal,
        coreChecked: core.filter((item) => checked.has(item.id)).reduce((sum, item) => sum + item.weight, 0),
        coreTotal: core.reduce((sum, item) => sum + item.weight, 0),
    };
}
/**
 * The total over every stage. With core items, the total is capped at CORE_CAP when none is
 * covered, rising in step with the core weight covered to no cap when all are.
 */
function scoreSession(stages) {
    const sum = (pick) => stages.reduce((total, stage) => total + pick(stage), 0);
    const uncapped = percent(sum((stage) => stage.weightChecked), sum((stage) => stage.weightTotal));
    const coreTotal = sum((stage) => stage.coreTotal);
    const cap = coreTotal === 0 ? 100 : Math.round(CORE_CAP + (100 - CORE_CAP) * (sum((stage) => stage.coreChecked) / coreTotal));
    return { stages, total: Math.min(uncapped, cap), capped: uncapped > cap };
}
function percent(part, whole) {
    return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

// What a session's own data says about each stage: its pacing, and the signs that make its red
// flags worth reading (no notes, little covered, clarify eating the interview). Pure; the report
// and the exported document both word them from here.
/** Under this share of its budget a stage was rushed. */
const RUSHED_BELOW = 0.25;
/** From this share over its budget a stage ran over. */
const OVER_FROM = 0.1;
/** Clarifying for more than this share of the whole interview leaves too little for the design. */
const CLARIFY_SHARE = 0.25;
/** Covering less than this (percent) is a sign of trouble in the stage. */
const LOW_SCORE = 50;
/** A span in words: `8 s`, `15 min`, `2 min 30 s`. */
function spanWords(seconds) {
    const whole = Math.max(0, Math.round(seconds));
    if (whole < 60)
        return `${whole} s`;
    const minutes = Math.floor(whole / 60);
    const rest = whole % 60;
    return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}
/** `rushed: 8 s of 15 min` under a quarter of the budget, `over by 40%` from 10% over, else null. */
function pacingFlag(usedSeconds, budgetSeconds) {
    if (budgetSeconds <= 0)
        return null;
    if (usedSeconds < budgetSeconds * RUSHED_BELOW)
        return `rushed: ${spanWords(usedSeconds)} of ${spanWords(budgetSeconds)}`;
    const over = (usedSeconds - budgetSeconds) / budgetSeconds;
    return over >= OVER_FROM ? `over by ${Math.round(over * 100)}%` : null;
}
/** Per stage, the signs of trouble its data shows, worded for a reader; empty when none. */
function stageSignals(stages) {
    const total = stages.reduce((sum, stage) => sum + stage.usedSeconds, 0);
    return stages.map((stage) => {
        const signals = [];
        const pacing = pacingFlag(stage.usedSeconds, stage.budgetSeconds);
        if (pacing)
            signals.push(pacing);
        if (stage.id === 'clarify' && total > 0 && stage.usedSeconds / total > CLARIFY_SHARE)
            signals.push(`took ${Math.round((stage.usedSeconds / total) * 100)}% of the interview`);
        if (!stage.notes.trim())
            signals.push('no notes');
        if (stage.score !== null && stage.score < LOW_SCORE)
            signals.push(`${stage.score}% covered`);
        return signals;
    });
}
/**
 * The lines of a stage's notes written after its curveball came: from the length the notes had
 * then (`notesChars`, what the answer key is graded on too); sessions recorded before that was
 * kept counted lines instead (`linesBefore`). Null when neither was kept.
 */
function notesAfter(notes, mark) {
    const lines = (text) => text.split('\n').map((line) => line.trimEnd()).filter(Boolean);
    if (mark.notesChars !== undefined)
        return lines(notes.slice(mark.notesChars));
    if (mark.linesBefore !== undefined)
        return lines(notes).slice(mark.linesBefore);
    return null;
}

// The data of the end-of-drill report. Rendering is ui/render.ts's job.
/** checked[i] holds the ids ticked for stage i. */
function assess(interview, checked) {
    return scoreSession(interview.stages.map((stage, i) => scoreStage(stage.plan.id, stage.items, checked[i] ?? [])));
}
function buildReport(interview, state, score, now) {
    const notes = state.progress.map((progress) => core.notesWithDraft(progress));
    const base = interview.stages.map((stage, i) => ({
        id: stage.plan.id,
        title: stage.plan.title,
        budgetSeconds: stage.plan.budgetSeconds,
        usedSeconds: Math.round(core.usedSeconds(state, i, now)),
        hintsShown: state.progress[i].hintsShown,
        score: score.stages[i],
        redFlags: stage.redFlags,
    }));
    const signals = stageSignals(base.map((stage, i) => ({ ...stage, notes: notes[i], score: stage.score.score })));
    const stages = base.map((stage, i) => ({ ...stage, pacing: pacingFlag(stage.usedSeconds, stage.budgetSeconds), signals: signals[i] }));
    const facts = interview.question.interviewer?.facts ?? [];
    const exchanges = state.exchanges ?? [];
    const thrown = state.curveball;
    const curveball = thrown?.shownAtSeconds != null ? thrown : null;
    const followupStage = curveball && interview.stages[curveball.stage];
    const drawn = diagramReport(interview.question.diagram, core.diagramWithPadLine(state));
    return {
        questionId: interview.question.id,
        questionTitle: interview.question.title,
        strongAnswer: interview.question.examples?.strong !== undefined,
        rubricTitle: interview.rubric.title,
        total: score.total,
        capped: score.capped,
        budgetSeconds: core.totalBudgetSeconds(stages),
        usedSeconds: stages.reduce((sum, stage) => sum + stage.usedSeconds, 0),
        stages,
        curveball: thrown && thrown.shownAtSeconds !== null && stages[thrown.stage]
            ? { stageTitle: stages[thrown.stage].title, atSeconds: thrown.shownAtSeconds, text: thrown.text, notesAfter: notesAfter(notes[thrown.stage], thrown) }
            : null,
        ...(drawn.length ? { diagram: drawn } : {}),
        ...(facts.length || exchanges.length ? { dialogue: { facts, exchanges } } : {}),
        ...(curveball && followupStage ? {
            followup: {
                stageTitle: followupStage.plan.title,
                text: curveball.text,
                notesAfter: core.notesAfterCurveball(state),
                points: followupStage.items.filter((item) => isFollowupItem(item.id)).map((item) => ({ text: item.text, covered: score.stages[curveball.stage].checked.includes(item.id) })),
            },
        } : {}),
    };
}

// Suggestions for the self-assessment, from the keyword grader: the items whose keywords appear
// anywhere in the session's notes (people write metrics while clarifying), each with the phrase
// that triggered it. Suggestions only pre-tick; the user confirms or unticks them.
/** Item id -> the notes' own words that suggest it was covered. */
function suggestFromNotes(items, notes) {
    const index = typeof notes === 'string' ? indexNotes(notes) : notes;
    const found = new Map();
    for (const item of items) {
        const evidence = evidenceFor(index, item.keywords);
        if (evidence !== null)
            found.set(item.id, evidence);
    }
    return found;
}

/**
 * Grades notes: every stage's items against all of the notes together; a drawing (edge lines)
 * may suggest the diagram item, as it does in the drill.
 */
function gradeNotes(interview, notes, diagram) {
    const index = indexNotes(notes);
    const drawn = gradeDiagram(interview.question.diagram, diagram);
    const found = withDiagramSuggestion(interview, interview.stages.map((stage) => suggestFromNotes(stage.items, index)), drawn);
    const score = assess(interview, found.map((map) => [...map.keys()]));
    return {
        questionId: interview.question.id,
        rubricId: interview.rubric.id,
        grader: 'keywords',
        score: score.total,
        capped: score.capped,
        stages: interview.stages.map((stage, i) => ({
            id: stage.plan.id,
            title: stage.plan.title,
            score: score.stages[i].score,
            items: [...stage.items]
                .sort((a, b) => Number(Boolean(b.core)) - Number(Boolean(a.core)))
                .map((item) => {
                const evidence = found[i].get(item.id) ?? null;
                return { id: item.id, text: item.text, weight: item.weight, core: Boolean(item.core), met: evidence !== null, evidence };
            }),
        })),
        diagram: drawn,
    };
}
/** The range each kind of example must grade to when it does not give its own, in percent. */
const EXAMPLE_RANGES = {
    strong: { min: 70, max: 100 },
    weak: { min: 0, max: 25 },
    offpoint: { min: 0, max: 60 },
};
/** Grades one of a question's examples against its range. */
function gradeExample(interview, kind, example) {
    const min = example.score?.min ?? EXAMPLE_RANGES[kind].min;
    const max = example.score?.max ?? EXAMPLE_RANGES[kind].max;
    const grade = gradeNotes(interview, Object.values(example.notes).join('\n'));
    return { kind, grade, min, max, inRange: grade.score >= min && grade.score <= max };
}
/** What an author needs to fix an example out of its range: the missed core items or the evidence that lifted it. */
function explainExampleGrade({ kind, grade, min, max }) {
    const items = grade.stages.flatMap((stage) => stage.items);
    const base = `examples.${kind} grades to ${grade.score}%, outside its range ${min}-${max}%`;
    if (grade.score < min) {
        const core = items.filter((item) => item.core && !item.met).map((item) => item.id);
        const heaviest = items.filter((item) => !item.met && !item.core).sort((a, b) => b.weight - a.weight).slice(0, 3).map((item) => item.id);
        return `${base}${grade.capped ? ' (capped: core items missed)' : ''}; missed ${[...core.map((id) => `core ${id}`), ...heaviest].join(', ')}; use their keywords' phrases in the notes`;
    }
    const met = items.filter((item) => item.met).sort((a, b) => b.weight - a.weight).slice(0, 4).map((item) => `${item.id} ("${item.evidence}")`);
    return `${base}; it met ${met.join(', ')}: make the notes shallower or the keywords sharper`;
}

/**
 * The follow-up's points together weigh half of what the stage's own items weigh, so the reply
 * to the follow-up is a third of the stage's score: enough to count, not enough to swamp it.
 */
const FOLLOWUP_WEIGHT_SHARE = 0.5;
/** Words too common to tell a point apart. */
const COMMON = new Set(['about', 'across', 'before', 'between', 'should', 'which', 'their', 'there', 'these', 'those', 'would', 'could', 'rather', 'without', 'within', 'because', 'instead', 'whether', 'against', 'during', 'through', 'every', 'other', 'where', 'while', 'still']);
/**
 * A point's keywords for the suggestions: its longer words (6 letters or more) that no other
 * point of the key uses, so a word says which point the notes are about.
 */
function pointKeywords(answer) {
    const words = answer.map((point) => new Set((point.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []).filter((word) => word.length >= 6 && !COMMON.has(word))));
    return words.map((own, i) => [...own].filter((word) => words.every((other, j) => j === i || !other.has(word))));
}
/** The answer key as checklist items of the stage, weighted against the stage's own items. */
function followupItems(followup, stageItems) {
    const answer = followup.answer ?? [];
    if (answer.length === 0)
        return [];
    const stageWeight = stageItems.reduce((sum, item) => sum + item.weight, 0);
    // A stage with no items of its own is the follow-up alone.
    const weight = stageWeight > 0 ? (stageWeight * FOLLOWUP_WEIGHT_SHARE) / answer.length : 1;
    const keywords = pointKeywords(answer);
    return answer.map((point, i) => ({ id: `${FOLLOWUP_ITEM}${i + 1}`, text: point, weight, keywords: keywords[i], source: 'question' }));
}
/** The follow-up the session threw in, if it was shown, with its answer key as items. */
function thrownFollowup(interview, state) {
    const curveball = state.curveball;
    if (!curveball || curveball.shownAtSeconds === null)
        return undefined;
    const details = core.followupOf(interview.question.followupDetails ?? [], curveball.text) ?? { text: curveball.text };
    const stage = interview.stages[curveball.stage];
    return {
        stage: curveball.stage,
        text: curveball.text,
        items: stage ? followupItems(details, stage.items) : [],
        notesAfter: core.notesAfterCurveball(state),
    };
}
/** The interview with the follow-up's points added to its stage's items: what is assessed and scored. */
function withFollowupItems(interview, followup) {
    if (!followup?.items.length)
        return interview;
    return {
        ...interview,
        stages: interview.stages.map((stage, i) => (i === followup.stage ? { ...stage, items: [...stage.items, ...followup.items] } : stage)),
    };
}
/**
 * What the questions put to the interviewer say, as text for the keyword suggestions: each
 * question and the topic of the fact it uncovered (asking about the response time is asking
 * about latency).
 */
function exchangeEvidence(exchanges, facts) {
    const topic = (factId) => facts.find((fact) => fact.id === factId)?.topic ?? '';
    return (exchanges ?? []).map((exchange) => `\n${exchange.asked}\n${topic(exchange.factId)}`).join('');
}

// The session in progress, kept on disk so that it survives Ctrl-C, a crash, a closed terminal
// or kill -9, and `mldrill resume` can pick it up. One JSON file per session under
// <state>/sessions/, replaced atomically (write a temp file, fsync, rename), so a reader sees
// either the old checkpoint or the new one, never half of one.
const isDirectory = (file) => {
    try {
        return fs.statSync(file).isDirectory();
    }
    catch {
        return false;
    }
};
/** A checkpoint is one session's notes; anything this large is not one. */
const MAX_LIVE_BYTES = 16 * 1024 * 1024;
const LIVE_VERSION = 1;
function liveDirectory(stateDir) {
    return path.join(stateDir, 'sessions');
}
/**
 * The checkpoint file of session id. The id is checked to be one (a checkpoint or an argument
 * could say `../../victim`), and the path to stay inside the directory, before any file is named.
 */
function liveFile(stateDir, id) {
    const dir = path.resolve(liveDirectory(stateDir));
    const file = path.join(dir, `${id}.json`);
    if (!isSessionId(id) || path.dirname(file) !== dir)
        throw new Error(`"${id}" is not a session id; no checkpoint file is named after it`);
    return file;
}
function saveLive(stateDir, live) {
    const file = liveFile(stateDir, live.id);
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
    }
    catch (error) {
        // mkdir says EEXIST when a file stands where the directory should be: say what is wrong.
        if (error.code === 'EEXIST')
            throw Object.assign(new Error(`${path.dirname(file)} is not a directory`), { code: 'ENOTDIR' });
        throw error;
    }
    core.writeFileAtomic(file, JSON.stringify(live));
}
function removeLive(stateDir, id) {
    fs.rmSync(liveFile(stateDir, id), { force: true });
}
/**
 * Every resumable session, most recently saved first. A file that is unreadable, not a regular
 * file, or not the checkpoint its name says (its id another, or none) is reported and left in
 * place, never resumed: resuming writes and deletes the file its id names.
 */
function listLive(stateDir) {
    const dir = liveDirectory(stateDir);
    let names;
    try {
        names = fs.readdirSync(dir).filter((name) => name.endsWith('.json'));
    }
    catch (error) {
        // The state directory itself a file: say so, rather than "nothing to resume".
        if (error.code === 'ENOTDIR' && !isDirectory(stateDir))
            throw new start.StateDirError(stateDir, 'ENOTDIR', true);
        return { sessions: [], warnings: [] };
    }
    const sessions = [];
    const warnings = [];
    for (const name of names) {
        const file = path.join(dir, name);
        const named = name.slice(0, -'.json'.length);
        if (!isSessionId(named)) {
            warnings.push(`${file}: not named after a session id; left in place`);
            continue;
        }
        try {
            const live = JSON.parse(core.readRegular(file, MAX_LIVE_BYTES).toString('utf8'));
            if (live.version > LIVE_VERSION)
                warnings.push(`${file}: saved by a newer mldrill (version ${live.version}); upgrade to resume it`);
            else if (typeof live.id !== 'string' || !live.state)
                warnings.push(`${file}: not a saved session; left in place`);
            else if (live.id !== named)
                warnings.push(`${file}: holds a session whose id is not ${named}; left in place`);
            else
                sessions.push(live);
        }
        catch (error) {
            warnings.push(`${file}: ${error instanceof core.NotRegularError ? `${error.kind}, not a regular file` : 'unreadable'}; left in place`);
        }
    }
    sessions.sort((a, b) => start.compareText(b.savedAt, a.savedAt) || start.compareText(b.id, a.id));
    return { sessions, warnings };
}

// Reading the history file: JSON lines, appended by append.ts. A torn last line (a crash
// mid-write), a corrupt line or a record from a newer mldrill is skipped with a warning and
// left on disk; nothing here ever deletes or rewrites a line. A resumed session is appended
// again under the same id: readers keep the last record of each id.
/**
 * Every session of the history file, read a chunk at a time so that a file of any size is read
 * (see parseHistory). A file that does not exist yet is empty; one that is not a regular file
 * is refused (NotRegularError), never read.
 */
function readHistory(file, limits = core.LINE_LIMITS) {
    let opened;
    try {
        opened = core.openRegular(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return { records: [], warnings: [] };
        throw error;
    }
    const { fd, stat } = opened;
    try {
        const scan = { lines: [], warnings: [] };
        const take = (checked, number) => {
            if (checked && 'warning' in checked)
                scan.warnings.push({ line: number, message: checked.warning });
            else if (checked)
                scan.lines.push(checked);
        };
        const { tail } = checkLines(fd, 0, stat.size, 1, file, take, limits);
        if (tail)
            take(tail.checked, tail.number);
        return everySession(scan.lines, scan.warnings, (line) => decodeLine(line, file));
    }
    finally {
        fs.closeSync(fd);
    }
}
/**
 * The lines of the open history file from `from` (the line numbered `first`) to `to`, each
 * checked as checkLine does and handed to `each` with its number and offset, a chunk at a
 * time; a line too long to be a record is skipped with a warning. Returns where the complete
 * lines end, how many there were, and the unfinished last line (torn) if there is one.
 */
function checkLines(fd, from, to, first, file, each, limits = core.LINE_LIMITS) {
    let number = first - 1;
    const end = core.forEachLine(fd, from, to, (bytes, offset) => {
        number++;
        each(bytes ? checkLine(bytes.toString('utf8'), number, false, file) : { warning: tooLong(file, number, limits) }, number, offset);
    }, limits);
    const count = number - first + 1;
    if (end >= to)
        return { end, count };
    const checked = to - end > limits.maxLineBytes ? { warning: tooLong(file, number + 1, limits) } : checkLine(core.readRange(fd, end, to).toString('utf8'), number + 1, true, file);
    return { end, count, tail: { number: number + 1, offset: end, checked } };
}
function tooLong(file, number, limits) {
    return `${file}:${number}: longer than ${limits.maxLineBytes} bytes, too long for a session record; skipped and left in place`;
}
// Our writer puts `version` first. Values are JSON strings, whose quotes are escaped, so the
// first unescaped `"startedAt":"` in a line is the key itself.
const VERSION_PREFIX = /^\{"version":(\d+),"id":"([^"\\]+)",/;
const STARTED_AT = '"startedAt":"';
/**
 * One line of the file, checked cheaply as scanHistory does: nothing for a blank line, a
 * warning for a line skipped outright, else the line (decoded already when it looked wrong).
 * `torn` says it is the last line and has no newline yet.
 */
function checkLine(line, number, torn, file) {
    if (!line.trim())
        return undefined;
    const [, version, id = ''] = VERSION_PREFIX.exec(line) ?? [];
    const at = line.indexOf(STARTED_AT);
    const startedAtMs = at < 0 ? Number.NaN : Date.parse(line.slice(at + STARTED_AT.length, line.indexOf('"', at + STARTED_AT.length)));
    const framed = !torn && version !== undefined && line.endsWith('}') && !Number.isNaN(startedAtMs);
    if (framed && Number(version) > RECORD_VERSION)
        return { warning: newerVersion(`${file}:${number}`, Number(version)) };
    if (framed && Number(version) === RECORD_VERSION)
        return { number, text: line, id, startedAtMs };
    const decoded = decode(line, `${file}:${number}`, torn);
    if ('warning' in decoded)
        return decoded;
    return { number, text: line, id: decoded.record.id, startedAtMs: Date.parse(decoded.record.startedAt), record: decoded.record };
}
/** The line's record, or why it was skipped. */
function decodeLine(line, file) {
    if (line.record)
        return { record: line.record };
    const decoded = decode(line.text, `${file}:${line.number}`, false);
    if ('record' in decoded)
        line.record = decoded.record;
    return decoded;
}
function newerVersion(where, version) {
    return `${where}: written by a newer mldrill (record version ${version}, this one reads up to ${RECORD_VERSION}); skipped, upgrade mldrill to read it`;
}
function decode(line, where, tornLast) {
    let value;
    try {
        value = JSON.parse(line);
    }
    catch {
        return {
            warning: tornLast
                ? `${where}: the last line is incomplete (an interrupted write?); ignored and left in place`
                : `${where}: not valid JSON; skipped and left in place`,
        };
    }
    const version = value?.version;
    // Checked before the shape: a newer format may look different, and must not be misread.
    if (typeof version === 'number' && version > RECORD_VERSION)
        return { warning: newerVersion(where, version) };
    if (!isSessionRecord(value))
        return { warning: `${where}: not a session record; skipped and left in place` };
    return { record: value };
}
/**
 * Every session of the lines, in the order they first appear, each with its latest record that
 * decodes; `warnings` are the lines skipped already, joined by those that fail to decode.
 */
function everySession(lines, warnings, decode) {
    const records = new Map();
    const all = [...warnings];
    for (const line of lines) {
        const decoded = decode(line);
        // Keeps the first position of the id (its start) with the latest content.
        if ('record' in decoded)
            records.set(decoded.record.id, decoded.record);
        else
            all.push({ line: line.number, message: decoded.warning });
    }
    return { records: [...records.values()], warnings: inLineOrder(all) };
}
function inLineOrder(warnings) {
    return warnings.sort((a, b) => a.line - b.line).map((warning) => warning.message);
}
/**
 * The newest `limit` sessions by start time (0: all), each with its latest record that decodes,
 * decoding only as many lines as that takes; lines that fail to decode are skipped with a
 * warning. `total` counts the sessions whose lines looked like records, for "20 of 10000".
 * Over any lines and decoder: the history file's own, or its index's.
 */
function latestSessions(lines, warnings, decode, limit) {
    // Each session by its last line (the latest record); newest first, and of sessions that
    // started together, the later line first.
    const last = new Map();
    // Per line, the session's line before it (-1: none), to walk back through a session's lines.
    const previous = new Int32Array(lines.length);
    lines.forEach((line, i) => {
        previous[i] = last.get(line.id) ?? -1;
        last.set(line.id, i);
    });
    const heads = [...last.values()].sort((a, b) => lines[b].startedAtMs - lines[a].startedAtMs || lines[b].number - lines[a].number);
    const records = [];
    const all = [...warnings];
    for (const head of heads) {
        if (limit > 0 && records.length >= limit)
            break;
        // The session's record is its last line that decodes: walk back from its last line.
        for (let i = head; i >= 0; i = previous[i]) {
            const decoded = decode(lines[i]);
            if ('record' in decoded) {
                records.push(decoded.record);
                break;
            }
            all.push({ line: lines[i].number, message: decoded.warning });
        }
    }
    return { records, warnings: inLineOrder(all), total: last.size };
}

// A derived index of the history file, so that `history`, `stats`, `next` and `export` need not
// read and parse every record on every run. It is a cache, never a source of truth: it holds,
// per line that looks like a record, where the line is and what choosing and summarising
// sessions needs (no notes), plus the lines skipped with their warnings, all as compact arrays.
// It knows the history, not its consumers: what a command derives from the sessions (the stats
// tally) it caches itself, keyed by historyFingerprint.
//
// history.jsonl is append-only, so a run reads the bytes appended since the indexed offset and
// parses only those. Any doubt rebuilds the index from the whole file: another file (device and
// inode, or path), a file shorter than indexed, the same size with another mtime (rewritten in
// place), the last indexed bytes no longer the same (a fingerprint), another format, or an
// index that does not parse. A torn last line (no newline yet) is never indexed: it is read
// again on every run, until an append completes it.
//
// The index is written to a temporary file and renamed into place, so concurrent runs read a
// whole old index or a whole new one; a run that cannot write it goes on without it.
/** Bump when the layout changes, or what a line decodes to (a warning's text included). */
const FORMAT$1 = 6;
const FINGERPRINT_BYTES = 64;
const HEAD = 3;
/** An index is a fraction of its history; one larger than a Buffer holds is not one we wrote. */
const MAX_INDEX_BYTES = 2 ** 31 - 1;
/** `history` shows 20 by default; more than this many, or all, are read the whole way. */
const NEWEST_KEPT = 1000;
/** A history with no lines: the file does not exist yet. */
function emptyHistory() {
    return { lines: [], warnings: [], decode: () => ({ warning: '' }), skipped: [], fingerprint: '' };
}
/**
 * The history file read through the index at indexFile (none: no index): brought up to date
 * with what was appended, rewritten when that changed it. A missing history file is empty;
 * one that is not a regular file is refused (NotRegularError), never read. What was appended
 * is read a chunk at a time (limits), so a history of any size is read.
 */
function readIndexedHistory(file, indexFile, limits = core.LINE_LIMITS) {
    let opened;
    try {
        opened = core.openRegular(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return emptyHistory();
        throw error;
    }
    const { fd, stat } = opened;
    try {
        const stored = indexFile === undefined ? undefined : loadIndex(indexFile);
        const trusted = stored && current(stored, file, fd, stat) ? stored : undefined;
        const index = trusted ?? {
            file, dev: 0, ino: 0, size: 0, mtimeMs: 0, offset: 0, lineCount: 0, fingerprint: '', warnings: [], failed: [],
            strings: [], heads: [], ids: [], ends: [], stored: Buffer.alloc(0), added: [],
        };
        const indexedOffset = index.offset;
        const tail = extend(index, fd, stat.size, limits);
        if (indexFile !== undefined && index.offset > 0 && (index !== stored || index.offset > indexedOffset)) {
            Object.assign(index, { dev: stat.dev, ino: stat.ino, size: stat.size, mtimeMs: stat.mtimeMs });
            index.fingerprint = core.readRange(fd, Math.max(0, index.offset - FINGERPRINT_BYTES), index.offset).toString('base64');
            saveIndex(indexFile, index);
        }
        return { ...view(index, tail), fingerprint: fingerprintOf(file, fd, stat) };
    }
    finally {
        fs.closeSync(fd);
    }
}
/**
 * What identifies the history file as it is now (path, device, inode, size, mtime and its last
 * bytes, as the index checks them): a cache derived from the history is current while this is
 * the same. undefined when there is no history file; one that is not regular is refused.
 */
function historyFingerprint(file) {
    let opened;
    try {
        opened = core.openRegular(file);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
    const { fd, stat } = opened;
    try {
        return fingerprintOf(file, fd, stat);
    }
    finally {
        fs.closeSync(fd);
    }
}
function fingerprintOf(file, fd, stat) {
    const last = core.readRange(fd, Math.max(0, stat.size - FINGERPRINT_BYTES), stat.size).toString('base64');
    return JSON.stringify([FORMAT$1, file, stat.dev, stat.ino, stat.size, stat.mtimeMs, last]);
}
/**
 * Where the history that historyFingerprint described ends in the file as it is now, when the
 * file is that one with whole lines appended since (it ended a line then, and the same checks as
 * the index's say it is the same file, grown); undefined otherwise.
 */
function appendedSince(file, fingerprint) {
    try {
        const [format, was, dev, ino, size, mtimeMs, last] = JSON.parse(fingerprint);
        if (format !== FORMAT$1 || was !== file || ![dev, ino, size, mtimeMs].every(Number.isFinite) || typeof last !== 'string')
            return undefined;
        if (size > 0 && Buffer.from(last, 'base64').at(-1) !== 0x0a)
            return undefined;
        const key = { file, dev, ino, size, mtimeMs, offset: size, fingerprint: last };
        return withFile(file, (fd, stat) => (stat.size > size && current(key, file, fd, stat) ? size : undefined));
    }
    catch {
        return undefined;
    }
}
/**
 * The newest `limit` sessions, each as its latest record, with the skipped lines and the count
 * of sessions, as latestSessions gives them over readIndexedHistory, but read from the index's
 * first and third lines and the bodies shown alone. Only when nothing was appended since the
 * index was written, no line fails to decode (a session would then fall back to an earlier
 * line) and the index keeps that many; undefined otherwise, and on any doubt: read the whole way.
 */
function readNewestSessions(file, indexFile, limit) {
    if (indexFile === undefined || limit <= 0 || limit > NEWEST_KEPT)
        return undefined;
    try {
        return withFile(file, (historyFd) => withFile(indexFile, (indexFd) => {
            const [meta] = readLines(indexFd, 0, 1);
            const head = parseHead(meta);
            if (!head || head.failed.length > 0 || !settled(head, file, historyFd))
                return undefined;
            const newestAt = Buffer.byteLength(meta) + 1;
            // The bodies line starts after the table line, and its first body after the bracket.
            const bodiesAt = newestAt + head.sizes[0] + 1 + head.sizes[1] + 1 + 1;
            const [strings, total, newest] = JSON.parse(core.readRange(indexFd, newestAt, newestAt + head.sizes[0]).toString('utf8'));
            if (!Array.isArray(strings) || typeof total !== 'number' || !Array.isArray(newest))
                return undefined;
            const records = [];
            for (let k = 0; k + 2 < newest.length && records.length < limit; k += 3) {
                const [id, start, end] = newest.slice(k, k + 3);
                if (typeof id !== 'string' || !Number.isInteger(start) || !Number.isInteger(end) || end < start)
                    return undefined;
                records.push(summaryOf(id, JSON.parse(core.readRange(indexFd, bodiesAt + start, bodiesAt + end).toString('utf8')), strings));
            }
            // Fewer kept than asked for, and there are more: read the whole way.
            if (records.length < Math.min(limit, total))
                return undefined;
            return { records, warnings: skippedLines(head), total };
        }));
    }
    catch {
        return undefined;
    }
}
/** The whole record of the line at offset, notes included; undefined when it no longer decodes. */
function readRecordAt(file, offset) {
    const decoded = decode(readLineAt(file, offset), file, false);
    return 'record' in decoded ? decoded.record : undefined;
}
function readLineAt(file, offset) {
    return withFile(file, (fd) => readLines(fd, offset, 1)[0]);
}
/** Only a regular file is opened, and not left open. */
const withFile = core.withRegularFile;
/**
 * The first `count` lines from offset, without their newlines; the last may end with the file.
 * More than a record's worth of bytes without them is doubt: an error.
 */
function readLines(fd, offset, count) {
    const chunks = [];
    for (let at = offset, newlines = 0; newlines < count;) {
        if (at - offset > core.LINE_LIMITS.maxLineBytes)
            throw new Error('a line longer than any the index or history writes');
        const read = Buffer.allocUnsafe(64 * 1024);
        const got = fs.readSync(fd, read, 0, read.length, at);
        if (got === 0)
            break;
        const data = read.subarray(0, got);
        for (let i = data.indexOf(0x0a); i >= 0 && newlines < count; i = data.indexOf(0x0a, i + 1))
            newlines++;
        chunks.push(data);
        at += got;
    }
    return Buffer.concat(chunks).toString('utf8').split('\n', count);
}
/**
 * Whether the index was made of this very file, as it was or as it has grown since: the same
 * file, no shorter, not rewritten in place, and the last indexed bytes still the same.
 */
function current(index, file, fd, stat) {
    if (index.file !== file || index.dev !== stat.dev || index.ino !== stat.ino)
        return false;
    if (stat.size < index.size || index.offset > index.size)
        return false;
    const fingerprint = Buffer.from(index.fingerprint, 'base64');
    if (fingerprint.length !== Math.min(FINGERPRINT_BYTES, index.offset))
        return false;
    // The same size with another mtime: rewritten in place, not appended to.
    if (stat.size === index.size && stat.mtimeMs !== index.mtimeMs)
        return false;
    return core.readRange(fd, index.offset - fingerprint.length, index.offset).equals(fingerprint);
}
/** Whether the index describes the open file whole: current, and nothing appended since. */
function settled(index, file, fd) {
    const stat = fs.fstatSync(fd);
    return stat.size === index.offset && current(index, file, fd, stat);
}
/**
 * Indexes the complete lines of the open file from index.offset to `to`, and returns the torn
 * last line, checked but not indexed, if there is one.
 */
function extend(index, fd, to, limits) {
    const ids = new Map(index.strings.map((text, i) => [text, i]));
    const intern = (text) => {
        let id = ids.get(text);
        if (id === undefined) {
            ids.set(text, (id = index.strings.length));
            index.strings.push(text);
        }
        return id;
    };
    const read = checkLines(fd, index.offset, to, index.lineCount + 1, index.file, (checked, number, offset) => {
        if (!checked)
            return;
        if ('warning' in checked) {
            index.warnings.push([number, checked.warning]);
            return;
        }
        const decoded = decodeLine(checked, index.file);
        if (!('record' in decoded))
            index.failed.push([number, decoded.warning]);
        index.heads.push(number, offset, checked.startedAtMs);
        index.ids.push(checked.id);
        const body = JSON.stringify('record' in decoded ? encode(decoded.record, intern) : decoded.warning);
        index.added.push(body);
        index.ends.push((index.ends.length ? index.ends[index.ends.length - 1] + 1 : 0) + Buffer.byteLength(body));
    }, limits);
    index.lineCount += read.count;
    index.offset = read.end;
    const checked = read.tail?.checked;
    if (!checked)
        return undefined;
    if ('warning' in checked)
        return { line: index.lineCount + 1, message: checked.warning };
    // A torn line that decodes (a complete record missing its newline) was decoded by checkLine.
    const { version: _version, curveballs: _curveballs, exchanges: _exchanges, diagram: _diagram, stages, ...session } = checked.record;
    const summary = { ...session, stages: stages.map(({ notes: _notes, hintsShown: _hints, ...stage }) => stage) };
    return { number: checked.number, offset: index.offset, id: checked.id, startedAtMs: checked.startedAtMs, position: -1, summary };
}
function encode(record, intern) {
    const stages = [];
    for (const stage of record.stages) {
        stages.push(intern(stage.id), stage.budgetSeconds, stage.usedSeconds, stage.score, stage.checked.length);
        for (const id of stage.checked)
            stages.push(intern(id));
        stages.push(stage.missed.length);
        for (const id of stage.missed)
            stages.push(intern(id));
    }
    return [record.startedAt, record.endedAt, intern(record.questionId), intern(record.rubricId), intern(record.mode), intern(record.status), record.score, stages];
}
function decodeAt(index, i) {
    const [number, offset] = [index.heads[i * HEAD], index.heads[i * HEAD + 1]];
    try {
        const added = i - (index.ends.length - index.added.length);
        const text = added >= 0 ? index.added[added] : index.stored.toString('utf8', i === 0 ? 0 : index.ends[i - 1] + 1, index.ends[i]);
        const body = JSON.parse(text);
        return typeof body === 'string' ? { warning: body } : { record: summaryOf(index.ids[i], body, index.strings) };
    }
    catch {
        // A damaged body: the line itself says what it is.
        return decode(readLineAt(index.file, offset), `${index.file}:${number}`, false);
    }
}
function skippedLines(index, tail) {
    const all = [...index.warnings, ...index.failed].map(([line, message]) => ({ line, message }));
    if (tail)
        all.push(tail);
    return inLineOrder(all);
}
/** The index's lines, with the torn last line if any; each decoded when asked. */
function view(index, tail) {
    const { heads, ids } = index;
    const lines = new Array(ids.length);
    for (let i = 0; i < ids.length; i++)
        lines[i] = { number: heads[i * HEAD], offset: heads[i * HEAD + 1], id: ids[i], startedAtMs: heads[i * HEAD + 2], position: i };
    const warnings = index.warnings.map(([line, message]) => ({ line, message }));
    if (tail && 'message' in tail)
        warnings.push(tail);
    // Read for this run only: the index never holds a line without its newline.
    else if (tail)
        lines.push(tail);
    return {
        lines,
        warnings,
        decode(line) {
            if (!line.summary && line.warning === undefined && line.position >= 0) {
                const decoded = decodeAt(index, line.position);
                if ('record' in decoded)
                    line.summary = decoded.record;
                else
                    line.warning = decoded.warning;
            }
            return line.summary ? { record: line.summary } : { warning: line.warning ?? `${index.file}:${line.number}: unreadable` };
        },
        skipped: skippedLines(index, tail && 'message' in tail ? tail : undefined),
    };
}
/** A session's summary from its body in the index; throws when the body is malformed. */
function summaryOf(id, body, strings) {
    const text = (at) => {
        const value = strings[at];
        if (typeof value !== 'string')
            throw new Error('malformed index');
        return value;
    };
    const need = (ok) => {
        if (!ok)
            throw new Error('malformed index');
    };
    need(Array.isArray(body) && body.length === 8);
    const [startedAt, endedAt, question, rubric, mode, status, score, stages] = body;
    need(typeof startedAt === 'string' && typeof endedAt === 'string' && (score === null || typeof score === 'number') && Array.isArray(stages));
    const summary = {
        id, questionId: text(question), rubricId: text(rubric), mode: text(mode), startedAt, endedAt,
        status: text(status), score, stages: [],
    };
    for (let at = 0; at < stages.length;) {
        const [stageId, budgetSeconds, usedSeconds, stageScore, checkedCount] = stages.slice(at, at + 5);
        const missedAt = at + 5 + checkedCount;
        const missedCount = stages[missedAt];
        need(typeof budgetSeconds === 'number' && typeof usedSeconds === 'number' && (stageScore === null || typeof stageScore === 'number')
            && checkedCount >= 0 && typeof missedCount === 'number' && missedCount >= 0 && missedAt + missedCount < stages.length);
        const checked = [];
        for (let k = at + 5; k < missedAt; k++)
            checked.push(text(stages[k]));
        const missed = [];
        for (let k = missedAt + 1; k <= missedAt + missedCount; k++)
            missed.push(text(stages[k]));
        summary.stages.push({ id: text(stageId), budgetSeconds, usedSeconds, score: stageScore, checked, missed });
        at = missedAt + 1 + missedCount;
    }
    return summary;
}
/**
 * The index's first three lines as text and its fourth, the bodies, as bytes (most of the index,
 * and decoded one body at a time); undefined when it is not framed as four lines.
 */
function indexLines(indexFile) {
    try {
        const bytes = core.readRegular(indexFile, MAX_INDEX_BYTES);
        const lines = [];
        const sizes = [];
        let start = 0;
        for (let i = 0; i < 3; i++) {
            const end = bytes.indexOf(0x0a, start);
            if (end < 0)
                return undefined;
            lines.push(bytes.toString('utf8', start, end));
            sizes.push(end - start);
            start = end + 1;
        }
        const bodies = bytes.subarray(start);
        return bodies.includes(0x0a) ? undefined : { lines, sizes, bodies };
    }
    catch {
        return undefined;
    }
}
/** The key, the skipped lines and the line sizes from the first line; undefined on any doubt. */
function parseHead(meta) {
    try {
        const value = JSON.parse(meta);
        if (!Array.isArray(value) || value.length !== 13 || value[0] !== FORMAT$1 || value[1] !== RECORD_VERSION)
            return undefined;
        const [, , file, dev, ino, size, mtimeMs, offset, lineCount, fingerprint, warnings, failed, sizes] = value;
        const numbers = [dev, ino, size, mtimeMs, offset, lineCount];
        if (typeof file !== 'string' || typeof fingerprint !== 'string' || !numbers.every((n) => typeof n === 'number'))
            return undefined;
        const pairs = (list) => Array.isArray(list) && list.every((pair) => Array.isArray(pair) && typeof pair[0] === 'number' && typeof pair[1] === 'string');
        if (!pairs(warnings) || !pairs(failed))
            return undefined;
        if (!Array.isArray(sizes) || sizes.length !== 2 || !sizes.every((n) => Number.isInteger(n) && n >= 0))
            return undefined;
        return { file, dev, ino, size, mtimeMs, offset, lineCount, fingerprint, warnings, failed, sizes };
    }
    catch {
        return undefined;
    }
}
function loadIndex(indexFile) {
    const read = indexLines(indexFile);
    const head = read && parseHead(read.lines[0]);
    if (!read || !head || head.sizes.some((size, i) => size !== read.sizes[i + 1]))
        return undefined;
    const { lines, bodies } = read;
    try {
        const newest = JSON.parse(lines[1]);
        const table = JSON.parse(lines[2]);
        if (!Array.isArray(newest) || newest.length !== 3 || !Array.isArray(table) || table.length !== 3)
            return undefined;
        const [strings] = newest;
        const [heads, ids, ends] = table;
        if (!Array.isArray(strings) || !Array.isArray(heads) || !Array.isArray(ids) || !Array.isArray(ends))
            return undefined;
        if (heads.length !== ids.length * HEAD || ends.length !== ids.length || !heads.every((n) => typeof n === 'number') || !ids.every((id) => typeof id === 'string'))
            return undefined;
        if (bodies[0] !== 0x5b || bodies[bodies.length - 1] !== 0x5d || (ends.length > 0 && ends[ends.length - 1] !== bodies.length - 2))
            return undefined;
        // Checked element by element above: strings of the table, numbers of the heads and ends.
        return { ...head, strings: strings, heads: heads, ids: ids, ends: ends, stored: bodies.subarray(1, -1), added: [] };
    }
    catch {
        return undefined;
    }
}
/**
 * How many sessions there are, and the newest (by their last lines, as latestSessions orders
 * them) as flat [id, body start, body end] for up to NEWEST_KEPT of them.
 */
function newestOf(index) {
    const last = new Map();
    index.ids.forEach((id, i) => last.set(id, i));
    const { heads, ids, ends } = index;
    const order = [...last.values()].sort((a, b) => heads[b * HEAD + 2] - heads[a * HEAD + 2] || heads[b * HEAD] - heads[a * HEAD]);
    const newest = [];
    for (const i of order.slice(0, NEWEST_KEPT))
        newest.push(ids[i], i === 0 ? 0 : ends[i - 1] + 1, ends[i]);
    return [last.size, newest];
}
function saveIndex(indexFile, index) {
    const { file, dev, ino, size, mtimeMs, offset, lineCount, fingerprint, warnings, failed, strings, heads, ids, ends, stored, added } = index;
    const newest = JSON.stringify([strings, ...newestOf(index)]);
    const table = JSON.stringify([heads, ids, ends]);
    const sizes = [newest, table].map((line) => Buffer.byteLength(line));
    const meta = JSON.stringify([FORMAT$1, RECORD_VERSION, file, dev, ino, size, mtimeMs, offset, lineCount, fingerprint, warnings, failed, sizes]);
    const bodies = added.join(',');
    try {
        fs.mkdirSync(path.dirname(indexFile), { recursive: true });
        core.writeFileAtomic(indexFile, Buffer.concat([Buffer.from(`${meta}\n${newest}\n${table}\n[`), stored, Buffer.from(stored.length && bodies ? `,${bodies}]` : `${bodies}]`)]));
    }
    catch {
        // No index this time; the next run tries again.
    }
}

// Reading sessions out of the history: order, totals and lookup by id. Pure.
/** Active seconds over every stage (pauses excluded). */
function usedSecondsOf(record) {
    return record.stages.reduce((sum, stage) => sum + stage.usedSeconds, 0);
}
function budgetSecondsOf(record) {
    return record.stages.reduce((sum, stage) => sum + stage.budgetSeconds, 0);
}
/** Oldest first by start time; sessions that started together keep their order in the file. */
function oldestFirst(records) {
    return records
        .map((record, index) => ({ record, index, at: Date.parse(record.startedAt) }))
        .sort((a, b) => a.at - b.at || a.index - b.index)
        .map(({ record }) => record);
}
function newestFirst(records) {
    return oldestFirst(records).reverse();
}
/**
 * The item whose id is ref, else the one item whose id starts with ref; undefined when none
 * does, and a NotFoundError naming a few when several do.
 */
function byIdOrPrefix(items, ref) {
    const exact = items.find((item) => item.id === ref);
    if (exact || !ref)
        return exact;
    const prefixed = items.filter((item) => item.id.startsWith(ref));
    if (prefixed.length > 1) {
        throw new start.NotFoundError(`"${ref}" starts ${prefixed.length} session ids (${prefixed.slice(0, 3).map((item) => item.id).join(', ')}${prefixed.length > 3 ? ', …' : ''}); give more of the id`);
    }
    return prefixed[0];
}
/**
 * The session named by ref: `last` (the newest), an exact id, or a prefix of exactly one id.
 * Otherwise a NotFoundError that suggests the closest ids.
 */
function findSession(records, ref) {
    if (records.length === 0)
        throw new start.NoSessionsError();
    if (ref === 'last')
        return newestFirst(records)[0];
    const found = byIdOrPrefix(records, ref);
    if (found)
        return found;
    const ids = newestFirst(records).map((record) => record.id);
    // Ids share their date and time digits, so only near misses (a typo or two) are worth naming.
    const suggestions = ids
        .map((id) => ({ id, distance: start.editDistance(ref, id) }))
        .filter(({ distance }) => distance <= 3)
        .sort((a, b) => a.distance - b.distance)
        .slice(0, 3)
        .map(({ id }) => id);
    throw new start.UnknownIdError('session', ref, suggestions);
}

function emptyTally() {
    return {
        sessions: 0, completed: 0, abandoned: 0, practiceMs: 0,
        done: { ids: [], startedAt: [], scores: [], order: [] },
        questions: new Map(), rubrics: new Map(),
    };
}
/** The tally of these sessions (each session's latest record), each counted in the order given. */
function tallyOf(records) {
    const tally = emptyTally();
    records.forEach((record, order) => addSession(tally, record, order));
    return tally;
}
const milli = (value) => Math.round(value * 1000);
/**
 * Counts a session in (each session once, as its latest record). `order` is where it first
 * appeared: sessions that started at the same moment keep that order in the trend.
 */
function addSession(tally, record, order) {
    tally.sessions++;
    if (record.status === 'abandoned')
        tally.abandoned++;
    for (const stage of record.stages)
        tally.practiceMs += milli(stage.usedSeconds);
    if (record.status !== 'completed' || record.score === null)
        return;
    tally.completed++;
    const { done } = tally;
    done.ids.push(record.id);
    done.startedAt.push(Date.parse(record.startedAt));
    done.scores.push(record.score);
    done.order.push(order);
    const question = update(tally.questions, record.questionId, () => ({ sessions: 0, scoreMilli: 0 }));
    question.sessions++;
    question.scoreMilli += milli(record.score);
    const rubric = update(tally.rubrics, record.rubricId, () => ({ sessions: 0, stages: new Map(), items: new Map() }));
    rubric.sessions++;
    record.stages.forEach((stage, position) => {
        const entry = update(rubric.stages, stage.id, () => ({ position, sessions: 0, scored: 0, scoreMilli: 0, usedMs: 0, budgetMs: 0, timed: 0, ratioMicro: 0 }));
        entry.position = Math.min(entry.position, position);
        entry.sessions++;
        if (stage.score !== null) {
            entry.scored++;
            entry.scoreMilli += milli(stage.score);
        }
        entry.usedMs += milli(stage.usedSeconds);
        entry.budgetMs += milli(stage.budgetSeconds);
        if (stage.budgetSeconds > 0) {
            entry.timed++;
            entry.ratioMicro += Math.round((stage.usedSeconds / stage.budgetSeconds) * 1e6);
        }
        const items = update(rubric.items, stage.id, () => new Map());
        for (const [ids, missed] of [[stage.checked, false], [stage.missed, true]]) {
            for (const itemId of ids) {
                const item = update(items, itemId, () => ({ missed: 0, assessed: 0, questions: new Map() }));
                item.assessed++;
                if (missed) {
                    item.missed++;
                    item.questions.set(record.questionId, (item.questions.get(record.questionId) ?? 0) + 1);
                }
            }
        }
    });
}
function update(map, key, make) {
    let value = map.get(key);
    if (value === undefined)
        map.set(key, (value = make()));
    return value;
}
/** The key with the highest count; ties go to the first in sorted order. */
function mostCounted(map) {
    let best;
    for (const [key, value] of map) {
        const top = best === undefined ? undefined : map.get(best);
        if (top === undefined || value > top || (value === top && key < best))
            best = key;
    }
    return best;
}
/** The tally as plain JSON values (maps as arrays of entries), for the stats cache. */
function tallyToJSON(tally) {
    return [
        tally.sessions, tally.completed, tally.abandoned, tally.practiceMs,
        [tally.done.ids, tally.done.startedAt, tally.done.scores, tally.done.order],
        [...tally.questions].map(([id, q]) => [id, q.sessions, q.scoreMilli]),
        [...tally.rubrics].map(([rubricId, rubric]) => [
            rubricId, rubric.sessions,
            [...rubric.stages].map(([id, s]) => [id, s.position, s.sessions, s.scored, s.scoreMilli, s.usedMs, s.budgetMs, s.timed, s.ratioMicro]),
            [...rubric.items].map(([stageId, items]) => [stageId, [...items].map(([id, item]) => [id, item.missed, item.assessed, [...item.questions]])]),
        ]),
    ];
}
/** The tally back from tallyToJSON's value; undefined when it is not one. */
function tallyFromJSON(value) {
    try {
        const [sessions, completed, abandoned, practiceMs, done, questions, rubrics] = value;
        if (![sessions, completed, abandoned, practiceMs].every(Number.isFinite))
            return undefined;
        const [ids, startedAt, scores, order] = done;
        if (![startedAt, scores, order].every((column) => Array.isArray(column) && column.length === ids.length) || !ids.every((id) => typeof id === 'string'))
            return undefined;
        const tally = { sessions, completed, abandoned, practiceMs, done: { ids, startedAt, scores, order }, questions: new Map(), rubrics: new Map() };
        const numbers = [...startedAt, ...scores, ...order];
        const keys = [];
        for (const [id, questionSessions, scoreMilli] of questions) {
            tally.questions.set(id, { sessions: questionSessions, scoreMilli });
            keys.push(id);
            numbers.push(questionSessions, scoreMilli);
        }
        for (const [rubricId, rubricSessions, stages, items] of rubrics) {
            const rubric = { sessions: rubricSessions, stages: new Map(), items: new Map() };
            tally.rubrics.set(rubricId, rubric);
            keys.push(rubricId);
            numbers.push(rubricSessions);
            for (const [id, position, stageSessions, scored, scoreMilli, usedMs, budgetMs, timed, ratioMicro] of stages) {
                rubric.stages.set(id, { position, sessions: stageSessions, scored, scoreMilli, usedMs, budgetMs, timed, ratioMicro });
                keys.push(id);
                numbers.push(position, stageSessions, scored, scoreMilli, usedMs, budgetMs, timed, ratioMicro);
            }
            for (const [stageId, stageItems] of items) {
                rubric.items.set(stageId, new Map(stageItems.map(([id, missed, assessed, sources]) => {
                    keys.push(id, ...sources.map(([question]) => question));
                    numbers.push(missed, assessed, ...sources.map(([, count]) => count));
                    return [id, { missed, assessed, questions: new Map(sources) }];
                })));
                keys.push(stageId);
            }
        }
        if (!numbers.every(Number.isFinite) || keys.some((key) => typeof key !== 'string'))
            return undefined;
        return tally;
    }
    catch {
        return undefined;
    }
}

// The stats tally (score/tally.ts), cached by `stats` itself under the cache directory and keyed
// by the history's fingerprint: while the history file is the same, `stats` reads this small
// file and nothing else. When sessions not seen before were appended (a drill), they are counted
// into it; on anything else (a resumed session supersedes its record, a rewritten file) every
// session is tallied again through the history index. The index knows the history, not what
// stats derives from it. A cache, safe to delete: any doubt recounts.
/** Bump when the layout or the tally's JSON changes. */
const FORMAT = 1;
/** Far more than the tally of a lifetime of sessions; a larger file is not one we wrote. */
const MAX_BYTES = 256 * 1024 * 1024;
function statsTallyFile(cacheDir) {
    return path.join(cacheDir, 'stats-tally');
}
/**
 * Every session's latest record tallied, with the lines skipped: from cacheFile when it was made
 * of the history as it is now, else counted afresh through the index and cached. On disk, two
 * lines: [FORMAT, fingerprint, skipped], then the tally (tallyToJSON).
 */
function readHistoryTally(file, indexFile, cacheFile) {
    const now = historyFingerprint(file);
    if (now === undefined)
        return { tally: emptyTally(), skipped: [] };
    const cached = loadCache(cacheFile);
    if (cached?.fingerprint === now)
        return cached;
    const history = readIndexedHistory(file, indexFile);
    const counted = (cached && withAppended(cached, history, appendedSince(file, cached.fingerprint))) ?? countAll(history);
    try {
        // Keyed by the file as it was read, not as it is now: an append meanwhile is counted next time.
        fs.mkdirSync(path.dirname(cacheFile), { recursive: true });
        core.writeFileAtomic(cacheFile, `${JSON.stringify([FORMAT, history.fingerprint, counted.skipped])}\n${JSON.stringify(tallyToJSON(counted.tally))}\n`);
    }
    catch {
        // No cache this time (a read-only or missing cache directory): the next run counts again.
    }
    return counted;
}
function countAll(history) {
    const { records, warnings } = everySession(history.lines, history.warnings, (line) => history.decode(line));
    return { tally: tallyOf(records), skipped: warnings };
}
/**
 * The cached tally with the sessions appended since it was made counted in, in the order a
 * fresh count gives them: only when the history grew by whole lines from `from`, each of a
 * session not seen before; undefined otherwise (count afresh).
 */
function withAppended(cached, history, from) {
    if (from === undefined)
        return undefined;
    const seen = new Set();
    const added = [];
    for (const line of history.lines) {
        // A line of a session already counted (a resume) would supersede its record: count afresh.
        if (line.offset >= from && seen.has(line.id))
            return undefined;
        seen.add(line.id);
        if (line.offset >= from)
            added.push(line);
    }
    const { tally } = cached;
    for (const line of added) {
        const decoded = history.decode(line);
        if ('record' in decoded)
            addSession(tally, decoded.record, tally.sessions);
    }
    return { tally, skipped: history.skipped };
}
function loadCache(cacheFile) {
    try {
        const [head = '', tally = ''] = core.readRegular(cacheFile, MAX_BYTES).toString('utf8').split('\n');
        const [format, fingerprint, skipped] = JSON.parse(head);
        if (format !== FORMAT || typeof fingerprint !== 'string' || !Array.isArray(skipped) || !skipped.every((line) => typeof line === 'string'))
            return undefined;
        const read = tallyFromJSON(JSON.parse(tally));
        return read && { tally: read, skipped, fingerprint };
    }
    catch {
        return undefined;
    }
}

// Notes as `mldrill grade` reads them: Markdown whose `## ` headings name stages by id or title.
// Pure. The grader reads every stage's notes for every item, so headings decide where text is
// shown, never what it counts for. A `## diagram` section is not notes: it holds the drawing's
// edge lines (src/diagram/parse.ts), compared with the question's reference diagram.
/** The heading of the section that holds the drawing, unless a stage is named so. */
const DIAGRAM_HEADING = 'diagram';
function splitNotes(text, stages) {
    const byName = new Map();
    for (const stage of stages) {
        byName.set(stage.id.toLowerCase(), stage.id);
        byName.set(stage.title.trim().toLowerCase(), stage.id);
    }
    const out = { stages: new Map(), unstaged: '', unknownHeadings: [], diagram: null };
    let current = null;
    let inDiagram = false;
    const drawn = [];
    text.split(/\r?\n/).forEach((line, i) => {
        drawn.push(inDiagram && !/^##\s/.test(line) ? line : '');
        const heading = /^##\s+(.*?)\s*#*\s*$/.exec(line);
        if (heading) {
            const name = heading[1].toLowerCase();
            current = byName.get(name) ?? null;
            inDiagram = current === null && name === DIAGRAM_HEADING;
            if (inDiagram)
                out.diagram = '';
            else if (current === null)
                out.unknownHeadings.push({ line: i + 1, heading: heading[1] });
            return;
        }
        if (inDiagram)
            return;
        if (current === null)
            out.unstaged += `${line}\n`;
        else
            out.stages.set(current, `${out.stages.get(current) ?? ''}${line}\n`);
    });
    if (out.diagram !== null)
        out.diagram = `${drawn.join('\n').trimEnd()}\n`;
    return out;
}
/** Every part of the notes, as the grader reads them. */
function allNotes(split) {
    return [split.unstaged, ...split.stages.values()].join('\n');
}

// `mldrill grade`'s text: the score, then per stage each item met or not, core items first,
// with the words of the notes that met it. Returns lines; never prints.
const EVIDENCE_MAX = 60;
/**
 * The text, one line per item; with a width (a terminal's), each item wrapped at word breaks
 * under its first word, so nothing is broken mid-word. A pipe keeps one line per item for scripts.
 */
function gradeLines(grade, questionTitle, rubricTitle, style, width) {
    const paint = core.gradeStyle(style);
    const fit = (text) => (width === undefined ? [text] : start.wrap(text, width));
    const score = `${style.heading('Score')} ${paint(grade.score)(`${grade.score}%`)}${grade.capped ? style.warn('  capped: core items missed') : ''}`;
    const grader = style.dim(`${start.stripControl(rubricTitle)} · keyword grader`);
    const lines = [
        ...fit(`Grade · ${start.stripControl(questionTitle)}`).map((line) => style.title(line)),
        ...(width === undefined || start.visibleLength(score) + 3 + start.visibleLength(grader) <= width ? [`${score}   ${grader}`] : [score, grader]),
        ...(grade.diagram ? fit(start.stripControl(grade.diagram.summary)) : []),
    ];
    for (const stage of grade.stages) {
        lines.push('', `${style.heading(start.stripControl(stage.title))}  ${paint(stage.score)(`${stage.score}%`)}`);
        for (const item of stage.items) {
            const mark = item.met ? style.good('✓') : style.bad('✗');
            const evidence = item.evidence === null ? '' : `"${clip(start.stripControl(item.evidence).replace(/\s+/g, ' '))}"`;
            // The plain text is wrapped, then styled: "core " leads the first line.
            const text = `${item.core ? 'core ' : ''}${start.stripControl(item.text)}`;
            const [first = '', ...rest] = width === undefined ? [text] : start.wrap(text, width - 4);
            const itemLines = [`  ${mark} ${item.core ? `${style.warn('core ')}${first.slice(5)}` : first}`, ...rest.map((line) => `    ${line}`)];
            if (evidence) {
                const last = itemLines.length - 1;
                if (width === undefined || start.visibleLength(itemLines[last]) + 2 + start.visibleLength(evidence) <= width)
                    itemLines[last] += style.dim(`  ${evidence}`);
                else
                    itemLines.push(...start.wrap(evidence, width, '    ').map((line) => style.dim(line)));
            }
            lines.push(...itemLines);
        }
    }
    return lines;
}
const clip = (text) => start.cut(text, EVIDENCE_MAX);
/** The JSON document: exactly the documented keys. */
function gradeJson(grade) {
    const doc = {
        questionId: grade.questionId,
        rubricId: grade.rubricId,
        grader: grade.grader,
        score: grade.score,
        capped: grade.capped,
        stages: grade.stages.map((stage) => ({
            id: stage.id,
            score: stage.score,
            items: stage.items.map(({ id, text, weight, core, met, evidence }) => ({ id, text, weight, core, met, evidence })),
        })),
        diagram: grade.diagram ? diagram.comparisonJson(grade.diagram.comparison) : null,
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
}

function historyEntry(record, timeZone, resumable = false, aiScore = null) {
    return {
        id: record.id,
        localStart: core.localDateTime(Date.parse(record.startedAt), timeZone),
        startedAt: record.startedAt,
        endedAt: record.endedAt,
        questionId: record.questionId,
        rubricId: record.rubricId,
        mode: record.mode,
        status: record.status,
        score: record.score,
        usedSeconds: usedSecondsOf(record),
        budgetSeconds: budgetSecondsOf(record),
        resumable,
        aiScore,
    };
}
/** A session known only from its checkpoint: it stopped before writing a record (kill -9). */
function liveEntry(live, timeZone) {
    return {
        id: live.id,
        localStart: core.localDateTime(live.state.startedAt, timeZone),
        startedAt: new Date(live.state.startedAt).toISOString(),
        endedAt: live.savedAt,
        questionId: live.questionId,
        rubricId: live.rubricId,
        mode: live.mode,
        status: 'interrupted',
        score: null,
        usedSeconds: Math.round(live.state.progress.reduce((sum, stage) => sum + stage.usedMs, 0) / 1000),
        // Summed here rather than with the session engine's helper: history's start-up stays free of it.
        budgetSeconds: live.state.plan.reduce((sum, stage) => sum + stage.budgetSeconds, 0),
        resumable: true,
        aiScore: null,
    };
}
/** After the score of a session the AI grader has rated too. */
const AI_MARK = '*';
/**
 * The table, no wider than `width` (a terminal's; unlimited for a pipe): past it, the mode goes
 * unless some session was in interviewer mode, `abandoned, resumable` shortens to `resumable`,
 * the year leaves the date, the mode goes anyway, and last the question id is cut to what is
 * left, an ellipsis ending it. Session ids stay whole: they are what export and resume take.
 */
function historyLines(entries, style, width = Number.POSITIVE_INFINITY) {
    const grade = core.gradeStyle(style);
    const build = (options) => {
        const status = (entry) => (entry.resumable ? (options.shortStatus ? 'resumable' : `${entry.status}, resumable`) : entry.status);
        const rows = entries.map((entry) => [
            options.shortWhen ? entry.localStart.slice(5) : entry.localStart,
            start.stripControl(entry.id),
            start.cut(start.stripControl(entry.questionId), options.question),
            ...(options.mode ? [start.stripControl(entry.mode)] : []),
            start.stripControl(status(entry)),
            // The AI marker takes the place of a space: "100%*" is as wide as the header, so the table is no wider.
            `${entry.score === null ? '-' : `${entry.score}%`}${entry.aiScore === null ? ' ' : AI_MARK}`,
            `${Math.round(entry.usedSeconds / 60)} min`,
        ]);
        return core.table([
            { header: 'When' },
            { header: 'Session', paint: (text) => style.accent(text) },
            { header: 'Question' },
            ...(options.mode ? [{ header: 'Mode' }] : []),
            { header: 'Status', paint: (text, row) => (entries[row].status === 'completed' ? text : style.warn(text)) },
            { header: 'Score', align: 'right', paint: (text, row) => (entries[row].score === null ? style.dim(text) : grade(entries[row].score)(text)) },
            { header: 'Time', align: 'right' },
        ], rows, style.dim);
    };
    const widest = (lines) => Math.max(...lines.map(start.visibleLength));
    const longest = Math.max(...entries.map((entry) => [...start.stripControl(entry.questionId)].length));
    let lines = build({ mode: true, shortStatus: false, question: longest });
    const interviewer = entries.some((entry) => entry.mode !== 'self');
    const steps = [
        { mode: interviewer, shortStatus: false },
        { mode: interviewer, shortStatus: true },
        { mode: interviewer, shortStatus: true, shortWhen: true },
        { mode: false, shortStatus: true, shortWhen: true },
    ];
    for (const options of steps) {
        if (widest(lines) <= width)
            return lines;
        lines = build({ ...options, question: longest });
    }
    // Still too wide: the question id is cut to what is left.
    const over = widest(lines) - width;
    if (over > 0)
        lines = build({ ...steps.at(-1), question: Math.max(8, longest - over) });
    return lines;
}

/** The category given to sessions whose question is not in the bank. */
const UNKNOWN_CATEGORY = 'unknown';
/** A view of the open bank that reads whole questions only when an item or prompt needs them. */
function bankView(catalog) {
    const known = new Set(catalog.ids);
    const parsed = new Map();
    const whole = (id) => {
        if (!known.has(id))
            return undefined;
        let question = parsed.get(id);
        if (!question)
            parsed.set(id, (question = catalog.question(id)));
        return question;
    };
    const asItem = (item) => item && { text: item.text, ...(item.guidance ? { guidance: item.guidance } : {}), ...(item.core ? { core: true } : {}) };
    const inRubric = (rubric, stageId, itemId) => rubric?.stages.find((stage) => stage.id === stageId)?.checklist.find((item) => item.id === itemId);
    return {
        questions: catalog.questions.map(({ id, title, category, difficulty }) => ({ id, title, category, difficulty })),
        question(id) {
            const question = whole(id);
            return question && { id: question.id, title: question.title, category: question.category, difficulty: question.difficulty, prompt: question.prompt, strongAnswer: question.examples?.strong?.notes ?? null };
        },
        rubricTitle: (rubricId) => catalog.rubrics.get(rubricId)?.title,
        stageTitle: (rubricId, stageId) => catalog.rubrics.get(rubricId)?.stages.find((stage) => stage.id === stageId)?.title,
        redFlags: (rubricId, stageId) => catalog.rubrics.get(rubricId)?.stages.find((stage) => stage.id === stageId)?.red_flags ?? [],
        item(session, stageId, itemId) {
            const own = inRubric(catalog.rubrics.get(session.rubricId), stageId, itemId)
                ?? whole(session.questionId)?.stages[stageId]?.checklist?.find((item) => item.id === itemId);
            if (own)
                return asItem(own);
            for (const rubric of catalog.rubrics.values()) {
                const found = inRubric(rubric, stageId, itemId);
                if (found)
                    return asItem(found);
            }
            return undefined;
        },
    };
}

// Progress over time, computed from the history: totals, streaks, coverage per stage and per
// category, the score trend, pacing and the items missed most often. Pure: the clock and the
// time zone come in as options, and the bank only through a BankView. The figures come from a
// tally (tally.ts), kept per rubric: stages and items are shown per rubric when the sessions
// used more than one, each titled from its own rubric.
const ratio = (sum, count, unit) => (count ? sum / count / unit : 0);
function statsOf(tally, bank, options) {
    const { done } = tally;
    const missedLength = options.missedLength ?? 5;
    // The most used rubric first: its titles win over a less used rubric's for a shared stage id.
    const rubrics = [...tally.rubrics].sort(([a, x], [b, y]) => y.sessions - x.sessions || start.compareText(a, b));
    // Completed sessions oldest first; those that started together in the order they appeared.
    const earlier = (a, b) => done.startedAt[a] - done.startedAt[b] || done.order[a] - done.order[b];
    const byStart = done.ids.map((_, i) => i);
    // Sessions are tallied as they end, so usually in start order already: a pass, not a sort.
    if (byStart.some((i) => i > 0 && earlier(i - 1, i) > 0))
        byStart.sort(earlier);
    return {
        sessions: tally.sessions,
        completed: tally.completed,
        abandoned: tally.abandoned,
        practiceSeconds: Math.round(tally.practiceMs / 1000),
        averageScore: done.scores.length ? Math.round(done.scores.reduce((sum, score) => sum + score, 0) / done.scores.length) : null,
        streaks: streaksOfDays(done.startedAt.map((ms) => core.localDayNumber(ms, options.timeZone)), core.localDayNumber(options.now, options.timeZone)),
        stages: allStages(rubrics, bank),
        categories: categoryStats(tally, bank),
        trend: trend(tally, byStart.slice(-(options.trendLength ?? 20))),
        missed: missedItems(rubrics, bank, missedLength),
        rubrics: rubrics.map(([id, rubric]) => ({
            id,
            title: bank.rubricTitle(id) ?? id,
            sessions: rubric.sessions,
            stages: stageStats([...rubric.stages].map(([stageId, entry]) => ({ id: stageId, rubricId: id, entry })), bank),
            missed: missedItems([[id, rubric]], bank, missedLength),
        })),
    };
}
/** Streaks over local dates as day numbers (time.ts dayNumber; any order, repeats allowed). */
function streaksOfDays(dayNumbers, today) {
    const days = Float64Array.from(dayNumbers);
    // The tally keeps sessions in the order they were recorded, nearly always their start order.
    if (days.some((day, i) => i > 0 && day < days[i - 1]))
        days.sort();
    let longest = 0;
    let run = 0;
    let distinct = 0;
    for (let i = 0; i < days.length; i++) {
        if (i > 0 && days[i] === days[i - 1])
            continue;
        distinct++;
        run = i > 0 && days[i] - days[i - 1] === 1 ? run + 1 : 1;
        longest = Math.max(longest, run);
    }
    const lastDay = days.length ? days[days.length - 1] : undefined;
    // A streak stays alive through today until the day is over without practice.
    const current = lastDay !== undefined && today - lastDay <= 1 ? run : 0;
    return { current, longest, days: distinct, lastDay: lastDay === undefined ? null : core.dateOfDay(lastDay), today: core.dateOfDay(today) };
}
/** Each stage id over every rubric (most used first), titled from the rubric whose sessions had it most often. */
function allStages(rubrics, bank) {
    const byId = new Map();
    for (const [rubricId, rubric] of rubrics) {
        for (const [id, entry] of rubric.stages) {
            const seen = byId.get(id);
            if (!seen) {
                byId.set(id, { rubricId, most: entry.sessions, entry: { ...entry } });
                continue;
            }
            if (entry.sessions > seen.most)
                Object.assign(seen, { rubricId, most: entry.sessions });
            const sum = seen.entry;
            sum.position = Math.min(sum.position, entry.position);
            for (const key of ['sessions', 'scored', 'scoreMilli', 'usedMs', 'budgetMs', 'timed', 'ratioMicro'])
                sum[key] += entry[key];
        }
    }
    return stageStats([...byId].map(([id, { rubricId, entry }]) => ({ id, rubricId, entry })), bank);
}
function stageStats(stages, bank) {
    return stages
        .sort((a, b) => a.entry.position - b.entry.position || start.compareText(a.id, b.id))
        .map(({ id, rubricId, entry }) => ({
        id,
        title: bank.stageTitle(rubricId, id) ?? id,
        sessions: entry.sessions,
        averageScore: Math.round(ratio(entry.scoreMilli, entry.scored, 1000)),
        averageUsedSeconds: Math.round(ratio(entry.usedMs, entry.sessions, 1000)),
        averageBudgetSeconds: Math.round(ratio(entry.budgetMs, entry.sessions, 1000)),
        // From the same sums as the two averages, so the bar, the percentage and the times agree.
        overPercent: entry.budgetMs > 0 ? Math.round((entry.usedMs / entry.budgetMs - 1) * 100) : 0,
    }));
}
function categoryStats(tally, bank) {
    const categories = new Map(bank.questions.map((question) => [question.id, question.category]));
    const byCategory = new Map();
    for (const [questionId, { sessions, scoreMilli }] of tally.questions) {
        const category = categories.get(questionId) ?? UNKNOWN_CATEGORY;
        const entry = byCategory.get(category);
        if (entry) {
            entry.sessions += sessions;
            entry.scoreMilli += scoreMilli;
        }
        else {
            byCategory.set(category, { sessions, scoreMilli });
        }
    }
    return [...byCategory]
        .map(([category, { sessions, scoreMilli }]) => ({ category, sessions, averageScore: Math.round(ratio(scoreMilli, sessions, 1000)) }))
        .sort((a, b) => a.averageScore - b.averageScore || start.compareText(a.category, b.category));
}
function trend(tally, recent) {
    const scores = recent.map((i) => tally.done.scores[i]);
    const half = Math.floor(scores.length / 2);
    const average = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
    return {
        scores,
        sessionIds: recent.map((i) => tally.done.ids[i]),
        change: scores.length >= 4 ? Math.round(average(scores.slice(-half)) - average(scores.slice(0, half))) : null,
    };
}
function missedItems(rubrics, bank, length) {
    const items = rubrics.flatMap(([rubricId, rubric]) => [...rubric.items].flatMap(([stageId, tallies]) => [...tallies].map(([itemId, item]) => ({ rubricId, stageId, itemId, ...item }))));
    return items
        // A follow-up's answer-key points (followup-1...) are another follow-up's in every session: not one item to count.
        .filter((entry) => entry.missed > 0 && !isFollowupItem(entry.itemId))
        .sort((a, b) => b.missed - a.missed || b.missed / b.assessed - a.missed / a.assessed
        || start.compareText(a.stageId, b.stageId) || start.compareText(a.itemId, b.itemId) || start.compareText(a.rubricId, b.rubricId))
        .slice(0, length)
        .map((entry) => {
        // The item's text as the sessions that missed it most often saw it, in its own rubric.
        const item = bank.item({ rubricId: entry.rubricId, questionId: mostCounted(entry.questions) }, entry.stageId, entry.itemId);
        return {
            rubricId: entry.rubricId,
            stageId: entry.stageId,
            stageTitle: bank.stageTitle(entry.rubricId, entry.stageId) ?? entry.stageId,
            itemId: entry.itemId,
            text: item?.text ?? entry.itemId,
            guidance: item?.guidance ?? null,
            missed: entry.missed,
            assessed: entry.assessed,
        };
    });
}

/** How many of the latest paired sessions the trend looks at. */
function calibrationOf(ratings, starts, bank) {
    const paired = ratings.filter((rating) => starts.has(rating.sessionId)).sort((a, b) => starts.get(a.sessionId) - starts.get(b.sessionId));
    // The self score is the record's in a self-assessed session, the rating's in an interviewer one.
    const gaps = (rater, mode, selfIsRecord) => stageGaps(paired.filter((rating) => rating.rater === rater && rating.mode === mode), selfIsRecord, bank);
    return { ai: gaps('ai', 'self', true), partner: gaps('self', 'interviewer', false) };
}
function stageGaps(ratings, selfIsRecord, bank) {
    const byStage = new Map();
    for (const rating of ratings) {
        for (const stage of rating.stages) {
            if (stage.recordScore === null)
                continue;
            const gap = selfIsRecord ? stage.recordScore - stage.score : stage.score - stage.recordScore;
            const entry = byStage.get(stage.id) ?? { rubricId: rating.rubricId, gaps: [] };
            entry.gaps.push(gap);
            byStage.set(stage.id, entry);
        }
    }
    return [...byStage].map(([id, { rubricId, gaps }]) => ({
        id,
        title: bank.stageTitle(rubricId, id) ?? id,
        sessions: gaps.length,
        averageGap: Math.round(average(gaps)),
        trend: gapTrend(gaps.slice(-10)),
    }));
}
const average = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
/** Whether the gap (by its size, either side) closed over these sessions, oldest first; null under 4. */
function gapTrend(gaps) {
    if (gaps.length < 4)
        return null;
    const half = Math.floor(gaps.length / 2);
    const earlierGap = Math.round(average(gaps.slice(0, half)));
    const laterGap = Math.round(average(gaps.slice(-half)));
    const before = Math.abs(earlierGap);
    const after = Math.abs(laterGap);
    // Within 3 points is noise on a weighted checklist of a few items.
    const direction = before >= 4 && after <= before / 2 ? 'halved' : after < before - 3 ? 'narrowed' : after > before + 3 ? 'widened' : 'steady';
    return { sessions: gaps.length, earlierGap, laterGap, direction };
}
/**
 * One stage's calibration as a sentence: "Deep dive: you rate yourself 24 points above the AI grader; the gap has
 * halved over your last 10 sessions (30 → 12)". The title leads as written: stage titles are imperatives
 * ("Frame the ML task") that neither read after "your" nor survive lower-casing (ML).
 */
function calibrationSentence(stage, other) {
    const size = Math.abs(stage.averageGap);
    const level = size <= 3 ? `within ${size} ${size === 1 ? 'point' : 'points'} of ${other}` : `${size} points ${stage.averageGap > 0 ? 'above' : 'below'} ${other}`;
    const sentence = `${stage.title}: you rate yourself ${level} (${stage.sessions} ${stage.sessions === 1 ? 'session' : 'sessions'})`;
    const { trend } = stage;
    if (!trend)
        return sentence;
    const over = `over your last ${trend.sessions} sessions (${trend.earlierGap} → ${trend.laterGap})`;
    const said = { halved: `the gap has halved ${over}`, narrowed: `the gap has narrowed ${over}`, widened: `the gap has widened ${over}`, steady: `the gap has held steady ${over}` }[trend.direction];
    return `${sentence}; ${said}`;
}

// The `stats` screen. With charts (on a terminal): bars and a sparkline; without: the same
// figures as plain text. Returns lines; never prints.
/** Within this many percent of the budget, a stage counts as on time. */
const ON_TIME_PERCENT = 5;
function practiceTime(seconds) {
    const minutes = Math.round(seconds / 60);
    const hours = Math.floor(minutes / 60);
    return hours > 0 ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}
/** The headings' column: `Sessions   `. */
const FIELD_WIDTH = 11;
/** The widest pace text: `runs 100% over`. */
const PACE_WIDTH = 15;
function paceText(overPercent) {
    if (Math.abs(overPercent) <= ON_TIME_PERCENT)
        return 'on time';
    return overPercent > 0 ? `runs ${overPercent}% over` : `runs ${-overPercent}% under`;
}
/** The change of the trend's halves, worded so that its sign cannot be read as the arrow's. */
function trendChange(change) {
    if (change === 0)
        return 'later half level with the earlier half';
    return `later half ${Math.abs(change)} ${Math.abs(change) === 1 ? 'point' : 'points'} ${change > 0 ? 'above' : 'below'} the earlier half`;
}
function statsLines(stats, style, view) {
    const grade = core.gradeStyle(style);
    const percent = (score) => grade(score)(`${String(score).padStart(3)}%`);
    const scoreBar = (score) => (view.charts ? `${grade(score)(core.bar(score / 100, 20))} ` : '');
    const lines = [];
    // A figure after its heading, wrapped under the figure's first word on a narrow terminal.
    const field = (heading, text) => {
        const [first = '', ...rest] = start.wrap(text, view.width - FIELD_WIDTH);
        return [`${style.heading(heading)}${' '.repeat(FIELD_WIDTH - heading.length)}${first}`, ...rest.map((line) => `${' '.repeat(FIELD_WIDTH)}${line}`)];
    };
    lines.push(style.title('Progress'));
    lines.push(...field('Sessions', `${stats.sessions} (${stats.completed} completed, ${stats.abandoned} abandoned) · ${practiceTime(stats.practiceSeconds)} practised`));
    const { streaks } = stats;
    lines.push(...field('Streak', `${start.plural(streaks.current, 'day')} now · longest ${start.plural(streaks.longest, 'day')} · ${start.plural(streaks.days, 'day')} practised in all`));
    if (stats.averageScore !== null)
        lines.push(`${style.heading('Average')}    ${grade(stats.averageScore)(`${stats.averageScore}%`)}`);
    // A coverage row: its title cut to what the bar, the percentage and the count leave, so a row never wraps.
    const coverageRows = (rows, most) => {
        const counts = rows.map((row) => `(${start.plural(row.sessions, 'session')})`);
        const rest = 2 + 2 + (view.charts ? 21 : 0) + 4 + 2 + Math.max(...counts.map((count) => count.length));
        const width = Math.max(8, Math.min(most, Math.max(...rows.map((row) => start.stripControl(row.title).length)), view.width - rest));
        return rows.map((row, i) => `  ${label(start.stripControl(row.title), width)}  ${scoreBar(row.averageScore)}${percent(row.averageScore)}  ${style.dim(counts[i])}`);
    };
    const coverage = (stages) => (stages.length ? ['', style.heading('Coverage by stage'), ...coverageRows(stages, 28)] : []);
    // One rubric: its stages and items as they always were. More: a section for each, after the figures they share.
    const only = stats.rubrics.length > 1 ? undefined : { stages: stats.stages, missed: stats.missed };
    if (only)
        lines.push(...coverage(only.stages));
    if (stats.categories.length) {
        const title = (category) => core.CATEGORY_TITLES[category] ?? category;
        lines.push('', `${style.heading('Coverage by category')} ${style.dim('(weakest first)')}`);
        lines.push(...coverageRows(stats.categories.map((category) => ({ ...category, title: title(category.category) })), 30));
    }
    const { trend } = stats;
    if (trend.scores.length) {
        lines.push('', `${style.heading('Score trend')} ${style.dim(`(last ${start.plural(trend.scores.length, 'completed session')}, oldest first)`)}`);
        const change = trend.change === null ? undefined : trendChange(trend.change);
        if (view.charts) {
            // First and latest are named: `60% → 71%` beside a fall of the halves' averages read as up, then down.
            const ends = `first ${trend.scores[0]}%, latest ${trend.scores[trend.scores.length - 1]}%`;
            const line = `  ${style.accent(core.sparkline(trend.scores))}  ${ends}${change ? ` · ${change}` : ''}`;
            if (start.visibleLength(line) <= view.width)
                lines.push(line);
            else
                lines.push(`  ${style.accent(core.sparkline(trend.scores))}  ${ends}`, ...(change ? [`  ${change}`] : []));
        }
        else {
            lines.push(...start.wrap(trend.scores.join(' '), view.width - 2, '  '));
            if (change)
                lines.push(`  ${change}`);
        }
    }
    if (only)
        lines.push(...pacingLines(only.stages, style, view), ...missedLines(only.missed, style, view));
    else {
        for (const rubric of stats.rubrics) {
            const count = ` · rubric, ${start.plural(rubric.sessions, 'completed session')}`;
            const title = start.stripControl(rubric.title);
            // A title too long for the line keeps its words: it wraps, and the count goes under it.
            lines.push('', ...(title.length + count.length <= view.width
                ? [`${style.title(title)}${style.dim(count)}`]
                : [...start.wrap(title, view.width).map((line) => style.title(line)), style.dim(count.replace(/^ · /, ''))]));
            lines.push(...coverage(rubric.stages), ...pacingLines(rubric.stages, style, view), ...missedLines(rubric.missed, style, view));
        }
    }
    const { calibration } = stats;
    if (calibration && (calibration.ai.length || calibration.partner.length)) {
        lines.push('', `${style.heading('Calibration')} ${style.dim('(your own rating against another rater\'s, per stage)')}`);
        for (const [stages, other] of [[calibration.ai, 'the AI grader'], [calibration.partner, 'your partner']]) {
            for (const stage of stages) {
                const sentence = calibrationSentence({ ...stage, title: start.stripControl(stage.title) }, other);
                const [first = '', ...rest] = start.wrap(`${sentence}.`, view.width - 4);
                lines.push(`  ${first}`, ...rest.map((line) => `    ${line}`));
            }
        }
    }
    return lines;
}
/** Text cut to width with an ellipsis, or padded to it. */
function label(text, width) {
    return start.cut(text, width).padEnd(width);
}
function pacingLines(stages, style, view) {
    if (!stages.length)
        return [];
    // A narrower bar below 100 columns, and titles cut to what is left: a row never wraps.
    const cells = view.width >= 100 ? 20 : 10;
    const chartWidth = view.charts ? cells * 1.5 + 1 : 0;
    const longest = Math.max(...stages.map((stage) => start.stripControl(stage.title).length));
    const times = stages.map((stage) => `${start.clock(stage.averageUsedSeconds)} of ${start.clock(stage.averageBudgetSeconds)}`);
    const timesWidth = Math.max(...times.map((text) => text.length));
    const width = Math.max(8, Math.min(28, longest, view.width - 2 - 2 - chartWidth - timesWidth - 2 - PACE_WIDTH));
    const lines = ['', `${style.heading('Pacing')} ${style.dim('(average time used of the average budget)')}`];
    for (const [i, stage] of stages.entries()) {
        const time = times[i].padEnd(timesWidth);
        const paint = stage.overPercent > ON_TIME_PERCENT ? style.warn : style.good;
        const chart = view.charts ? `${paceBar(stage.overPercent, style, cells)} ` : '';
        lines.push(`  ${label(start.stripControl(stage.title), width)}  ${chart}${time}  ${paint(paceText(stage.overPercent))}`);
    }
    return lines;
}
function missedLines(missed, style, view) {
    if (!missed.length)
        return [];
    const lines = ['', style.heading('Missed most often')];
    missed.forEach((item, i) => {
        const [first = '', ...rest] = start.wrap(start.stripControl(item.text), view.width - 6);
        lines.push(`  ${i + 1}. ${first}`, ...rest.map((line) => `     ${line}`));
        lines.push(...start.wrap(`${start.stripControl(item.stageTitle)} · missed in ${item.missed} of ${start.plural(item.assessed, 'session')}`, view.width, '     ').map((line) => style.dim(line)));
        if (item.guidance)
            lines.push(...start.wrap(start.stripControl(item.guidance), view.width - 7, '     ').map((line) => style.dim(line)));
    });
    return lines;
}
/** `cells` for the budget (█ used, ░ left), then ▓ for time over it, up to half as many more. */
function paceBar(overPercent, style, cells) {
    const used = Math.max(0, 1 + overPercent / 100);
    const within = Math.round(Math.min(1, used) * cells);
    const over = Math.min(cells / 2, Math.round(Math.max(0, used - 1) * cells));
    return `${style.good('█'.repeat(within))}${style.dim('░'.repeat(cells - within))}${style.warn('▓'.repeat(over))}${' '.repeat(cells / 2 - over)}`;
}

/** Why an entry is where it is, in a few words. */
function reasonText(entry, now) {
    const last = entry.lastScore === null ? '' : ` · last ${entry.lastScore}%${entry.lastScoreBy === 'ai' ? ' by the AI grader' : ''} (${entry.lastRating})`;
    if (entry.reason === 'due') {
        const when = entry.overdueDays === 0 ? 'due today' : `due ${start.plural(entry.overdueDays, 'day')} ago`;
        return `${when}${last}`;
    }
    if (entry.reason === 'unseen') {
        return `new · ${entry.category}: ${entry.categoryAverage === null ? 'no sessions yet' : `average ${entry.categoryAverage}%`}`;
    }
    const days = Math.ceil((Date.parse(entry.due) - now) / 86_400_000);
    return `due in ${start.plural(days, 'day')}${last}`;
}
function nextLines(queue, now, style) {
    const [first, ...rest] = queue;
    if (!first)
        return [];
    const lines = [
        `${style.heading('Next:')} ${style.title(start.stripControl(first.title))} ${style.dim(`(${start.stripControl(first.questionId)})`)}`,
        `      ${reasonText(first, now)}`,
        `      ${style.dim('start it with')} mldrill drill --next`,
    ];
    if (rest.length) {
        const width = Math.max(...rest.map((entry) => start.stripControl(entry.questionId).length));
        lines.push('', style.heading('Then'));
        rest.forEach((entry, i) => {
            lines.push(`  ${String(i + 2).padStart(2)}. ${start.stripControl(entry.questionId).padEnd(width)}  ${style.dim(reasonText(entry, now))}`);
        });
    }
    return lines;
}

var next = /*#__PURE__*/Object.freeze({
    __proto__: null,
    nextLines: nextLines,
    reasonText: reasonText
});

/** The session's follow-up, if one was thrown in, from the record alone. */
function followupOf(record) {
    const curveball = record.curveballs?.[0];
    if (!curveball)
        return null;
    const from = record.stages.findIndex((stage) => stage.id === curveball.stageId);
    // Its own stage's notes from the moment it came (the whole stage when that was not kept), then every later stage's.
    const firstStage = (notes) => notesAfter(notes, curveball)?.map((line) => `${line}\n`).join('') ?? notes;
    const notesAfter$1 = from < 0 ? '' : record.stages.slice(from).map((stage, i) => (i === 0 ? firstStage(stage.notes) : stage.notes)).join('');
    const checked = new Set(from < 0 ? [] : record.stages[from].checked);
    const answer = (curveball.answer ?? []).map((text, i) => ({ id: `${FOLLOWUP_ITEM}${i + 1}`, text, covered: checked.has(`${FOLLOWUP_ITEM}${i + 1}`) }));
    return { stageId: curveball.stageId, atSeconds: curveball.atSeconds, text: curveball.text, notesAfter: notesAfter$1, answer };
}
function sessionDocument(record, bank, timeZone, rating, selfRating) {
    const question = bank.question(record.questionId);
    const signals = stageSignals(record.stages);
    const followup = followupOf(record);
    const item = (stageId, id) => {
        // A point of the follow-up's answer key: the record holds its text.
        const point = followup?.stageId === stageId ? followup.answer.find((entry) => entry.id === id) : undefined;
        if (point)
            return { id, text: point.text, guidance: null, core: false };
        const found = bank.item(record, stageId, id);
        return { id, text: found?.text ?? id, guidance: found?.guidance ?? null, core: Boolean(found?.core) };
    };
    return {
        id: record.id,
        questionId: record.questionId,
        question: question ? { title: question.title, category: question.category, difficulty: question.difficulty, prompt: question.prompt, strongAnswer: question.strongAnswer } : null,
        rubricId: record.rubricId,
        rubricTitle: bank.rubricTitle(record.rubricId) ?? null,
        mode: record.mode,
        status: record.status,
        startedAt: record.startedAt,
        endedAt: record.endedAt,
        localStart: core.localDateTime(Date.parse(record.startedAt), timeZone),
        timeZone: core.zoneName(timeZone),
        score: record.score,
        usedSeconds: usedSecondsOf(record),
        budgetSeconds: budgetSecondsOf(record),
        stages: record.stages.map((stage, i) => ({
            id: stage.id,
            title: bank.stageTitle(record.rubricId, stage.id) ?? stage.id,
            budgetSeconds: stage.budgetSeconds,
            usedSeconds: stage.usedSeconds,
            hintsShown: stage.hintsShown,
            notes: stage.notes,
            score: stage.score,
            covered: stage.checked.map((id) => item(stage.id, id)),
            // Core items first: what the question exists to test.
            missed: stage.missed.map((id) => item(stage.id, id)).sort((a, b) => Number(b.core) - Number(a.core)),
            pacing: pacingFlag(stage.usedSeconds, stage.budgetSeconds),
            signals: signals[i],
            redFlags: [...(bank.redFlags?.(record.rubricId, stage.id) ?? [])],
        })),
        diagram: record.diagram ?? null,
        curveballs: curveballsOf(record).map((thrown) => {
            const stage = record.stages.find((candidate) => candidate.id === thrown.stageId);
            return {
                stageId: thrown.stageId,
                stageTitle: bank.stageTitle(record.rubricId, thrown.stageId) ?? thrown.stageId,
                atSeconds: thrown.atSeconds,
                text: thrown.text,
                notesAfter: stage ? notesAfter(stage.notes, thrown) : null,
            };
        }),
        aiRating: rating ? {
            model: rating.model ?? null,
            host: rating.host ?? null,
            ratedAt: rating.ratedAt,
            score: rating.score,
            stages: rating.stages.map((stage) => ({
                id: stage.id,
                title: bank.stageTitle(record.rubricId, stage.id) ?? stage.id,
                score: stage.score,
                items: stage.items.map((rated) => ({ ...rated, text: item(stage.id, rated.id).text })),
            })),
        } : null,
        selfRating: selfRating ? {
            ratedAt: selfRating.ratedAt,
            score: selfRating.score,
            partnerScore: record.score,
            stages: selfRating.stages.map((stage) => {
                const partner = new Set(record.stages.find((recorded) => recorded.id === stage.id)?.checked ?? []);
                const own = new Set(stage.items.filter((rated) => rated.met === true).map((rated) => rated.id));
                return {
                    id: stage.id,
                    title: bank.stageTitle(record.rubricId, stage.id) ?? stage.id,
                    score: stage.score,
                    partnerScore: stage.recordScore,
                    onlySelf: [...own].filter((id) => !partner.has(id)).map((id) => item(stage.id, id)),
                    onlyPartner: [...partner].filter((id) => !own.has(id)).map((id) => item(stage.id, id)),
                };
            }),
        } : null,
        exchanges: record.exchanges ?? [],
        followup,
    };
}
/** The record's curveballs that have the form a drill writes; a hand-edited history may hold anything. */
function curveballsOf(record) {
    if (!Array.isArray(record.curveballs))
        return [];
    return record.curveballs.filter((thrown) => typeof thrown === 'object' && thrown !== null && typeof thrown.stageId === 'string' && typeof thrown.text === 'string'
        && Number.isFinite(thrown.atSeconds) && thrown.atSeconds >= 0
        && (thrown.linesBefore === undefined || (Number.isInteger(thrown.linesBefore) && thrown.linesBefore >= 0)));
}

/** A fence longer than any run of backticks in text, so notes can never close it early. */
function fence(text) {
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
    return '`'.repeat(Math.max(3, longest + 1));
}
/** Keeps a table cell on one line and its pipes literal. */
const cell = (text) => text.replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|');
function overTime(used, budget) {
    return used > budget ? `+${start.clock(used - budget)}` : '';
}
/** The AI grader's second opinion: per item its verdict, the words it quoted and its reason. */
function ratingMarkdown(rating, clean) {
    const by = [rating.model && `\`${clean(rating.model)}\``, rating.host && `at ${clean(rating.host)}`].filter(Boolean).join(' ');
    const lines = ['## Second opinion: AI grader', '', `${by ? `By ${by}, ` : ''}${rating.ratedAt}: **${rating.score}%**. A verdict of met counts only with words quoted from the notes; where the AI was unsure or its quote is not in the notes, the self-assessment counts.`, ''];
    for (const stage of rating.stages) {
        lines.push(`### ${clean(stage.title)} · ${stage.score}%`, '');
        for (const item of stage.items) {
            const verdict = item.void ? 'unsupported' : item.met === null ? 'unsure' : item.met ? 'met' : 'not met';
            const quote = item.evidence ? ` — “${cell(clean(item.evidence))}”` : '';
            lines.push(`- **${verdict}**: ${cell(clean(item.text))}${quote}${item.reason ? ` — ${cell(clean(item.reason))}` : ''}`);
        }
        lines.push('');
    }
    return lines;
}
/** The candidate's own ticks beside the partner's: where the two disagree, stage by stage. */
function selfRatingMarkdown(rating, clean) {
    const partner = rating.partnerScore === null ? '' : ` against the partner's ${rating.partnerScore}%`;
    const lines = ['## The candidate\'s own ticks', '', `${rating.ratedAt}: the candidate rated themselves **${rating.score}%**${partner}.`, ''];
    for (const stage of rating.stages) {
        lines.push(`### ${clean(stage.title)} · self ${stage.score}%${stage.partnerScore === null ? '' : ` · partner ${stage.partnerScore}%`}`, '');
        const list = (items) => items.map((entry) => `- ${cell(clean(entry.text))}`);
        if (stage.onlySelf.length)
            lines.push('Ticked by the candidate, not by the partner:', '', ...list(stage.onlySelf), '');
        if (stage.onlyPartner.length)
            lines.push('Ticked by the partner, not by the candidate:', '', ...list(stage.onlyPartner), '');
        if (!stage.onlySelf.length && !stage.onlyPartner.length)
            lines.push('*The same ticks.*', '');
    }
    return lines;
}
/** The follow-ups thrown in, and what was written after each; the one the Follow-up section gives whole is not repeated. */
function curveballMarkdown(doc, clean) {
    const others = doc.followup ? doc.curveballs.slice(1) : doc.curveballs;
    if (others.length === 0)
        return [];
    const lines = ['## Curveballs', ''];
    for (const thrown of others) {
        lines.push(`- **${cell(clean(thrown.stageTitle))}, at ${start.clock(thrown.atSeconds)}:** ${cell(clean(thrown.text))}`);
        if (thrown.notesAfter === null)
            continue;
        if (thrown.notesAfter.length === 0)
            lines.push('  - *No notes after it.*');
        else
            lines.push(`  - Notes after it: ${thrown.notesAfter.map((line) => `“${cell(clean(line))}”`).join(' · ')}`);
    }
    return [...lines, ''];
}
/** Every red flag of the stage; those the session's data suggests say why. */
function redFlagMarkdown(stage, clean) {
    if (stage.redFlags.length === 0)
        return [];
    const why = stage.signals.length ? `Suggested by this session: ${stage.signals.join(', ')}.` : '*Not suggested by this session\'s data.*';
    return ['### Red flags', '', why, '', ...stage.redFlags.map((flag) => `- ${clean(flag)}`), ''];
}
/** The interviewer's side: each question asked and its answer, then the follow-up, the notes after it and its answer key. */
function interviewerMarkdown(doc, clean) {
    const lines = [];
    if (doc.exchanges.length) {
        lines.push('## Questions to the interviewer', '');
        for (const exchange of doc.exchanges) {
            lines.push(`- **${cell(clean(exchange.asked))}**${exchange.factId ? '' : ' *(no fact on the sheet: the neutral reply)*'}`, `  - ${cell(clean(exchange.answer))}`);
        }
        lines.push('');
    }
    const followup = doc.followup;
    if (followup) {
        lines.push('## Follow-up', '', `> ${cell(clean(followup.text))}`, '', `Thrown in at ${start.clock(followup.atSeconds)} of \`${clean(followup.stageId)}\`.`, '', '### Notes after it', '');
        const notes = start.stripControl(followup.notesAfter).replace(/\s+$/, '').replace(/^\s*\n/, '');
        if (notes) {
            const marks = fence(notes);
            lines.push(`${marks}text`, notes, marks, '');
        }
        else
            lines.push('*Nothing written after it.*', '');
        if (followup.answer.length) {
            lines.push('### Answer key', '', ...followup.answer.map((point) => `- [${point.covered ? 'x' : ' '}] ${clean(point.text)}`), '');
        }
    }
    return lines;
}
function sessionMarkdown(doc, diagram) {
    const clean = (text) => start.stripControl(text).trim();
    const title = clean(doc.question ? doc.question.title : doc.questionId);
    const lines = [`# ${title}`, ''];
    lines.push(`- **Session:** \`${clean(doc.id)}\``, `- **Started:** ${doc.localStart} (${doc.timeZone})`, `- **Question:** \`${clean(doc.questionId)}\`${doc.question ? ` · ${clean(doc.question.category)} · ${clean(doc.question.difficulty)}` : ' (no longer in the question bank)'}`, `- **Rubric:** ${doc.rubricTitle ? `${clean(doc.rubricTitle)} (\`${clean(doc.rubricId)}\`)` : `\`${clean(doc.rubricId)}\``}`, `- **Mode:** ${doc.mode === 'self' ? 'self-assessed' : clean(doc.mode)}`, `- **Status:** ${clean(doc.status)}`, `- **Score:** ${doc.score === null ? 'not assessed' : `${doc.score}%`}`, '');
    if (doc.question)
        lines.push('## Prompt', '', ...clean(doc.question.prompt).split('\n').map((line) => `> ${line}`.trimEnd()), '');
    lines.push('## Time', '', '| Stage | Used | Budget | Over | Hints | Pacing |', '|---|---:|---:|---:|---:|---|');
    for (const stage of doc.stages) {
        lines.push(`| ${cell(clean(stage.title))} | ${start.clock(stage.usedSeconds)} | ${start.clock(stage.budgetSeconds)} | ${overTime(stage.usedSeconds, stage.budgetSeconds)} | ${stage.hintsShown} | ${stage.pacing ?? ''} |`);
    }
    const hints = doc.stages.reduce((sum, stage) => sum + stage.hintsShown, 0);
    lines.push(`| **Total** | **${start.clock(doc.usedSeconds)}** | **${start.clock(doc.budgetSeconds)}** | ${overTime(doc.usedSeconds, doc.budgetSeconds)} | ${hints} | |`, '');
    lines.push(...curveballMarkdown(doc, clean));
    const item = (done) => (entry) => {
        const out = [`- [${done ? 'x' : ' '}] ${entry.core ? '**Core:** ' : ''}${clean(entry.text)}`];
        if (!done && entry.guidance)
            out.push(`  - *What good looks like:* ${clean(entry.guidance)}`);
        return out;
    };
    for (const stage of doc.stages) {
        lines.push(`## ${clean(stage.title)}${stage.score === null ? '' : ` · ${stage.score}%`}`, '');
        const hints = stage.hintsShown === 0 ? 'no hints' : start.plural(stage.hintsShown, 'hint');
        lines.push(`${start.clock(stage.usedSeconds)} of ${start.clock(stage.budgetSeconds)} · ${hints}`, '');
        const notes = start.stripControl(stage.notes).replace(/\s+$/, '');
        lines.push('### Notes', '');
        if (notes) {
            const marks = fence(notes);
            lines.push(`${marks}text`, notes, marks, '');
        }
        else {
            lines.push('*No notes.*', '');
        }
        if (stage.score === null) {
            lines.push('*Not assessed: the session was abandoned.*', '');
            continue;
        }
        lines.push('### Covered', '', ...(stage.covered.length ? stage.covered.flatMap(item(true)) : ['*Nothing ticked.*']), '');
        lines.push('### Missed', '', ...(stage.missed.length ? stage.missed.flatMap(item(false)) : ['*Nothing missed.*']), '');
        lines.push(...redFlagMarkdown(stage, clean));
    }
    lines.push(...interviewerMarkdown(doc, clean));
    if (diagram) {
        const mermaid = start.stripControl(diagram.mermaid).trimEnd();
        const drawing = start.stripControl(diagram.drawing.join('\n'));
        lines.push('## Diagram', '', `${fence(mermaid)}mermaid`, mermaid, fence(mermaid), '');
        if (drawing)
            lines.push(`${fence(drawing)}text`, drawing, fence(drawing), '');
        if (diagram.note)
            lines.push(`*${clean(diagram.note)}*`, '');
        if (diagram.problems.length)
            lines.push('Not drawn (not edges):', '', ...diagram.problems.map((problem) => `- ${cell(clean(problem))}`), '');
    }
    const answer = doc.question?.strongAnswer;
    if (answer) {
        lines.push('## What a strong answer covers', '');
        for (const [stageId, text] of Object.entries(answer)) {
            const notes = start.stripControl(text).replace(/\s+$/, '');
            const marks = fence(notes);
            lines.push(`### ${clean(doc.stages.find((stage) => stage.id === stageId)?.title ?? stageId)}`, '', `${marks}text`, notes, marks, '');
        }
    }
    if (doc.aiRating)
        lines.push(...ratingMarkdown(doc.aiRating, clean));
    if (doc.selfRating)
        lines.push(...selfRatingMarkdown(doc.selfRating, clean));
    return `${lines.join('\n').trimEnd()}\n`;
}

exports.AI_MARK = AI_MARK;
exports.LIVE_VERSION = LIVE_VERSION;
exports.allNotes = allNotes;
exports.assess = assess;
exports.bankView = bankView;
exports.buildReport = buildReport;
exports.byIdOrPrefix = byIdOrPrefix;
exports.calibrationOf = calibrationOf;
exports.everySession = everySession;
exports.exchangeEvidence = exchangeEvidence;
exports.explainExampleGrade = explainExampleGrade;
exports.findSession = findSession;
exports.gradeDiagram = gradeDiagram;
exports.gradeExample = gradeExample;
exports.gradeJson = gradeJson;
exports.gradeLines = gradeLines;
exports.gradeNotes = gradeNotes;
exports.historyEntry = historyEntry;
exports.historyLines = historyLines;
exports.indexNotes = indexNotes;
exports.latestSessions = latestSessions;
exports.listLive = listLive;
exports.liveDirectory = liveDirectory;
exports.liveEntry = liveEntry;
exports.makeRecord = makeRecord;
exports.next = next;
exports.nextLines = nextLines;
exports.readHistory = readHistory;
exports.readHistoryTally = readHistoryTally;
exports.readIndexedHistory = readIndexedHistory;
exports.readNewestSessions = readNewestSessions;
exports.readRecordAt = readRecordAt;
exports.removeLive = removeLive;
exports.saveLive = saveLive;
exports.scoreSession = scoreSession;
exports.scoreStage = scoreStage;
exports.sessionDocument = sessionDocument;
exports.sessionId = sessionId;
exports.sessionMarkdown = sessionMarkdown;
exports.splitNotes = splitNotes;
exports.statsLines = statsLines;
exports.statsOf = statsOf;
exports.statsTallyFile = statsTallyFile;
exports.suggestFromNotes = suggestFromNotes;
exports.thrownFollowup = thrownFollowup;
exports.withDiagramSuggestion = withDiagramSuggestion;
exports.withFollowupItems = withFollowupItems;
