// Aligned text columns. Cells are sanitised and measured before styling, so neither a file's
// escape sequences nor colour ever shift a column.
import { stripControl } from '../text.js';
/** The header line, then one line per row, columns separated by two spaces, the last column unpadded. */
export function table(columns, cells, headerStyle = (text) => text) {
    const rows = cells.map((row) => row.map((cell) => stripControl(cell)));
    const widths = columns.map((column, i) => Math.max(column.header.length, ...rows.map((row) => [...(row[i] ?? '')].length)));
    const last = columns.length - 1;
    const pad = (text, i) => {
        const room = i === last && columns[i].align !== 'right' ? 0 : widths[i] - [...text].length;
        return columns[i].align === 'right' ? ' '.repeat(room) + text : text + ' '.repeat(room);
    };
    const line = (cells) => cells.join('  ');
    return [
        headerStyle(line(columns.map((column, i) => pad(column.header, i)))),
        ...rows.map((row, r) => line(columns.map((column, i) => {
            const padded = pad(row[i] ?? '', i);
            return column.paint ? column.paint(padded, r) : padded;
        }))),
    ];
}
