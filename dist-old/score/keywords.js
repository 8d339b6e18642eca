// The keyword grader's matching: notes and keywords meet as sequences of word stems, so
// `labels`, `labelling` and `labeling` are one word, `guard-rail` and `guardrails` one phrase,
// and `optimise` reads as `optimize`. Pure; a keyword is normalised once and kept.
import { genericReason, stem, WORD } from '../words.js';
const compiled = new Map();
/** The keyword ready for matching, or null when it is generic and so never counts. Memoised. */
export function compileKeyword(phrase) {
    let keyword = compiled.get(phrase);
    if (keyword === undefined) {
        const words = phrase.toLowerCase().match(WORD) ?? [];
        keyword = genericReason(phrase) ? null : { phrase, stems: words.map((word) => stem(word)), joined: stem(words.join('')) };
        compiled.set(phrase, keyword);
    }
    return keyword;
}
export function indexNotes(text) {
    const tokens = [];
    let line = 0;
    let lineStart = 0;
    for (const match of text.toLowerCase().matchAll(WORD)) {
        const start = match.index;
        while (true) {
            const next = text.indexOf('\n', lineStart);
            if (next === -1 || next >= start)
                break;
            line++;
            lineStart = next + 1;
        }
        tokens.push({ stem: stem(match[0]), raw: match[0], start, end: start + match[0].length, line });
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
            const joined = stem(token.raw + next.raw, { once: true });
            if (!pairs.has(joined))
                pairs.set(joined, i);
        }
    });
    return { text, tokens, at, pairs };
}
/** A keyword's `k` or `n` after the first word stands for any number: `recall@k` matches `recall@10`. */
const sameWord = (token, stem) => token !== undefined && (token.stem === stem || ((stem === 'k' || stem === 'n') && /^\d+$/.test(token.raw)));
/** The notes' own words where the keyword occurs (its evidence), or null. */
export function findKeyword(notes, keyword) {
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
export function evidenceFor(notes, keywords) {
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
