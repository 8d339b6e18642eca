// The bytes of a YAML file as text: UTF-8, or findings that say why not. A file saved as
// UTF-16 would parse as a string of NULs, and a stray Latin-1 byte would load silently as
// U+FFFD; both are the author's to fix, at the line where they are.
import type { Finding } from './findings.js';

const fatal = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of bytes, with an `encoding` finding (named `shown`) for each line that is not UTF-8;
 * `expected` names what the file should hold, for a binary one.
 */
export function decodeSource(bytes: Uint8Array, shown: string, expected = 'YAML text'): { source: string; findings: Finding[] } {
  const finding = (line: number, message: string, column = 1): Finding => ({ file: shown, line, column, severity: 'error', rule: 'encoding', message });
  const wide = wideEncoding(bytes);
  if (wide) return { source: '', findings: [finding(1, `the file is ${wide}, not UTF-8; save the file as UTF-8`)] };
  // No text file holds a NUL: an image or archive renamed to .yaml is one finding, not a page of parser errors.
  if (bytes.subarray(0, BINARY_SAMPLE).includes(0)) return { source: '', findings: [finding(1, `the file is binary (it holds NUL bytes), not ${expected}; check that it is the right file`)] };
  try {
    return { source: lineBreaks(fatal.decode(bytes)), findings: [] };
  } catch {
    // Rare: find the lines, so the author need not hunt for one byte in a long file.
    const findings: Finding[] = [];
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      try {
        fatal.decode(bytes.subarray(start, end));
      } catch {
        findings.push(finding(line, `line ${line} has bytes that are not UTF-8 (perhaps Latin-1 or Windows-1252); save the file as UTF-8`, firstBadColumn(bytes.subarray(start, end))));
      }
      start = end + 1;
    }
    return { source: lineBreaks(new TextDecoder().decode(bytes)), findings };
  }
}

/**
 * A carriage return alone (the line ending of classic Mac OS) is a line break to YAML, but not
 * to the parser, which read such a file as one comment line: "the file is empty". One
 * character for one, so every offset stays where it was.
 */
function lineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * The column (1-based, as the other findings count it in the decoded text) of the first byte of
 * a line that is not UTF-8: the decoder gives each such stretch one U+FFFD, and a U+FFFD the
 * line really holds is its own three bytes.
 */
function firstBadColumn(line: Uint8Array): number {
  const text = new TextDecoder().decode(line);
  let at = 0;
  let column = 1;
  for (const char of text) {
    if (char === '\ufffd' && !(line[at] === 0xef && line[at + 1] === 0xbf && line[at + 2] === 0xbd)) return column;
    at += Buffer.byteLength(char);
    column += char.length;
  }
  return 1;
}

/** How far into a file to look for a NUL: enough for any header of a binary format. */
const BINARY_SAMPLE = 8192;

/**
 * Text in UTF-32 (by its byte order mark, whose first two bytes are UTF-16's) or UTF-16: text,
 * though its NULs would make it read as a binary file.
 */
export function wideEncoding(bytes: Uint8Array): 'UTF-16' | 'UTF-32' | undefined {
  const [a, b, c, d] = bytes;
  if (bytes.length >= 4 && ((a === 0xff && b === 0xfe && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0xfe && d === 0xff))) return 'UTF-32';
  return isUtf16(bytes) ? 'UTF-16' : undefined;
}

/**
 * A UTF-16 byte order mark, or the NUL in every other byte that ASCII text in UTF-16 has: all
 * of them on even offsets or all on odd ones, which a binary file's NULs are not.
 */
function isUtf16(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  const sample = bytes.subarray(0, 64);
  const nuls = [0, 0];
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) nuls[i % 2]!++;
  const [even, odd] = nuls as [number, number];
  return sample.length >= 4 && even + odd >= sample.length / 4 && (even === 0 || odd === 0);
}
