import { createHash } from 'node:crypto';
import type { CellStatus, CellStop, EventOf, SqlStatementResult } from '../../model/events.js';
import { formatDuration } from '../../model/duration.js';
import type { ExpectationActual } from '../../model/expectation.js';
import { LitopsError } from '../../model/errors.js';
import type { Cell } from '../../model/runbook.js';
import { extractLastNumber, isSecretName } from '../../parser/index.js';
import { resolveTarget } from '../sql/index.js';
import { redactValue } from '../secrets/index.js';
import { evaluateCellExpectations } from './evaluate-cell.js';
import { formatSqlResult } from './format-sql-result.js';
import { createOutputCapture, type OutputCapture } from './output-capture.js';
import { applyCapture } from './apply-capture.js';
import { getCellTimeout } from './resolve-run-timeout.js';
import { followStop, TERMINAL_STOP_GRACE_MS } from './follow-stop.js';
import { emitEvent, type CellOutcome, type RunContext } from './run-context.js';

/** Options of {@link runCell}. */
export interface RunCellOptions {
  /** The operator's edited source (default: the runbook's). */
  source?: string;
  /** Cancels the cell: its process group, or its query on the server. */
  signal?: AbortSignal;
  /**
   * Ends a blocking cell on purpose (the operator's Ctrl-C in the terminal UI): like
   * `signal`, but the cell counts as done, not cancelled (a cell that is not blocking
   * is cancelled by it). A cell on the terminal already had the terminal's SIGINT: it
   * gets 2 s to end by it before its process tree is ended.
   */
  stop?: AbortSignal;
  /** Give a shell cell the real terminal, as an `interactive` cell has it (default: only `interactive` cells). */
  terminal?: boolean;
}

interface Streams {
  stdout: OutputCapture;
  stderr: OutputCapture;
}

const TAIL_LINES = 20;
const MAX_CAPTURE = 1024 * 1024;

/**
 * Runs one attempt of a shell or SQL cell and emits `cell.start`, its output,
 * its SQL results and `cell.end`. The cell's own failure is a returned outcome;
 * only the tool's faults throw.
 */
