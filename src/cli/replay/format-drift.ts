import { formatCount } from '../../model/format-count.js';
import { createStyle } from '../style.js';
import type { DriftReport, DriftRow } from './compute-drift.js';

/** One side of a replay: which run, and how it ended (`run.end` status, or `incomplete`). */
export interface RunSide {
  runId: string;
  runDir: string;
  status: string;
}

/** What the drift table and JSON describe. */
export interface DriftSummary {
  original: RunSide & { sha256OfEvents: string };
  replay: RunSide;
  report: DriftReport;
  ignoreOutput: boolean;
  exitCode: number;
}

const WHAT: Record<DriftRow['kind'], string> = { status: 'status', 'exit-code': 'exit code', expectation: 'expect', criterion: 'criterion', stdout: 'stdout sha256', stderr: 'stderr sha256' };

/** The drift table: cell, what drifted, before → after; then the verdict and the exit code. */
export function formatDriftTable(summary: DriftSummary, color = false): string {
  const style = createStyle(color);
  const { report } = summary;
  const lines = [`Replay of ${summary.original.runId}: ${summary.original.status} → ${summary.replay.status}; ${formatCount(report.compared.cells, 'cell')} and ${formatCount(report.compared.criteria, 'criterion', 'criteria')} compared${summary.ignoreOutput ? ', outputs ignored' : ''}`];
  if (report.manualCriteria.length) lines.push(style.dim(`  not compared (decided by a person, not reproducible unattended): ${report.manualCriteria.join(', ')}`));
  if (report.rows.length) {
    const table = report.rows.map((row) => [row.id, describeWhat(row), `${formatValue(row, 'before')} → ${formatValue(row, 'after')}`] as const);
    const widths = [0, 1].map((column) => Math.max(column === 0 ? 4 : 12, ...table.map((cells) => cells[column]!.length)));
    const line = (cells: readonly string[]) => `  ${cells[0]!.padEnd(widths[0]!)}  ${cells[1]!.padEnd(widths[1]!)}  ${cells[2]}`.trimEnd();
    lines.push('', style.bold(line(['cell', 'what drifted', 'before → after'])), ...table.map(line));
  }
  lines.push('', verdict(summary));
  return `${lines.join('\n')}\n`;
}

/** The same as JSON (stable keys; full sha256 digests). */
export function buildDriftJson(summary: DriftSummary): Record<string, unknown> {
  const { report } = summary;
  return {
    original: summary.original,
    replay: summary.replay,
    exitCode: summary.exitCode,
    drift: report.drift,
    outputDrift: report.outputDrift,
    ignoreOutput: summary.ignoreOutput,
    compared: report.compared,
    manualCriteria: report.manualCriteria,
    rows: report.rows,
  };
}

function verdict({ report, exitCode }: DriftSummary): string {
  const failing = report.rows.filter((row) => row.failing).length;
  const output = report.rows.length - failing;
  const outputNote = output ? `${formatCount(output, 'output digest')} changed (reported; output alone never fails a replay, --ignore-output leaves it out)` : '';
  if (exitCode === 130) return 'INTERRUPTED (exit 130): the replay did not finish; the drift above covers what ran';
  if (report.drift) return `DRIFT (exit 1): ${formatCount(failing, 'change')} in statuses, exit codes, expectations or criteria${output ? `; ${outputNote}` : ''}`;
  if (output) return `NO DRIFT in statuses, exit codes, expectations or criteria (exit 0); ${outputNote}`;
  return 'NO DRIFT (exit 0): every cell and check behaved as recorded';
}

function describeWhat(row: DriftRow): string {
  return row.detail === null ? WHAT[row.kind] : `${WHAT[row.kind]} ${row.detail}`;
}

function formatValue(row: DriftRow, side: 'before' | 'after'): string {
  const value = row[side];
  if (value === null) return '—';
  if (row.bytes) return `${String(value).slice(0, 12)} (${row.bytes[side]} B)`;
  return String(value);
}
