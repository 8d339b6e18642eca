'use strict';

var start = require('./start-DA7aRZP1.js');
var core = require('./core-DiuhDYN8.js');
var path = require('node:path');

const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'for', 'to', 'and', 'or', 'in', 'on', 'with']);
/**
 * The stem of one word of a component's name: the shared word forms (src/words.ts), and the agent
 * -er too, since a component is named by what it does: `ranker`, `ranking` and `rankers` are one.
 */
function stem(word) {
    const shared = core.stem(word);
    return /^.{3,}er$/.test(shared) ? shared.slice(0, -2) : shared;
}
/** The stems of the words of a name, accents and stop words dropped. */
function stems(name) {
    return name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word && !STOP_WORDS.has(word))
        .map((word) => stem(word));
}
/** Words too general to name a component on their own: `model` alone is no ranking model. */
const GENERIC = new Set(['model', 'service', 'system', 'data', 'logs', 'pipeline', 'store', 'api', 'server', 'db', 'database', 'engine', 'layer', 'job', 'tool', 'user', 'module', 'component'].map((word) => stem(word)));
/**
 * Word forms: the same words up to endings score highest; then a written name that contains a
 * reference name whole (`online feature store` for `feature store`), by the words shared; last,
 * a short written name found whole inside a reference name (`uploads` for `new uploads`),
 * unless all its words are too general to tell (`model`, `logs`).
 */
