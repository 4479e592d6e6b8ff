import type { AttemptRecord, CellRecord } from '../run-record/index.js';
import type { JunitCase } from './junit-model.js';

/** The last lines of output kept in a failure's body. */
const TAIL_LINES = 40;

/**
 * A cell as a testcase. failed and timed-out: `<failure>` (the expectation
 * that failed, or the exit code); error, cancelled and a cut-off attempt:
 * `<error>`; skipped and not run: `<skipped>`. Time: all attempts added up.
 */
export function buildCellCase(record: CellRecord, classname: string): JunitCase {
  // Whole milliseconds, so that the totals of a suite are the sum of what its testcases say.
  const time = Math.round(record.attempts.reduce((sum, attempt) => sum + (attempt.end?.durationMs ?? 0), 0)) / 1000;
  const base = { classname, name: record.id, time, systemOut: null };
  const last = record.attempts.at(-1);
  if (record.status === 'skipped') return { ...base, outcome: { kind: 'skipped', message: record.decisions.findLast((d) => d.action === 'skip')?.reason ?? 'skipped' } };
  if (record.status === 'not-run' || !last) return { ...base, outcome: { kind: 'skipped', message: 'not run: the run ended before it' } };
  // A blocking cell ended on purpose passed; the note says how it ended.
  if (record.status === 'passed') return { ...base, systemOut: last.end?.stopped?.note ?? null, outcome: null };
  const kind = record.status === 'failed' || record.status === 'timed-out' ? 'failure' : 'error';
  return { ...base, outcome: { kind, message: describeFailure(last), type: last.end ? last.end.status : 'interrupted', body: formatFailureBody(record, last) } };
}

/** One line: the first failed expectation with what was expected and what was seen, else the tool's reason. */
function describeFailure({ end }: AttemptRecord): string {
  if (!end) return 'the attempt never ended (the run was interrupted or crashed)';
  const failed = end.expectations.find((expectation) => !expectation.passed);
  if (end.status === 'timed-out') return `timed out after ${(end.durationMs / 1000).toFixed(1)}s`;
  if (failed) return `expected ${failed.expected}, actual ${failed.actual}`;
  if (end.error) return end.error;
  return `${end.status}${end.exitCode === null ? '' : ` (exit ${end.exitCode})`}${end.signal ? ` (signal ${end.signal})` : ''}`;
}

function formatFailureBody(record: CellRecord, last: AttemptRecord): string {
  const where = record.cell ? `, runbook line ${record.cell.line}` : '';
  const attempts = record.attempts.length > 1 ? `, ${record.attempts.length} attempts` : '';
  const lines = [`cell ${record.id}${where}${attempts}${last.edited ? ', source edited by the operator' : ''}`, `output: out/${last.attempt}.stdout, out/${last.attempt}.stderr`];
  for (const expectation of last.end?.expectations ?? []) lines.push(`${expectation.passed ? 'ok  ' : 'FAIL'} ${expectation.expected} (actual ${expectation.actual})`);
  if (last.end?.error) lines.push(`error: ${last.end.error}`);
  const tail = (last.end?.tail ?? getTail(`${last.stdout}${last.stderr}`)).split('\n').slice(-TAIL_LINES).join('\n');
  if (tail.trim()) lines.push('', '--- output (tail) ---', tail.replace(/\n$/, ''));
  return lines.join('\n');
}

function getTail(text: string): string {
  return text.slice(-4096);
}
