import type { EventOf } from '../../model/events.js';
import { ExitCode } from '../../model/errors.js';
import type { Plan } from '../plan/build-plan.js';
import type { Answers } from '../../model/answers.js';
import type { Cell } from '../../model/runbook.js';
import { evaluateCriteria } from './evaluate-criteria.js';
import { runCell } from './run-cell.js';
import { emitEvent, type RunContext } from './run-context.js';

/** Options of {@link runUnattended}. */
export interface UnattendedOptions {
  /** Go on after a failed cell (default false: stop at the first failure). */
  keepGoing?: boolean;
  /** Aborting it cancels the running cell and ends the run (exit 130). */
  signal?: AbortSignal;
  /** `--answers`: what a person would answer (default: nothing answered). */
  answers?: Answers;
  /** Destructive cells allowed to run (`--allow-destructive`): each gets a `confirm` decision in the log. */
  allowDestructive?: boolean | string[];
}

/** How a run ended. */
export interface RunSummary {
  status: EventOf<'run.end'>['status'];
  exitCode: number;
  counts: EventOf<'run.end'>['counts'];
  reason: string;
}

/**
 * Runs a plan without a person: cells in order, stopping at the first failure
 * unless `keepGoing`; then the criteria of the procedures that ran. Manual steps
 * and manual criteria are left unanswered (exit 3) after everything else ran.
 */
export async function runUnattended(context: RunContext, plan: Plan, options: UnattendedOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const counts = { passed: 0, failed: 0, skipped: 0, notRun: 0 };
  const unanswered: string[] = [];
  let stopped: 'failed' | 'interrupted' | null = null;
  const answers = options.answers;
  let failedAnswers = 0;
  for (const prerequisite of context.runbook.prerequisites.filter((p) => p.procedure === null || plan.steps.some((s) => s.step.procedure === p.procedure))) {
    const answer = answers?.prerequisites[prerequisite.id];
    if (!answer) {
      unanswered.push(`${prerequisite.id} (prerequisite: "${prerequisite.text}")`);
      continue;
    }
    if (answer.result === 'fail') failedAnswers++;
    await emitEvent<EventOf<'decision'>>(context, { type: 'decision', action: 'confirm', cell: null, step: null, reason: `prerequisite ${prerequisite.id} "${prerequisite.text}": ${answer.result}${answer.note ? ` (${answer.note})` : ''}`, by: 'answers', source: null });
  }
  for (const planned of plan.steps) {
    if (stopped) {
      counts.notRun += planned.cells.length;
      continue;
    }
    const { step } = planned;
    await emitEvent<EventOf<'step.start'>>(context, { type: 'step.start', step: step.id, title: step.title, procedure: step.procedure });
    for (const { cell, reason } of planned.skipped.filter((s) => s.cell.executable)) {
      counts.skipped++;
      await emitEvent<EventOf<'decision'>>(context, { type: 'decision', action: 'skip', cell: cell.id, step: step.id, reason, by: 'policy', source: null });
    }
    if (step.kind !== 'cells') {
      const answer = answers?.steps[step.id];
      if (!answer) unanswered.push(`${step.id} (${step.kind} step: "${step.title}")`);
      else {
        if (answer.result === 'fail') failedAnswers++;
        const action = answer.result === 'skip' ? 'skip' : 'confirm';
        await emitEvent<EventOf<'decision'>>(context, { type: 'decision', action, cell: null, step: step.id, reason: `${step.kind} step "${step.title}": ${answer.result}${answer.note ? ` (${answer.note})` : ''}`, by: 'answers', source: null });
      }
    }
    let failed = false;
    for (const [index, cell] of planned.cells.entries()) {
      if (options.signal?.aborted) {
        stopped = 'interrupted';
        counts.notRun += planned.cells.length - index;
        break;
      }
      if (cell.destructive) await confirmDestructive(context, cell, options);
      const outcome = await runCell(context, cell, options.signal ? { signal: options.signal } : {});
      if (outcome.status === 'passed') {
        counts.passed++;
        continue;
      }
      counts.failed++;
      failed = true;
      if (outcome.status === 'cancelled' || options.signal?.aborted) stopped = 'interrupted';
      else if (!options.keepGoing) stopped = 'failed';
      if (stopped) {
        counts.notRun += planned.cells.length - index - 1;
        break;
      }
    }
    await emitEvent<EventOf<'step.end'>>(context, { type: 'step.end', step: step.id, status: failed ? 'failed' : planned.cells.length === 0 && step.kind === 'cells' ? 'skipped' : 'passed' });
  }
  const criteria = stopped === 'interrupted' ? { failed: 0, unanswered: [] } : await evaluateCriteria(context, plan, answers);
  unanswered.push(...criteria.unanswered);
  const summary = summarizeRun(counts, stopped, criteria.failed + failedAnswers, unanswered);
  await emitEvent<EventOf<'run.end'>>(context, { type: 'run.end', ...summary, durationMs: performance.now() - started });
  return summary;
}

/** Records who let a destructive cell run unattended: the answers file, or `--allow-destructive`. */
async function confirmDestructive(context: RunContext, cell: Cell, options: UnattendedOptions): Promise<void> {
  const names = [cell.id, ...(cell.attributes.name ? [cell.attributes.name] : [])];
  const byAnswers = options.answers?.confirm.some((id) => names.includes(id)) ?? false;
  const reasons = cell.reasons.map((r) => r.reason).join('; ');
  await emitEvent<EventOf<'decision'>>(context, {
    type: 'decision',
    action: 'confirm',
    cell: cell.id,
    step: cell.step,
    reason: `destructive (${reasons}): confirmed ${byAnswers ? 'by the answers file' : 'by --allow-destructive'}`,
    by: byAnswers ? 'answers' : 'cli',
    source: null,
  });
}

/** How a run ended, from its counts, why it stopped, failed checks and what nobody answered. */
export function summarizeRun(counts: RunSummary['counts'], stopped: 'failed' | 'interrupted' | null, failedCriteria: number, unanswered: string[]): RunSummary {
  if (stopped === 'interrupted') return { status: 'interrupted', exitCode: ExitCode.interrupted, counts, reason: 'interrupted by the operator' };
  if (counts.failed > 0 || failedCriteria > 0) {
    const parts = [counts.failed ? `${counts.failed} cell${counts.failed === 1 ? '' : 's'} failed` : '', failedCriteria ? `${failedCriteria} ${failedCriteria === 1 ? 'criterion or answer' : 'criteria or answers'} failed` : ''].filter(Boolean);
    return { status: 'failed', exitCode: ExitCode.failed, counts, reason: parts.join(', ') };
  }
  if (unanswered.length > 0) {
    return { status: 'needs-person', exitCode: ExitCode.needsPerson, counts, reason: `needs a person for: ${unanswered.join('; ')}; give a person's answers with --answers FILE` };
  }
  return { status: 'passed', exitCode: ExitCode.ok, counts, reason: describePassed(counts) };
}

/** A passed run's reason, true of its counts: it says "every cell ran" only when none was skipped or left out. */
function describePassed({ passed, skipped, notRun }: RunSummary['counts']): string {
  if (skipped === 0 && notRun === 0) return 'every cell ran and every check passed';
  const cells = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;
  const left = [skipped ? `${cells(skipped)} skipped` : '', notRun ? `${cells(notRun)} not run` : ''].filter(Boolean).join(', ');
  return `${cells(passed)} passed, ${left}; every check passed`;
}
