/** Words Mermaid reads as syntax, not as a node id. */
const RESERVED = new Set(['end', 'graph', 'flowchart', 'subgraph', 'direction', 'style', 'class', 'classdef', 'click', 'linkstyle', 'default', 'call', 'href']);
/**
 * Node ids Mermaid accepts, one per key, readable where the name allows: `feature_store`;
 * `n3` for a name with no ASCII letters; a suffix when two names make the same id.
 */
export function mermaidIds(keys) {
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
export function toMermaid(diagram, options = {}) {
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
