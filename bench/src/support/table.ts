import type { Figure } from './stats';

/** `median (min–max)` with a sensible number of digits. */
export function formatFigure(f: Figure | undefined, digits?: number): string {
  if (!f || !Number.isFinite(f.median)) return 'n/a';
  const d =
    digits ??
    (Math.abs(f.median) >= 100 ? 0 : Math.abs(f.median) >= 10 ? 1 : 2);
  const n = (v: number) =>
    v.toLocaleString('en-US', {
      minimumFractionDigits: d,
      maximumFractionDigits: d,
    });
  if (f.runs.length <= 1 || f.min === f.max) return n(f.median);
  return `${n(f.median)} (${n(f.min)}–${n(f.max)})`;
}

/** A Markdown table (also readable as plain text). */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [
    line(header),
    `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`,
    ...rows.map(line),
  ].join('\n');
}
