// A tab in a line's indentation throws YAML's reading of every line after it in the same block,
// so the rest of the file could not be checked until the tab was fixed. Read again with the tab
// replaced by the indentation the author meant, the rest of the file is checked in the same run.

/** Files with more tab-indented lines than this are indented with tabs throughout: one finding says so. */
const MAX_TABBED_LINES = 5;

/** Lines before and after the tab's line that judge each width, at least: on to a top-level line. */
const WINDOW_BEFORE = 200;
const WINDOW_AFTER = 40;
const TOP_LEVEL = /^[^\s#]/;

/** One line's indentation replaced by spaces: the new source, and how to map its columns back. */
export interface Untabbed {
  source: string;
  /** 1-based line that was re-indented. */
  line: number;
  /** Its indentation in the file (characters) and as re-read (spaces). */
  was: number;
  now: number;
}

/**
 * The source with the indentation of the line holding `at` (a tab in it) replaced by spaces, at
 * the width that reads best: of the places the line could belong (under the line before when
 * that one opens a block, else beside one of the lines it could continue), the one that leaves
 * the fewest parser errors (`errors` counts them), the deepest of equals. Undefined for a file
 * indented with tabs throughout.
 */
export function untab(source: string, at: number, errors: (source: string) => number): Untabbed | undefined {
  if ((source.match(/^ *\t/gm)?.length ?? 0) > MAX_TABBED_LINES) return undefined;
  const start = source.lastIndexOf('\n', at - 1) + 1;
  const indent = /^[ \t]*/.exec(source.slice(start))![0];
  if (!indent.includes('\t')) return undefined;
  const before = source.slice(0, start).split('\n').slice(0, -1);
  const after = source.slice(start + indent.length);
  const line = before.length + 1;
  // Judged on the lines around it, so that a long file is not parsed whole for each width: from
  // a top-level line before it to one after it (a block cut short would read differently).
  let from = Math.max(0, before.length - WINDOW_BEFORE);
  while (from > 0 && !TOP_LEVEL.test(before[from]!)) from--;
  const rest = after.split('\n');
  let to = Math.min(rest.length, WINDOW_AFTER);
  while (to < rest.length && !TOP_LEVEL.test(rest[to]!)) to++;
  const window = [before.slice(from).join('\n'), rest.slice(0, to).join('\n')];
  let best: { now: number; errors: number } | undefined;
  for (const now of fitting(widths(before, after), after)) {
    const count = errors(`${window[0]}\n${' '.repeat(now)}${window[1]}`);
    if (!best || count < best.errors || (count === best.errors && now > best.now)) best = { now, errors: count };
  }
  return best && { source: `${source.slice(0, start)}${' '.repeat(best.now)}${after}`, line, was: indent.length, now: best.now };
}

/**
 * Of the widths, those that keep the line's own block under it: a key that opens one is less
 * indented than the next line (or as far, for a list), else it would be left empty.
 */
function fitting(widths: number[], after: string): number[] {
  const [own, ...rest] = after.split('\n');
  const next = rest.find((text) => /\S/.test(text) && !/^\s*#/.test(text));
  if (!opensBlock(own!) || next === undefined) return widths;
  const under = widths.filter((width) => indentOf(next) > width || (indentOf(next) === width && /^ *- /.test(next)));
  return under.length > 0 ? under : widths;
}

/** A key with nothing after it, or with `|` or `>`: the lines after it are its value. */
function opensBlock(text: string): boolean {
  return /(^|\s)[^#\s][^#]*:\s*(#.*)?$/.test(stripQuoted(text)) || /[:-]\s+[|>][-+0-9]*\s*(#.*)?$/.test(text);
}

/** Where a line after these lines may be indented to. */
function widths(before: readonly string[], after: string): number[] {
  const lines = before.filter((text) => /\S/.test(text) && !/^\s*#/.test(text));
  const previous = lines[lines.length - 1];
  if (previous === undefined) return [0];
  const depth = indentOf(previous);
  const found = new Set<number>();
  // After a line that opens a block, the line is inside it: at the depth of the lines that
  // follow it there, or a step in.
  if (opensBlock(previous)) {
    for (const text of after.split('\n').slice(1, 40)) {
      if (/\S/.test(text) && indentOf(text) > depth) found.add(indentOf(text));
    }
    for (const step of [2, 4]) found.add(depth + step);
    return [...found];
  }
  // Else beside a line it may continue: one whose block is still open, each less indented
  // than any line after it; or the keys of a `- key: value` item among them.
  let least = Infinity;
  for (let i = lines.length - 1; i >= 0 && least > 0; i--) {
    const text = lines[i]!;
    const depthHere = indentOf(text);
    if (depthHere >= least) continue;
    least = depthHere;
    found.add(depthHere);
    const item = /^( *- +)[^\s#'"-][^:#]*:(\s|$)/.exec(text);
    if (item) found.add(item[1]!.length);
  }
  return [...found];
}

function indentOf(text: string): number {
  return /^ */.exec(text)![0].length;
}

/** The line with its quoted parts taken out, so a colon inside quotes is not taken for a key's. */
function stripQuoted(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'/g, '""');
}
