// Aligned text columns. Cells are sanitised and measured before styling, so neither a file's
// escape sequences nor colour ever shift a column.
import { stripControl, visibleLength, widest } from '../text.js';

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Styles a padded cell of this column; the row is passed for styles that depend on it. */
  paint?: (text: string, row: number) => string;
}

/** The header line, then one line per row, columns separated by two spaces, the last column unpadded. */
export function table(columns: readonly Column[], cells: readonly (readonly string[])[], headerStyle: (text: string) => string = (text) => text): string[] {
  const rows = cells.map((row) => row.map((cell) => stripControl(cell)));
  const widths = columns.map((column, i) => Math.max(column.header.length, widest(rows.map((row) => row[i] ?? ''))));
  const last = columns.length - 1;
  const pad = (text: string, i: number) => {
    const room = i === last && columns[i]!.align !== 'right' ? 0 : widths[i]! - visibleLength(text);
    return columns[i]!.align === 'right' ? ' '.repeat(room) + text : text + ' '.repeat(room);
  };
  const line = (cells: string[]) => cells.join('  ');
  return [
    headerStyle(line(columns.map((column, i) => pad(column.header, i)))),
    ...rows.map((row, r) => line(columns.map((column, i) => {
      const padded = pad(row[i] ?? '', i);
      return column.paint ? column.paint(padded, r) : padded;
    }))),
  ];
}