export async function runCell(context: RunContext, cell: Cell, options: RunCellOptions = {}): Promise<CellOutcome> {
  if (!cell.executable || (cell.lang !== 'shell' && cell.lang !== 'sql')) throw new LitopsError('not-executable', `${cell.id} is a ${cell.lang} block, not a cell that runs`);
  const attempt = ++context.attempts;
  // Per cell, after its latest outcome (a resume restores those from the log).
  const cellAttempt = (context.results.get(cell.id)?.cellAttempt ?? 0) + 1;
  const source = options.source ?? cell.source;
  const edited = options.source !== undefined && options.source !== cell.source;
  await emitEvent<EventOf<'cell.start'>>(context, {
    type: 'cell.start',
    attempt,
    cellAttempt,
    cell: cell.id,
    step: cell.step,
    lang: cell.lang,
    target: cell.lang === 'shell' ? 'shell' : (cell.attributes.connection ?? 'default'),
    source: context.redactor.redact(source),
    sha256: sha256(source),
    originalSha256: edited ? sha256(cell.source) : null,
    cwd: cell.attributes.cwd ?? null,
  });
  const needles = cell.expectations.filter((e) => e.op.endsWith('contains') && e.value.kind === 'string').map((e) => (e.value as { value: string }).value);
  const streams: Streams = { stdout: createOutputCapture({ needles }), stderr: createOutputCapture({ needles }) };
  const redacting = { stdout: context.redactor.createStream(), stderr: context.redactor.createStream() };
  const write = async (stream: 'stdout' | 'stderr', text: string): Promise<void> => {
    if (!text) return;
    streams[stream].append(text);
    await emitEvent<EventOf<'cell.output'>>(context, { type: 'cell.output', attempt, cell: cell.id, stream, data: text });
  };
  // A capture keeps the raw stdout (bounded): the value must work in later cells even when it holds a secret.
  let raw = '';
  const keepRaw = cell.attributes.capture !== undefined && cell.lang === 'shell';
  const push = (stream: 'stdout' | 'stderr', chunk: string) => {
    if (keepRaw && stream === 'stdout' && raw.length < MAX_CAPTURE) raw += chunk;
    return write(stream, redacting[stream].push(chunk));
  };
  const timeoutMs = getCellTimeout(cell, context.timeout);
  const started = performance.now();
  const terminal = cell.lang === 'shell' && (cell.attributes.interactive === true || options.terminal === true);
  const ending = followStop(options.signal, options.stop, terminal ? TERMINAL_STOP_GRACE_MS : 0);
  const ran = await (cell.lang === 'shell'
    ? runShell(context, cell, source, { timeoutMs, terminal }, push, ending.signal)
    : runSql(context, cell, attempt, source, timeoutMs, push, ending.signal)
  ).finally(ending.release);
  const timedOut = ran.status === 'timed-out';
  const stopped = getStop(cell, { timedOut, timeoutMs, stoppedByOperator: options.stop?.aborted === true && options.signal?.aborted !== true });
  // A blocking cell ended on purpose has done what it is for: its end is not a failure.
  const run: RawRun = stopped ? { ...ran, status: 'passed', error: null } : ran;
  await write('stdout', redacting.stdout.flush());
  await write('stderr', redacting.stderr.flush());
  const durationMs = run.durationMs ?? performance.now() - started;
  const stdout = streams.stdout.text();
  const stderr = streams.stderr.text();
  const actual: ExpectationActual = {
    exitCode: run.exitCode,
    stdout,
    stderr,
    output: `${stdout}${stdout && stderr ? '\n' : ''}${stderr}`,
    value: cell.lang === 'shell' ? extractLastNumber(stdout) : run.value,
    rows: run.rows ?? undefined,
    durationMs,
  };
  // Checks describe a finished run: a cancelled, timed-out or unrunnable attempt has no exit code to judge, and its error says why.
  const finished = run.status === 'passed' || run.status === 'failed';
  const expectations = finished ? evaluateCellExpectations(cell, actual, streams, { implicitExit: stopped === null }) : [];
  const status: CellStatus = run.status !== 'passed' ? run.status : expectations.every((e) => e.passed) ? 'passed' : 'failed';
  const capture = status === 'passed' ? applyCapture(context, cell, run.captureValue ?? raw.trim()) : null;
  const tail = [stdout, stderr].filter(Boolean).join('\n').split('\n').slice(-TAIL_LINES).join('\n');
  const outcome: CellOutcome = { cell, attempt, cellAttempt, status, exitCode: run.exitCode, signal: run.signal, durationMs, expectations, error: run.error, timedOut, stopped, actual, tail };
  await emitEvent<EventOf<'cell.end'>>(context, {
    type: 'cell.end',
    attempt,
    cell: cell.id,
    status,
    exitCode: run.exitCode,
    signal: run.signal,
    durationMs,
    expectations,
    error: run.error === null ? null : context.redactor.redact(run.error),
    timedOut,
    stopped,
    capture,
    stdout: { bytes: streams.stdout.bytes(), sha256: streams.stdout.sha256() },
    stderr: { bytes: streams.stderr.bytes(), sha256: streams.stderr.sha256() },
    tail,
    session: cell.lang === 'shell' ? snapshotSession(context) : null,
  });
  context.results.set(cell.id, outcome);
  return outcome;
}

/** What either kind of cell reports before expectations are applied. */
interface RawRun {
  status: CellStatus;
  exitCode: number | null;
  signal: string | null;
  error: string | null;
  durationMs: number | null;
  value: string | number | null;
  rows: number | null;
  captureValue: string | null;
}

type Push = (stream: 'stdout' | 'stderr', chunk: string) => Promise<void>;