const wordFormMatcher = {
    score(written, reference) {
        const a = stems(written);
        const b = stems(reference);
        if (a.length === 0 || b.length === 0)
            return 0;
        if (a.length === b.length && a.every((word, i) => word === b[i]))
            return 1000 + b.length;
        if (a.length >= b.length && core.containsRun(a, b))
            return 100 + b.length;
        return b.length >= a.length && core.containsRun(b, a) && a.some((word) => !GENERIC.has(word)) ? 10 + a.length : 0;
    },
};
/** Compares the candidate's diagram with the reference; see the README for what counts. */
function compareDiagram(reference, candidate, matcher = wordFormMatcher) {
    // Each drawn component stands for the reference component it matches best, if any.
    const componentOf = new Map();
    const unexpected = [];
    for (const node of candidate.nodes) {
        let best = { id: '', score: 0 };
        for (const component of reference.components) {
            for (const name of [component.id.replaceAll('-', ' '), ...component.names]) {
                const score = matcher.score(node.name, name);
                if (score > best.score)
                    best = { id: component.id, score };
            }
        }
        if (best.score > 0)
            componentOf.set(node.key, best.id);
        else
            unexpected.push(node.name);
    }
    const nameOf = new Map(reference.components.map((component) => [component.id, component.names[0] ?? component.id.replaceAll('-', ' ')]));
    const found = [];
    const missing = [];
    for (const component of reference.components) {
        const as = candidate.nodes.filter((node) => componentOf.get(node.key) === component.id).map((node) => node.name);
        if (as.length)
            found.push({ id: component.id, as });
        else
            missing.push({ id: component.id, name: nameOf.get(component.id) });
    }
    const next = new Map();
    for (const edge of candidate.edges)
        next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    /**
     * Whether a path of drawn edges leads from a node standing for `from` to one standing for
     * `to`, passing only through nodes the reference does not name (a queue drawn between two
     * components, say) or through other nodes standing for the two ends.
     */
    const reaches = (from, to) => {
        const passable = (key) => !componentOf.has(key) || componentOf.get(key) === from || componentOf.get(key) === to;
        const queue = candidate.nodes.filter((node) => componentOf.get(node.key) === from).map((node) => node.key);
        const seen = new Set(queue);
        while (queue.length) {
            const key = queue.shift();
            for (const target of next.get(key) ?? []) {
                if (componentOf.get(target) === to)
                    return true;
                if (!seen.has(target) && passable(target)) {
                    seen.add(target);
                    queue.push(target);
                }
            }
        }
        return false;
    };
    const flows = { expected: reference.flows.length, found: [], missing: [], reversed: [] };
    for (const [from, to, wording] of reference.flows) {
        const flow = { from, to, description: wording ?? `from ${nameOf.get(from) ?? from} to ${nameOf.get(to) ?? to}` };
        if (reaches(from, to))
            flows.found.push(flow);
        else {
            flows.missing.push(flow);
            if (reaches(to, from))
                flows.reversed.push(flow);
        }
    }
    return { components: { expected: reference.components.length, found, missing, unexpected }, flows };
}
/** What `grade --json` shows under "diagram". */
function comparisonJson(comparison) {
    const flow = ({ from, to, description }) => ({ from, to, description });
    return {
        components: {
            found: comparison.components.found.length,
            expected: comparison.components.expected,
            missing: comparison.components.missing.map((component) => component.id),
            unexpected: comparison.components.unexpected,
        },
        flows: {
            found: comparison.flows.found.length,
            expected: comparison.flows.expected,
            missing: comparison.flows.missing.map(flow),
            reversed: comparison.flows.reversed.map(flow),
        },
    };
}
/** Lists at most max items, then "and N more". */
function some(items, max = 4) {
    return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
/**
 * One line: `Diagram: 6 of 8 components, 4 of 6 key flows; missing: …; drawn the wrong way
 * round: …`. A flow is listed as missing only when both its ends were drawn: a missing
 * component already says it.
 */
function comparisonSummary(comparison) {
    const { components, flows } = comparison;
    const absent = new Set(components.missing.map((component) => component.id));
    const reversed = new Set(flows.reversed);
    const gaps = [
        ...components.missing.map((component) => component.name),
        ...flows.missing.filter((flow) => !reversed.has(flow) && !absent.has(flow.from) && !absent.has(flow.to)).map((flow) => flow.description),
    ];
    const parts = [`Diagram: ${components.found.length} of ${start.plural(components.expected, 'component')}, ${flows.found.length} of ${start.plural(flows.expected, 'key flow')}`];
    if (gaps.length)
        parts.push(`missing: ${some(gaps)}`);
    if (flows.reversed.length)
        parts.push(`drawn the wrong way round: ${some(flows.reversed.map((flow) => flow.description))}`);
    return parts.join('; ');
}

var compare = /*#__PURE__*/Object.freeze({
    __proto__: null,
    compareDiagram: compareDiagram,
    comparisonJson: comparisonJson,
    comparisonSummary: comparisonSummary,
    stem: stem,
    stems: stems,
    wordFormMatcher: wordFormMatcher
});

// Checks of a question's reference diagram beyond its format: what would make the comparison
// with a candidate's drawing wrong or meaningless. Reads the data as it is, like fileChecks.
const isRecord = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
function diagramIssues(diagram) {
    if (!isRecord(diagram))
        return [];
    const issues = [];
    const ids = new Set();
    // A name two components share (up to word forms) would make every match a coin toss.
    const names = new Map();
    list(diagram.components).forEach((component, i) => {
        if (!isRecord(component))
            return;
        const id = typeof component.id === 'string' ? component.id : undefined;
        if (id !== undefined) {
            if (ids.has(id))
                issues.push({ path: ['diagram', 'components', i, 'id'], rule: 'diagram-duplicate', message: `component id "${id}" is used twice in diagram.components; give each component its own id` });
            ids.add(id);
        }
        list(component.names).forEach((name, j) => {
            if (typeof name !== 'string')
                return;
            const key = stems(name).join(' ');
            const owner = names.get(key);
            if (owner !== undefined) {
                const where = owner === id ? 'twice in this component' : `already by component "${owner}"`;
                issues.push({ path: ['diagram', 'components', i, 'names', j], rule: 'diagram-duplicate', message: `the name "${name}" is used ${where} (word forms count as the same name); keep it in one component` });
            }
            else if (key) {
                names.set(key, id ?? '');
            }
        });
    });
    if (Array.isArray(diagram.flows) && diagram.flows.length === 0) {
        issues.push({ path: ['diagram', 'flows'], rule: 'diagram-no-flows', message: 'diagram.flows is empty; add the key flows, [from, to], including the feedback loop back to training' });
    }
    list(diagram.flows).forEach((flow, i) => {
        list(flow).slice(0, 2).forEach((end, j) => {
            if (typeof end !== 'string' || ids.has(end))
                return;
            const [suggestion] = start.closest(end, ids, 1);
            issues.push({
                path: ['diagram', 'flows', i, j],
                rule: 'diagram-unknown-component',
                message: `diagram.flows[${i}] names the component "${end}", which diagram.components does not have; ${suggestion ? `did you mean "${suggestion}"?` : 'add it to diagram.components'}`,
            });
        });
    });
    return issues;
}

// The edge-list language of the diagram pad and `mldrill diagram`: one line per chain of edges,
// typed as fast as one talks. Pure: text in, a graph and the lines that are not edges out.
//
//   events -> stream processor -> feature store     a chain: two edges
//   ranker -[top 500]-> re-ranker                    a labelled edge
//   training data <- logged outcomes                 an edge written backwards
//   cache <-> ranking service                        both ways: two edges
//   feature store                                    a lone component
//   # a comment, or // a comment; blank lines are skipped
//   model -> feed   # a comment after a space ends the line
//   - events -> model                                a Markdown bullet is read past
//
// A line that is none of these is kept as a problem with its position and a hint, never dropped.
/** The most text `mldrill diagram` reads: far beyond any diagram worth drawing. */
const MAX_DIAGRAM_BYTES = 256 * 1024;
/** Longer lines are refused rather than parsed: nobody types them, and they would only stall the pad. */
const MAX_LINE_CHARS = 2000;
/** A lone line of more words than this, or ending like a sentence, is prose, not a component. */
const MAX_LONE_WORDS = 6;
// Forward `->`, `-->`, `→`, labelled `-[label]->`; backward `<-`, `<--`, `←`, `<-[label]-`;
// both ways `<->`, `<-[label]->`. Longest alternatives first.
const ARROW = /<-\[([^\]\n]*)\]->|<-\[([^\]\n]*)\]-(?!>)|-\[([^\]\n]*)\]->|<-+>|<-+|-+>|→|←|↔/g;
// What looks like an arrow but is not one: `- >`, `=>`, `<=`, `-[label` left open, `--` alone.
const ODD_ARROW = /-\s+-*>|=+>|<=+|-\[|(?<=^|\s)--?(?=\s|$)|\|>/;
/** The key that makes `Feature  Store` and `feature store` one component. */
function nodeKey(name) {
    return name.toLowerCase();
}
/** A name or label as drawn: control sequences out (they would skew the layout's widths), spaces collapsed. */
const collapse = (text) => start.stripControl(text).trim().replace(/\s+/g, ' ');
/** 1-based column in code points of a UTF-16 index in text. */
function columnOf(text, index) {
    let column = 1;
    for (let i = 0; i < index; i++) {
        const code = text.charCodeAt(i);
        // The high half of a surrogate pair starts a character; the low half does not.
        if (code < 0xdc00 || code > 0xdfff)
            column++;
    }
    return column;
}
function arrowsIn(text) {
    const arrows = [];
    for (const match of text.matchAll(ARROW)) {
        const token = match[0];
        const label = match[1] ?? match[2] ?? match[3];
        const direction = token === '↔' || (token.startsWith('<') && token.endsWith('>'))
            ? 'both'
            : token.startsWith('<') || token === '←' ? 'backward' : 'forward';
        arrows.push({ index: match.index, length: token.length, direction, ...(label !== undefined && collapse(label) ? { label: collapse(label) } : {}) });
    }
    return arrows;
}
/** Parses an edge list. Never throws: what is not understood comes back in `problems`. */
function parseDiagram(source) {
    const nodes = new Map();
    const edges = [];
    const seenEdges = new Set();
    const problems = [];
    const node = (name, line, column) => {
        const key = nodeKey(name);
        if (!nodes.has(key))
            nodes.set(key, { key, name, line, column });
        return key;
    };
    const edge = (from, to, label, line, column) => {
        const id = `${from}\u0000${to}\u0000${label ?? ''}`;
        if (seenEdges.has(id))
            return;
        seenEdges.add(id);
        edges.push({ from, to, ...(label ? { label } : {}), line, column });
    };
    const lines = source.replace(/\r\n?/g, '\n').split('\n');
    lines.forEach((written, i) => {
        const line = i + 1;
        // A Markdown bullet (`- `, `* `, `+ `) is not part of the edge; blanked so columns stay true.
        // A comment after a space (` # why`) ends the line; `C#` or `#1` inside a name or label stays.
        const raw = written.replace(/^(\s*)[-*+](\s+)/, (_, before, after) => `${before} ${after}`).replace(/\s#(?:\s.*)?$/, '');
        const trimmed = raw.trim();
        if (!trimmed || trimmed.startsWith('#') || trimmed.startsWith('//'))
            return;
        const problem = (index, message, hint) => problems.push({ line, column: columnOf(raw, index), text: written, message, hint });
        if (raw.length > MAX_LINE_CHARS) {
            problem(0, `line is longer than ${MAX_LINE_CHARS} characters`, 'split it into shorter chains, one per line');
            return;
        }
        const arrows = arrowsIn(raw);
        // The names between the arrows, with where each starts.
        const parts = [];
        let start = 0;
        for (const arrow of [...arrows, { index: raw.length, length: 0 }]) {
            const piece = raw.slice(start, arrow.index);
            const lead = piece.length - piece.trimStart().length;
            parts.push({ name: collapse(piece), index: start + lead });
            start = arrow.index + arrow.length;
        }
        const odd = parts.find((part) => ODD_ARROW.test(part.name));
        if (odd) {
            problem(odd.index + ODD_ARROW.exec(raw.slice(odd.index)).index, 'not an edge: an arrow mldrill does not read', 'write arrows as -> (<- backwards, -[label]-> with a label)');
            return;
        }
        if (arrows.length === 0) {
            const name = parts[0];
            if (/[.?!:;,]$/.test(name.name) || name.name.split(' ').length > MAX_LONE_WORDS) {
                problem(name.index, 'not an edge: this reads as a sentence, not a component', 'write edges as `a -> b`, or a lone component by its name; keep prose in your notes');
            }
            else {
                node(name.name, line, columnOf(raw, name.index));
            }
            return;
        }
        const empty = parts.findIndex((part) => !part.name);
        if (empty !== -1) {
            const arrow = arrows[Math.min(empty, arrows.length - 1)];
            const at = empty === 0 ? arrow.index : empty === parts.length - 1 ? arrow.index + arrow.length : parts[empty].index;
            const where = empty === 0 ? 'before the first arrow' : empty === parts.length - 1 ? 'after the last arrow' : 'between two arrows';
            problem(at, `not an edge: no component ${where}`, 'name a component on both sides of every arrow, e.g. `events -> feature store`');
            return;
        }
        const keys = parts.map((part) => node(part.name, line, columnOf(raw, part.index)));
        arrows.forEach((arrow, j) => {
            const column = columnOf(raw, parts[j].index);
            const left = keys[j];
            const right = keys[j + 1];
            if (arrow.direction !== 'backward')
                edge(left, right, arrow.label, line, column);
            if (arrow.direction !== 'forward')
                edge(right, left, arrow.label, line, column);
        });
    });
    return { nodes: [...nodes.values()], edges, problems };
}

// `mldrill diagram [FILE|-]`: draws an edge list from a file or stdin, as box-drawing text,
// Mermaid or JSON, for people who sketch their design in an editor.
/** The reference diagram of the question named, from the bank. */
async function referenceOf(id, io, bank) {
    const [{ withCatalog }, { requireId }] = await Promise.all([Promise.resolve().then(function () { return require('./core-DiuhDYN8.js'); }).then(function (n) { return n.withCatalog$1; }), Promise.resolve().then(function () { return require('./core-DiuhDYN8.js'); }).then(function (n) { return n.filter; })]);
    return withCatalog(io, bank, (catalog) => {
        const question = catalog.question(requireId(catalog.ids, id));
        if (!question.diagram)
            throw new start.NotFoundError(`question "${question.id}" has no reference diagram to compare with`);
        return question.diagram;
    });
}
/** The edge list and the name to give it in messages. */
async function readSource(options, io) {
    if (options.file === undefined || options.file === '-') {
        if (options.file === undefined && io.terminal.input.isTTY) {
            throw new start.UsageError('give a file of edges, or pipe them in: mldrill diagram design.txt, or echo "events -> model" | mldrill diagram');
        }
        const read = await core.readStream(io.terminal.input, MAX_DIAGRAM_BYTES);
        if (read === undefined)
            throw new start.UsageError(`the input is larger than ${MAX_DIAGRAM_BYTES / 1024} KiB; a diagram that large is not one to draw`);
        return { text: read, name: '<stdin>' };
    }
    const file = path.resolve(io.cwd, options.file);
    const name = core.displayPath(io.cwd, file);
    const read = core.readSmallFile(file, MAX_DIAGRAM_BYTES);
    if (read.kind === 'text')
        return { text: read.text, name };
    if (read.kind === 'not-a-file')
        throw new start.UsageError(`${name} is not a regular file; give a text file of edges`);
    if (read.kind === 'too-large')
        throw new start.UsageError(`${name} is larger than ${MAX_DIAGRAM_BYTES / 1024} KiB; a diagram that large is not one to draw`);
    throw new start.UsageError(`cannot read ${name} (${read.kind === 'missing' ? 'ENOENT' : read.code}); check that it exists and is readable`);
}
/** The diagram for scripts: components and edges by name, with where each was written. */
function diagramJson(diagram) {
    const names = new Map(diagram.nodes.map((node) => [node.key, node.name]));
    return {
        components: diagram.nodes.map((node) => ({ name: node.name, line: node.line, column: node.column })),
        edges: diagram.edges.map((edge) => ({ from: names.get(edge.from), to: names.get(edge.to), label: edge.label ?? null, line: edge.line, column: edge.column })),
    };
}
async function diagram(options, io) {
    const source = await readSource(options, io);
    const parsed = parseDiagram(source.text);
    if (parsed.problems.length > 0) {
        for (const problem of parsed.problems)
            io.stderr.write(start.stripControl(`${source.name}:${problem.line}:${problem.column}: ${problem.message}; ${problem.hint}\n`));
        return start.EXIT.usage;
    }
    if (parsed.nodes.length === 0) {
        throw new start.UsageError(`${source.name} has no edges or components to draw; write one chain per line, e.g. events -> feature store -> model`);
    }
    const format = options.format ?? 'text';
    let comparison;
    const compare$1 = await (options.question === undefined ? undefined : Promise.resolve().then(function () { return compare; }));
    if (compare$1 && options.question !== undefined)
        comparison = compare$1.compareDiagram(await referenceOf(options.question, io, options.bank), parsed);
    if (format === 'json') {
        const json = { ...diagramJson(parsed), ...(comparison && compare$1 ? { comparison: compare$1.comparisonJson(comparison) } : {}) };
        io.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
        return start.EXIT.ok;
    }
    const summary = comparison && compare$1 ? [compare$1.comparisonSummary(comparison), ...(comparison.components.unexpected.length ? [`Not in the reference (not counted): ${comparison.components.unexpected.join(', ')}`] : [])] : [];
    if (format === 'mermaid') {
        const { toMermaid } = await Promise.resolve().then(function () { return mermaid; });
        // The comparison as Mermaid comments, so that the output stays a diagram.
        io.stdout.write(start.stripControl(toMermaid(parsed) + summary.map((line) => `%% ${line}\n`).join('')));
        return start.EXIT.ok;
    }
    const { loadDraw } = await Promise.resolve().then(function () { return draw; });
    const width = options.width ?? (io.stdout.isTTY ? io.stdout.columns : 80);
    const drawing = (await loadDraw())(parsed, { width });
    if (drawing.lines.length)
        io.stdout.write(start.stripControl(`${drawing.lines.join('\n')}\n`));
    if (drawing.note)
        io.stderr.write(`mldrill: ${drawing.note}${drawing.tooLarge ? '; --format mermaid or --format json gives it whole' : ''}\n`);
    if (summary.length)
        io.stdout.write(start.stripControl(`${drawing.lines.length ? '\n' : ''}${summary.join('\n')}\n`));
    return start.EXIT.ok;
}

var diagram$1 = /*#__PURE__*/Object.freeze({
    __proto__: null,
    diagram: diagram
});

/** Words Mermaid reads as syntax, not as a node id. */
const RESERVED = new Set(['end', 'graph', 'flowchart', 'subgraph', 'direction', 'style', 'class', 'classdef', 'click', 'linkstyle', 'default', 'call', 'href']);
/**
 * Node ids Mermaid accepts, one per key, readable where the name allows: `feature_store`;
 * `n3` for a name with no ASCII letters; a suffix when two names make the same id.
 */
function mermaidIds(keys) {
    const ids = new Map();
    const taken = new Set();
    keys.forEach((key, i) => {
        let base = key.normalize('NFKD').replace(/[^a-z0-9]+/gi, '_').replace(/^_+|_+$/g, '').toLowerCase().slice(0, 40);
        if (!/^[a-z]/.test(base) || RESERVED.has(base))
            base = base && /^[a-z]/.test(base) ? `n_${base}` : `n${i + 1}${base ? `_${base}` : ''}`;
        let id = base;
        for (let n = 2; taken.has(id); n++)
            id = `${base}_${n}`;
        taken.add(id);
        ids.set(key, id);
    });
    return ids;
}
const HTML = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/**
 * Text inside Mermaid's double quotes. For real Mermaid, quotes and the characters Mermaid or
 * its HTML labels would read as markup become Mermaid's entity codes (`#34;`); the terminal
 * renderer reads HTML entities instead (and drops tags), so for it they become `&quot;` and the like.
 */
function quoted(text, entities) {
    const safe = entities
        ? text.replace(/[#"<>&|]/g, (char) => `#${char.codePointAt(0)};`)
        : text.replace(/[&<>"]/g, (char) => HTML[char]);
    return `"${safe}"`;
}
/** The diagram as a `flowchart` block, one node declaration per component, then the edges in order. */
function toMermaid(diagram, options = {}) {
    const entities = options.entities ?? true;
    const ids = mermaidIds(diagram.nodes.map((node) => node.key));
    const lines = [`flowchart ${options.direction ?? 'LR'}`];
    for (const node of diagram.nodes)
        lines.push(`  ${ids.get(node.key)}[${quoted(node.name, entities)}]`);
    for (const edge of diagram.edges) {
        const label = edge.label ? `|${quoted(edge.label, entities)}|` : '';
        lines.push(`  ${ids.get(edge.from)} -->${label} ${ids.get(edge.to)}`);
    }
    return `${lines.join('\n')}\n`;
}

var mermaid = /*#__PURE__*/Object.freeze({
    __proto__: null,
    mermaidIds: mermaidIds,
    toMermaid: toMermaid
});

// The box-drawing picture of a diagram, fitted to a width (and height). The layout is
// lovely-mermaid's (layered, with fan-in, fan-out and feedback loops routed visibly), fed the
// Mermaid source of the diagram; this adapter picks the direction that fits, and when nothing
// fits says so and draws the edges that do. The package loads on first use only.
/** Beyond these the picture is no help in a terminal (and layout gets slow): the export has it. */
const MAX_DRAWN_EDGES = 80;
const MAX_DRAWN_NODES = 60;
/**
 * The drawing function, with its renderer loaded. The module loader keeps what it loaded, so
 * nothing is memoised here: a failed load is not remembered for the next caller.
 */
function loadDraw() {
    return import('lovely-mermaid').then(({ render }) => drawWith(render));
}
/** The edges given and the components they touch. */
function subgraph(nodes, edges) {
    const used = new Set(edges.flatMap((edge) => [edge.from, edge.to]));
    return { nodes: nodes.filter((node) => used.has(node.key)), edges };
}
function drawWith(render) {
    const art = (diagram, direction) => {
        const result = render(toMermaid(diagram, { direction, entities: false }));
        return result ? { lines: result.plain, width: result.width } : undefined;
    };
    const fits = (found, size) => found !== undefined && found.width <= size.width && (size.height === undefined || found.lines.length <= size.height);
    /** Left to right reads like a pipeline, so it is tried first; top-down is narrower. */
    const fitted = (diagram, size) => {
        for (const direction of ['LR', 'TD']) {
            const found = art(diagram, direction);
            if (fits(found, size))
                return { art: found, direction };
        }
        return undefined;
    };
    return (diagram, size) => {
        if (diagram.nodes.length === 0)
            return { lines: [], complete: true, note: 'nothing to draw yet: write an edge such as `events -> feature store`' };
        if (diagram.edges.length > MAX_DRAWN_EDGES || diagram.nodes.length > MAX_DRAWN_NODES) {
            return {
                lines: [],
                complete: false,
                tooLarge: true,
                note: `too large to draw here (${start.plural(diagram.edges.length, 'edge')}, ${start.plural(diagram.nodes.length, 'component')}; at most ${MAX_DRAWN_EDGES} and ${MAX_DRAWN_NODES})`,
            };
        }
        const whole = fitted(diagram, size);
        if (whole)
            return { lines: whole.art.lines, complete: true, direction: whole.direction };
        const needed = art(diagram, 'TD');
        const space = size.height === undefined ? `${size.width} columns` : `${size.width}×${size.height}`;
        const need = needed ? ` (it needs ${needed.width}×${needed.lines.length})` : '';
        // The longest run of edges, in the order written, whose picture fits. With lone components
        // (boxes with no edge) every edge may fit once they are left out.
        const lone = diagram.nodes.length - subgraph(diagram.nodes, diagram.edges).nodes.length;
        let low = 1;
        let high = diagram.edges.length - (lone > 0 ? 0 : 1);
        let best;
        while (low <= high) {
            const count = Math.floor((low + high) / 2);
            const found = fitted(subgraph(diagram.nodes, diagram.edges.slice(0, count)), size);
            if (found) {
                best = { ...found, count };
                low = count + 1;
            }
            else {
                high = count - 1;
            }
        }
        if (best) {
            return {
                lines: best.art.lines,
                complete: false,
                direction: best.direction,
                // What is shown comes first: a narrow pad cuts the note at its width.
                note: `${best.count === diagram.edges.length ? `showing the edges, not ${start.plural(lone, 'lone component')}` : `showing the first ${best.count} of ${start.plural(diagram.edges.length, 'edge')}`}; the whole does not fit in ${space}${need}`,
            };
        }
        // Not even one edge fits: the top-left corner of the top-down picture, cut to size.
        const rows = (needed?.lines ?? []).slice(0, size.height ?? Infinity).map((row) => start.cut(row, size.width));
        return { lines: rows, complete: false, direction: 'TD', note: `showing the top-left corner; the whole does not fit in ${space}${need}` };
    };
}

var draw = /*#__PURE__*/Object.freeze({
    __proto__: null,
    MAX_DRAWN_EDGES: MAX_DRAWN_EDGES,
    loadDraw: loadDraw
});

// The diagram pad's view: the edge lines a candidate has typed, parsed and drawn for a size, with
// what could not be read listed under the picture, hint and all. Returns lines; never prints.
// The drill's stage screen opens it with `await openPad()` (which loads the renderer once) and
// calls `view` on every change; `export` uses it for the text drawing of a saved session.
/** The pad, with its renderer loaded. */
async function openPad() {
    const draw = await loadDraw();
    return {
        view(source, size) {
            const diagram = parseDiagram(source);
            const problems = diagram.problems.map((problem) => start.cut(`line ${problem.line}: ${problem.message}; ${problem.hint}`, size.width));
            const note = (text) => (text === undefined ? [] : [text]);
            // The problems and the note come first out of the height: losing a typed line silently is worse than a shorter picture.
            const reserved = problems.length + 1;
            const room = size.height === undefined ? undefined : Math.max(1, size.height - reserved);
            const drawn = draw(diagram, { width: size.width, ...(room === undefined ? {} : { height: room }) });
            const said = drawn.tooLarge ? `${drawn.note}; the export has it whole` : drawn.note;
            const lines = [...drawn.lines, ...note(said).map((text) => start.cut(text, size.width)), ...problems];
            return {
                diagram,
                drawing: drawn.lines,
                ...(said ? { note: said } : {}),
                problems,
                lines: size.height === undefined ? lines : lines.slice(-size.height),
            };
        },
    };
}
/** A saved diagram as Mermaid source and as a text drawing `width` columns wide, for documents. */
async function diagramForDocument(source, width = 100) {
    const diagram = parseDiagram(source);
    if (diagram.nodes.length === 0 && diagram.problems.length === 0)
        return undefined;
    const drawn = (await loadDraw())(diagram, { width });
    // The lines that are not edges, whole: a document has room, and nothing typed is lost.
    const problems = diagram.problems.map((problem) => `line ${problem.line}: ${problem.text.trim()} (${problem.message})`);
    return { mermaid: toMermaid(diagram), drawing: drawn.lines, ...(drawn.note ? { note: drawn.note } : {}), problems };
}

var pad = /*#__PURE__*/Object.freeze({
    __proto__: null,
    diagramForDocument: diagramForDocument,
    openPad: openPad
});

exports.compareDiagram = compareDiagram;
exports.comparisonJson = comparisonJson;
exports.comparisonSummary = comparisonSummary;
exports.diagram = diagram$1;
exports.diagramIssues = diagramIssues;
exports.pad = pad;
exports.parseDiagram = parseDiagram;
