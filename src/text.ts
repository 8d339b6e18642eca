// Text from YAML files is untrusted: it must not move the cursor, retitle the window or
// hide itself once it reaches a terminal.

// ESC-introduced sequences (CSI, OSC terminated by BEL or ST, and two-byte escapes),
// then lone C0 controls other than tab and newline, DEL, and C1 controls.
// eslint-disable-next-line no-control-regex
const ESCAPES = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Removes terminal control sequences and control characters, keeping tabs and newlines. */
export function stripControl(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPES, '').replace(CONTROLS, '');
}

/**
 * Finds the first control character (other than tab and newline) in text, if any. A carriage
 * return counts: YAML turns CRLF line ends into newlines, so one left in a value was escaped
 * on purpose, and it can overwrite a terminal line.
 */
export function findControl(text: string): { index: number; char: string } | undefined {
  const match = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(text);
  return match ? { index: match.index, char: match[0] } : undefined;
}

/** Levenshtein distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/**
 * Orders strings by code point: the same on every machine and locale, and free of the dozen
 * milliseconds that String#localeCompare's first call spends loading a collator.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The candidates closest to input, best first; only plausible ones. */
export function closest(input: string, candidates: Iterable<string>, max = 3): string[] {
  const limit = Math.max(2, Math.floor(input.length / 3));
  return [...candidates]
    .map((candidate) => {
      const distance = editDistance(input, candidate);
      const partial = candidate.includes(input) || input.includes(candidate);
      return { candidate, score: partial ? Math.min(distance, 1) : distance };
    })
    .filter(({ score }) => score <= limit)
    .sort((x, y) => x.score - y.score || compareText(x.candidate, y.candidate))
    .slice(0, max)
    .map(({ candidate }) => candidate);
}

/** Wraps text to width, keeping existing line breaks. */
export function wrap(text: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        lines.push(indent + line);
        line = word;
      } else {
        line = line ? `${line} ${word}` : word;
      }
    }
    lines.push(indent + line);
  }
  return lines;
}

/** Seconds as m:ss (or h:mm:ss), never negative. */
export function clock(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${String(m).padStart(2, '0')}:${s}`;
}

/** `1 day`, `3 days`: a count with its word, plural by adding s. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
