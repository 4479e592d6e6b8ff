import { formatSummary, formatValue } from './stats.mjs';

function formatTarget(target) {
  return target.text;
}

function formatCell(side, unit) {
  if (!side) return '—';
  return `${side.label}: ${formatSummary(side, unit)}`;
}

function formatRow(row) {
  if (row.error) return [row.figure, `not measured: ${row.error}`, '—', '—', formatTarget(row.target), '✗'];
  const ratio = row.ratio === null ? '—' : `${row.ratio.toFixed(2)}x`;
  const litops = row.target.kind === 'max-value' ? `${formatValue(row.litops.median, row.unit)} (max ${formatValue(row.litops.max, row.unit)}, n=${row.litops.runs})` : formatSummary(row.litops, row.unit);
  return [row.figure, litops, formatCell(row.anchor, row.unit), ratio, formatTarget(row.target), row.met ? '✓' : '✗'];
}

/** The results as one Markdown table: figure, litops, its anchor, the ratio, the target, met. */
export function formatTable(rows) {
  const header = ['figure', 'litops (median, min–max, runs)', 'anchor', 'ratio', 'target', 'met'];
  const lines = [header, header.map(() => '---'), ...rows.map(formatRow)];
  return lines.map((cells) => `| ${cells.map((cell) => String(cell).replaceAll('|', '\\|')).join(' | ')} |`).join('\n');
}
