import { buildPlan, createRun, createRunId, emitRunStart, getCellTimeout, runCell, type CreatedRun, type RunContext, type Selection } from '../../executor/index.js';
import type { EventOf, RunEvent } from '../../model/events.js';
import type { Runbook } from '../../model/runbook.js';
import { evaluateExpectation } from '../../parser/index.js';
import { formatVerifyReport, verifyRunDir } from '../../journal/index.js';
import { buildOutlineRows, type Effect, type OutlineRow } from '../state/index.js';
import type { TuiStore } from './create-tui-store.js';
import { createOutputThrottle } from './create-output-throttle.js';
import { checkEditedSource } from './check-edited-source.js';
import { describeHandover } from './describe-handover.js';
import { abortRun, finishRun } from './finish-run.js';
import { findUserEditor } from './find-user-editor.js';
import { openExternalEditor } from './open-external-editor.js';
import { recordMark } from './record-mark.js';
import type { TuiRunHooks, TuiRunLog } from './tui-run-hooks.js';

/** Options of {@link createTuiController}. */
export interface TuiControllerOptions {
  runbook: Runbook;
  runbookDir: string;
  /** Resolved inputs (prompted ones are added when the run starts). */
  values: Record<string, string>;
  inputSources: Record<string, string>;
  /** `--only`/`--from`/`--to`/`--tag`. */
  selection: Selection;
  db: string | null;
  sandbox: boolean;
  env: Record<string, string | undefined>;
  dataDir: string;
  timeoutMs: number | null;
  hooks: TuiRunHooks;
  /** Resume: reopen a run on `start` instead of making one (default: a new run). */
  resume?: TuiResume;
}

/** How to reopen an interrupted run. */
export interface TuiResume {
  runId: string;
  /** The outline of the original run (its selection, rebuilt). */
  rows: OutlineRow[];
  /** The events already in its log, shown as they were (statuses, decisions, marks). */
  logged: RunEvent[];
  /** Opens the same log for appending. */
  openLog(): Promise<TuiRunLog>;
  /** Restores the shell session and captures, and records a cut-off cell as retried. */
  restore(context: RunContext): Promise<void>;
}

/** Carries out the effects the reducer asks for, against the executor and the signed log. */
export interface TuiController {
  handle(effects: Effect[]): void;
  /** Settles with the exit code when the operator leaves. */
  done: Promise<number>;
  /** Ends whatever runs and signs the log as interrupted (the process is going away). */
  shutdown(): Promise<void>;
  /** Settles `done` with this exit code (after a shutdown). */
  stop(code: number): void;
}