/** How a blocking cell was ended on purpose, or null when it was not (or the cell is not blocking). */
function getStop(cell: Cell, end: { timedOut: boolean; timeoutMs: number | null; stoppedByOperator: boolean }): CellStop | null {
  if (!cell.blocking) return null;
  const what = `blocking (${cell.blockingReasons.map((r) => r.reason).join('; ') || 'marked blocking'})`;
  if (end.timedOut) return { by: 'timeout', note: `${what}: ended by its ${formatDuration(end.timeoutMs ?? 0)} timeout, which bounds it; counted as done` };
  if (end.stoppedByOperator) return { by: 'operator', note: `${what}: ended by the operator (Ctrl-C); counted as done` };
  return null;
}

async function runShell(context: RunContext, cell: Cell, source: string, how: { timeoutMs: number | null; terminal: boolean }, push: Push, signal?: AbortSignal): Promise<RawRun> {
  const { timeoutMs } = how;
  const result = await context.shell.run(
    { id: cell.id, line: cell.sourceLine, source, interactive: how.terminal, timeoutMs, cwd: cell.attributes.cwd ?? null, env: { LITOPS_RUN_ID: context.runId, ...context.captures } },
    { onOutput: push, ...(signal ? { signal } : {}) },
  );
  const status: CellStatus = result.cancelled ? 'cancelled' : result.timedOut ? 'timed-out' : result.error ? 'error' : 'passed';
  const error = result.timedOut ? `timed out after ${timeoutMs} ms; its process group was ended` : result.cancelled ? 'cancelled by the operator' : result.error;
  return { status, exitCode: result.exitCode, signal: result.signal, error, durationMs: result.durationMs, value: null, rows: null, captureValue: null };
}

async function runSql(context: RunContext, cell: Cell, attempt: number, source: string, timeoutMs: number | null, push: Push, signal?: AbortSignal): Promise<RawRun> {
  let target;
  try {
    target = resolveTarget(cell.attributes.connection ?? null, context.targets);
  } catch (error) {
    return { status: 'error', exitCode: null, signal: null, error: error instanceof Error ? error.message : String(error), durationMs: 0, value: null, rows: null, captureValue: null };
  }
  const variables = { ...context.values, ...context.shell.variables(), ...context.captures };
  const readonly = cell.attributes.readonly ?? context.runbook.frontMatter.readonly ?? false;
  const result = await context.sql.run(target, { id: cell.id, source, readonly, timeoutMs, variables }, {
    onStatement: async (raw: SqlStatementResult) => {
      const statement = redactValue(raw, context.redactor) as SqlStatementResult;
      await emitEvent<EventOf<'sql.statement'>>(context, { type: 'sql.statement', attempt, cell: cell.id, result: statement });
      for (const notice of statement.notices) await push('stderr', `${notice.severity}:  ${notice.message}\n`);
      if (statement.error) await push('stderr', `ERROR:  ${statement.error.message}\n`);
      await push('stdout', formatSqlResult(statement));
    },
    ...(signal ? { signal } : {}),
  });
  const status: CellStatus = result.status;
  return { status, exitCode: null, signal: null, error: result.error, durationMs: result.durationMs, value: result.value, rows: result.rowCount, captureValue: result.value };
}

const MAX_VARIABLE_LENGTH = 4096;

/** What resume needs of the shell session, without anything secret. */
function snapshotSession(context: RunContext): { cwd: string; variables: Record<string, string>; exported: string[] } {
  const variables: Record<string, string> = {};
  for (const [name, value] of Object.entries(context.shell.variables())) {
    if (isSecretName(name) || value.length > MAX_VARIABLE_LENGTH || context.redactor.redact(value) !== value) continue;
    variables[name] = value;
  }
  const exported = context.shell.exportedNames().filter((name) => name in variables);
  return { cwd: context.shell.cwd(), variables, exported };
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
