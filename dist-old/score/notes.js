// Notes as `mldrill grade` reads them: Markdown whose `## ` headings name stages by id or title.
// Pure. The grader reads every stage's notes for every item, so headings decide where text is
// shown, never what it counts for. A `## diagram` section is not notes: it holds the drawing's
// edge lines (src/diagram/parse.ts), compared with the question's reference diagram.
/** The heading of the section that holds the drawing, unless a stage is named so. */
const DIAGRAM_HEADING = 'diagram';
export function splitNotes(text, stages) {
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
export function allNotes(split) {
    return [split.unstaged, ...split.stages.values()].join('\n');
}