export function createTuiController(store: TuiStore, options: TuiControllerOptions): TuiController {
  const { runbook, hooks } = options;
  let created: CreatedRun | null = null;
  let log: TuiRunLog | null = null;
  let cellAbort: AbortController | null = null;
  /** Ends the running blocking cell on purpose (Ctrl-C): done, not cancelled. */
  let cellStop: AbortController | null = null;
  let ended = false;
  /** Set by quit: nothing new starts after it. */
  let stopping = false;
  const started = performance.now();
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  const throttle = createOutputThrottle((action) => store.dispatch(action));
  let queue: Promise<void> = Promise.resolve();

  const sink = async (event: RunEvent) => {
    if (event.type === 'cell.output') throttle.push(event);
    else {
      throttle.flush();
      store.dispatch({ type: 'event', event });
    }
    await log!.write(event);
  };
  const context = (): RunContext => created!.context;
  const fail = (error: unknown) => store.dispatch({ type: 'notice', level: 'error', message: error instanceof Error ? error.message : String(error) });

  const openRun = (runId: string, values: Record<string, string>) =>
    createRun({ runbook, runbookDir: options.runbookDir, runId, values: { ...options.values, ...values }, db: options.db, sandbox: options.sandbox, env: options.env, dataDir: options.dataDir, timeoutMs: options.timeoutMs, mode: 'interactive', emit: sink });

  async function reopen(resume: TuiResume, values: Record<string, string>): Promise<void> {
    log = await resume.openLog();
    created = await openRun(resume.runId, values);
    store.dispatch({ type: 'started', runId: resume.runId, runDir: log.runDir, rows: resume.rows });
    // A run that ended interrupted or waiting for a person continues: its old run.end is history, not the ending.
    for (const event of resume.logged) if (event.type !== 'run.end') store.dispatch({ type: 'event', event });
    // Each cell's last end, found in one pass (a long run has tens of thousands of cells).
    const ends = new Map<string, EventOf<'cell.end'>>();
    for (const event of resume.logged) if (event.type === 'cell.end') ends.set(event.cell, event);
    for (const [cellId, view] of Object.entries(store.getState().cells)) {
      const end = ends.get(cellId);
      if (end?.tail && view.attempt === end.attempt) store.dispatch({ type: 'output', cellId, attempt: end.attempt, chunks: [{ stream: 'stdout', data: `${end.tail}\n` }] });
    }
    await resume.restore(created.context);
    store.dispatch({ type: 'resumed' });
  }

  async function start(effect: Extract<Effect, { kind: 'start' }>): Promise<void> {
    if (options.resume) return reopen(options.resume, effect.values);
    const selection = effect.procedure ? { ...options.selection, only: [effect.procedure] } : options.selection;
    const plan = buildPlan(runbook, selection);
    const rows = buildOutlineRows(runbook, plan);
    const runId = createRunId(runbook.title, new Date());
    log = await hooks.createLog(runId);
    created = await openRun(runId, effect.values);
    const prompted = Object.fromEntries(Object.keys(effect.values).map((name) => [name, 'prompt']));
    const recorded = effect.procedure ? { ...hooks.options, only: [effect.procedure] } : hooks.options;
    const planned = rows.filter((row) => !row.optional && row.cellId).map((row) => row.cellId!);
    await emitRunStart(context(), { options: recorded, inputSources: { ...options.inputSources, ...prompted }, mode: 'interactive', plan: { ...plan, cells: plan.cells.filter((cell) => planned.includes(cell.id)) }, toolVersion: hooks.toolVersion });
    store.dispatch({ type: 'started', runId, runDir: log.runDir, rows });
    for (const note of plan.notes) await sink({ type: 'run.notice', level: 'warning', message: note, ts: new Date().toISOString() });
  }

  async function runOne(effect: Extract<Effect, { kind: 'run-cell' }>): Promise<void> {
    const cell = runbook.cells.find((c) => c.id === effect.cellId)!;
    const ctx = context();
    const ts = () => ctx.now().toISOString();
    cellAbort = new AbortController();
    cellStop = new AbortController();
    const abort = cellAbort;
    const stop = cellStop;
    const source = effect.source ?? undefined;
    const reason = effect.action === 'edit' ? 'edited by the operator, then run' : effect.action === 'retry' ? `retry (was ${store.getState().cells[cell.id]?.end?.status ?? 'not run'})` : 'run by the operator';
    if (effect.action === 'edit') await ctx.emit({ type: 'decision', action: 'edit', cell: cell.id, step: cell.step, reason, by: 'operator', source: ctx.redactor.redact(effect.source ?? cell.source), ts: ts() });
    else await ctx.emit({ type: 'decision', action: effect.action, cell: cell.id, step: cell.step, reason, by: 'operator', source: null, ts: ts() });
    if (effect.confirmedDestructive) {
      const reasons = cell.reasons.map((r) => r.reason).join('; ') || 'edited source';
      await ctx.emit({ type: 'decision', action: 'confirm', cell: cell.id, step: cell.step, reason: `destructive (${reasons}): confirmed by typing its name`, by: 'operator', source: null, ts: ts() });
    }
    // A block that only looks like shell or SQL runs as what it looks like, because the operator chose to.
    const runnable = cell.executable ? cell : { ...cell, lang: cell.guess ?? cell.lang, executable: true };
    // A blocking cell (`tail -f`, `watch`) gets the real terminal, as an interactive one does, after saying how to leave it.
    const blocking = cell.blocking && runnable.lang === 'shell';
    const attempt = () => runCell(ctx, runnable, { signal: abort.signal, ...(blocking ? { stop: stop.signal, terminal: true } : {}), ...(source !== undefined ? { source } : {}) });
    const running = blocking ? hooks.suspend(attempt, { banner: describeHandover(cell, getCellTimeout(cell, ctx.timeout)) }) : cell.attributes.interactive ? hooks.suspend(attempt) : attempt();
    const outcome = await running.finally(() => {
      cellAbort = null;
      cellStop = null;
    });
    for (const criterion of runbook.criteria.filter((c) => c.expectation?.cell === cell.id)) {
      const result = evaluateExpectation(criterion.expectation!, outcome.actual);
      store.dispatch({ type: 'check', criterion: criterion.id, passed: result.passed, evidence: ctx.redactor.redact(`${criterion.check}: actual ${result.actual}`) });
    }
  }

  async function edit(effect: Extract<Effect, { kind: 'open-editor' | 'check-edit' }>): Promise<void> {
    const cell = runbook.cells.find((c) => c.id === effect.cellId)!;
    const editor = effect.kind === 'open-editor' ? findUserEditor(options.env) : null;
    if (editor && editor.command === null) {
      store.dispatch({ type: 'edit-closed', message: editor.reason });
      return;
    }
    const command = editor?.command;
    const source = command ? await hooks.suspend(() => openExternalEditor(command, effect.source, cell, options.env)) : effect.source;
    if (source === null || source === (store.getState().cells[cell.id]?.edited ?? cell.source)) {
      store.dispatch({ type: 'edit-closed', message: source === null ? 'the editor failed; nothing changed' : 'no change; nothing to run' });
      return;
    }
    store.dispatch({ type: 'edited', cellId: cell.id, source, reasons: await checkEditedSource(cell, source) });
  }

  async function end(effect: Extract<Effect, { kind: 'finish' | 'abort' }>): Promise<void> {
    if (effect.kind === 'abort') {
      await abortRun(context(), store.getState(), effect.reason, started);
    } else await finishRun(context(), store.getState(), started);
    ended = true;
    throttle.close();
    await log!.finish(true);
    await created!.close();
    const report = await verifyRunDir(log!.runDir);
    store.dispatch({ type: 'verified', ok: report.status === 'valid' || report.status === 'unsigned', summary: formatVerifyReport(report).split('\n')[0]! });
  }

  async function quit(): Promise<void> {
    stopping = true;
    cellAbort?.abort();
    // Whatever was already under way ends (a cancelled cell ends quickly) before the log is signed.
    await queue;
    await shutdown();
    resolveDone(130);
  }

  async function shutdown(): Promise<void> {
    throttle.close();
    if (log && !ended) {
      ended = true;
      await log.finish(false);
    }
    await created?.close();
    created = null;
  }

  async function perform(effect: Effect): Promise<void> {
    if (stopping && effect.kind !== 'quit' && effect.kind !== 'exit' && effect.kind !== 'cancel-cell' && effect.kind !== 'stop-cell') return;
    switch (effect.kind) {
      case 'start':
        return start(effect);
      case 'run-cell':
        return runOne(effect);
      case 'skip': {
        const ctx = context();
        const step = runbook.steps.find((s) => s.id === effect.stepId);
        const reason = effect.cellId ? effect.reason : `${step?.kind ?? 'manual'} step "${step?.title ?? ''}": n/a (${effect.reason})`;
        await ctx.emit({ type: 'decision', action: 'skip', cell: effect.cellId, step: effect.stepId, reason: ctx.redactor.redact(reason), by: 'operator', source: null, ts: ctx.now().toISOString() });
        return;
      }
      case 'mark':
        return recordMark(context(), effect.target, effect.result, effect.note, effect.overrides);
      case 'open-editor':
      case 'check-edit':
        return edit(effect);
      case 'cancel-cell':
        cellAbort?.abort();
        return;
      case 'stop-cell':
        cellStop?.abort();
        return;
      case 'abort':
      case 'finish':
        return end(effect);
      case 'quit':
        return quit();
      case 'exit':
        await shutdown();
        resolveDone(store.getState().ending?.run.exitCode ?? 130);
        return;
    }
  }

  return {
    done,
    shutdown: async () => {
      stopping = true;
      cellAbort?.abort();
      // A cancelled cell ends within its kill grace; do not wait for ever on a stuck one.
      await Promise.race([queue, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
      await shutdown();
    },
    stop: (code) => resolveDone(code),
    handle(effects) {
      for (const effect of effects) {
        // Cancelling must not wait behind the cell it cancels.
        if (effect.kind === 'cancel-cell' || effect.kind === 'stop-cell' || effect.kind === 'quit') void perform(effect).catch(fail);
        else if (effect.kind === 'abort') {
          cellAbort?.abort();
          queue = queue.then(() => perform(effect)).catch(fail);
        }
        else queue = queue.then(() => perform(effect)).catch(fail);
      }
    },
  };
}
