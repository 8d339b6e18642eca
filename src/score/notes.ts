// Notes as `mldrill grade` reads them: Markdown whose `## ` headings name stages by id or title.
// Pure. The grader reads every stage's notes for every item, so headings decide where text is
// shown, never what it counts for. A `## diagram` section is not notes: it holds the drawing's
// edge lines (src/diagram/parse.ts), compared with the question's reference diagram.

export interface SplitNotes {
  /** Stage id -> its notes, in file order. */
  stages: Map<string, string>;
  /** Text before any heading, or under a heading that names no stage: it counts for all. */
  unstaged: string;
  /** `## ` headings that name no stage, with their 1-based line. */
  unknownHeadings: Array<{ line: number; heading: string }>;
  /**
   * The `## diagram` sections' lines, each on its own line of the file and every other line blank
   * (so a line the diagram parser cannot read is reported at its line in the file); null when there is none.
   */
  diagram: string | null;
}

/** The heading of the section that holds the drawing, unless a stage is named so. */
const DIAGRAM_HEADING = 'diagram';

/**
 * A heading as a name, the way people write headings in notes: any case, a number before it
 * (`2. Metrics`), bold or italic marks around it, a colon after it (`## Clarify the problem:`),
 * an id's hyphen as a space (`## Deep dive`), the plan's minutes after it (`## Clarify the problem (6 min)`).
 */
function headingName(heading: string): string {
  const name = heading.replace(/^[\s*_]+|[\s*_:.]+$/g, '').replace(/^\d+[.)]\s+/, '').replace(/^[*_]+/, '');
  return name.replace(/[\s*_:]*\(\s*\d+\s*min(?:utes?|s)?\.?\s*\)$/i, '').replace(/[\s_-]+/g, ' ').toLowerCase();
}

export function splitNotes(text: string, stages: ReadonlyArray<{ id: string; title: string }>): SplitNotes {
  const byName = new Map<string, string>();
  for (const stage of stages) {
    byName.set(headingName(stage.id), stage.id);
    byName.set(headingName(stage.title), stage.id);
  }
  const out: SplitNotes = { stages: new Map(), unstaged: '', unknownHeadings: [], diagram: null };
  let current: string | null = null;
  let inDiagram = false;
  const drawn: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    drawn.push(inDiagram && !/^##\s/.test(line) ? line : '');
    const heading = /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const name = headingName(heading[1]!);
      current = byName.get(name) ?? null;
      inDiagram = current === null && name === DIAGRAM_HEADING;
      if (inDiagram) out.diagram = '';
      else if (current === null) out.unknownHeadings.push({ line: i + 1, heading: heading[1]! });
      return;
    }
    if (inDiagram) return;
    if (current === null) out.unstaged += `${line}\n`;
    else out.stages.set(current, `${out.stages.get(current) ?? ''}${line}\n`);
  });
  if (out.diagram !== null) out.diagram = `${drawn.join('\n').trimEnd()}\n`;
  return out;
}

/** Every part of the notes, as the grader reads them. */
export function allNotes(split: SplitNotes): string {
  return [split.unstaged, ...split.stages.values()].join('\n');
}
