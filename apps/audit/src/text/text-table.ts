import { displayWidth, padCells } from './display-width';

/**
 * Rows under a header, columns aligned by terminal cells (so Chinese
 * labels line up), two spaces apart, no trailing spaces.
 */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((title, column) =>
    Math.max(
      displayWidth(title),
      ...rows.map((row) => displayWidth(row[column] ?? '')),
    ),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => padCells(cell ?? '', widths[column]))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n') + '\n';
}
