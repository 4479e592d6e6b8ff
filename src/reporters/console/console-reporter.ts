import type { RunEvent } from '../../model/events.js';
import type { Runbook } from '../../model/runbook.js';
import { formatDurationMs } from './format-duration.js';
import { formatCount } from '../../model/format-count.js';

/** Options of {@link createConsoleReporter}. */
export interface ConsoleReporterOptions {
  write: (text: string) => void;
  runbook: Runbook;
  /** ANSI colours (default false). */
  color?: boolean;
  /** GitHub Actions: `::group::` per step and `::error file=...,line=...::` annotations (default false). */
  githubActions?: boolean;
  /** Lines of a failed cell's output shown (default 20). */
  tailLines?: number;
}

/**
 * The CI progress lines: one line per cell with its status and duration, the
 * tail of a failed cell's output and its failed expectations, criteria, and the
 * summary. A pure formatter of events; it writes through `write` only.
 */
export function createConsoleReporter(options: ConsoleReporterOptions): (event: RunEvent) => void {
  const paint = (code: number, text: string) => (options.color ? `\u001b[${code}m${text}\u001b[0m` : text);
  const { runbook } = options;
  const file = runbook.path ?? 'runbook.md';
  const cells = new Map(runbook.cells.map((cell) => [cell.id, cell]));
  const criteria = new Map(runbook.criteria.map((criterion) => [criterion.id, criterion]));
  const out = (line: string) => options.write(`${line}\n`);
  let inGroup = false;
  return (event) => {
    switch (event.type) {
      case 'run.start':
        out(`${paint(1, runbook.title)}  ${paint(2, `run ${event.runId} · ${formatCount(event.plan.length, 'cell')} · ${event.user}@${event.host}`)}`);
        break;
      case 'target.open': {
        const { target } = event;
        const what = target.kind === 'embedded' ? `embedded PostgreSQL (PGlite) in ${target.description}${target.source === 'sandbox' ? ', a fresh sandbox' : ', since no database was given (--db, DATABASE_URL, PG*)'}` : `${target.description} (from ${target.source})`;
        out(paint(2, `  SQL target "${target.name}": ${what}${target.serverVersion ? `, PostgreSQL ${target.serverVersion}` : ''}`));
        break;
      }
      case 'step.start':
        if (options.githubActions) {
          out(`::group::${event.title}`);
          inGroup = true;
        } else {
          out(paint(1, `▸ ${event.title}`));
        }
        break;
      case 'step.end':
        if (inGroup) out('::endgroup::');
        inGroup = false;
        break;
      case 'decision':
        if (event.action === 'skip') out(paint(2, `  ↷ ${event.cell ?? event.step}: skipped (${event.reason})`));
        break;
      case 'cell.end': {
        const ok = event.status === 'passed';
        const mark = ok ? paint(32, '✓') : paint(31, '✗');
        const exit = event.exitCode !== null && !ok ? ` exit ${event.exitCode}` : '';
        const status = ok ? '' : ` ${event.status}${exit}`;
        out(`  ${mark} ${event.cell}${paint(ok ? 2 : 31, status)}  ${paint(2, formatDurationMs(event.durationMs))}`);
        if (event.stopped) out(paint(2, `      ⏸ ${event.stopped.note}`));
        if (ok) break;
        const failedExpectations = event.expectations.filter((e) => !e.passed);
        for (const e of failedExpectations) out(paint(31, `      expected ${e.expected}, got ${e.actual}`));
        if (event.error) out(paint(31, `      ${event.error}`));
        const tail = event.tail.split('\n').slice(-(options.tailLines ?? 20));
        if (event.tail.trim()) for (const line of tail) out(paint(2, `      │ ${line}`));
        if (options.githubActions) {
          const cell = cells.get(event.cell);
          const message = [event.error, ...failedExpectations.map((e) => `expected ${e.expected}, got ${e.actual}`)].filter(Boolean).join('; ') || event.status;
          out(`::error file=${file},line=${cell?.line ?? 1},title=${escapeProperty(`litops: ${event.cell}`)}::${escapeData(message)}`);
        }
        break;
      }
      case 'criterion': {
        const criterion = criteria.get(event.criterion);
        const marks = { pass: paint(32, '✓'), fail: paint(31, '✗'), 'n/a': paint(2, '–'), unanswered: paint(33, '?') };
        out(`  ${marks[event.result]} criterion: ${criterion?.text ?? event.criterion}${event.evidence ? paint(2, `  (${event.evidence})`) : ''}`);
        if (event.result === 'fail' && options.githubActions) out(`::error file=${file},line=${criterion?.line ?? 1}::${escapeData(`criterion failed: ${criterion?.text ?? event.criterion}`)}`);
        break;
      }
      case 'run.notice':
        out(`${event.level === 'info' ? '' : `${event.level}: `}${event.message}`);
        break;
      case 'run.end': {
        const { counts } = event;
        const color = event.exitCode === 0 ? 32 : event.exitCode === 3 ? 33 : 31;
        out('');
        out(paint(color, `${event.status.toUpperCase()} (exit ${event.exitCode}): ${event.reason}`));
        out(paint(2, `${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped, ${counts.notRun} not run · ${formatDurationMs(event.durationMs)}`));
        break;
      }
      default:
        break;
    }
  };
}

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
