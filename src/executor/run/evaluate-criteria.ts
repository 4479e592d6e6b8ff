import type { EventOf } from '../../model/events.js';
import { evaluateExpectation } from '../../parser/index.js';
import type { Plan } from '../plan/build-plan.js';
import type { Answers } from '../../model/answers.js';
import { emitEvent, type RunContext } from './run-context.js';

/**
 * The criteria of the procedures the plan ran (and, on resume, those whose cells
 * ran before): a bound check is evaluated on its cell's latest outcome in the
 * whole run (`context.results`, which a resume fills from the log); a check whose cell did not run, and a manual criterion,
 * is unanswered (a person, or an answers file, must say).
 */
export async function evaluateCriteria(context: RunContext, plan: Plan, answers?: Answers): Promise<{ failed: number; unanswered: string[] }> {
  const procedures = new Set(plan.steps.filter((s) => s.cells.length > 0 || s.step.kind !== 'cells').map((s) => s.step.procedure));
  // A resumed run also answers for the procedures whose cells ran before it stopped.
  for (const outcome of context.results.values()) {
    const procedure = context.runbook.steps.find((step) => step.id === outcome.cell.step)?.procedure;
    if (procedure !== undefined) procedures.add(procedure);
  }
  let failed = 0;
  const unanswered: string[] = [];
  for (const criterion of context.runbook.criteria.filter((c) => c.procedure !== null && procedures.has(c.procedure))) {
    const outcome = criterion.expectation?.cell ? context.results.get(criterion.expectation.cell) : undefined;
    const answer = answers?.criteria[criterion.id];
    if (answer && (!criterion.expectation || !outcome)) {
      if (answer.result === 'fail') failed++;
      await emitEvent<EventOf<'criterion'>>(context, { type: 'criterion', criterion: criterion.id, result: answer.result, by: 'answers', evidence: null, note: answer.note });
      continue;
    }
    if (!criterion.expectation || !outcome) {
      unanswered.push(`${criterion.id} (criterion: "${criterion.text}")`);
      await emitEvent<EventOf<'criterion'>>(context, { type: 'criterion', criterion: criterion.id, result: 'unanswered', by: criterion.expectation ? 'check' : 'operator', evidence: criterion.expectation ? `its cell ${criterion.expectation.cell} did not run` : null, note: null });
      continue;
    }
    const result = evaluateExpectation(criterion.expectation, outcome.actual);
    if (!result.passed) failed++;
    await emitEvent<EventOf<'criterion'>>(context, {
      type: 'criterion',
      criterion: criterion.id,
      result: result.passed ? 'pass' : 'fail',
      by: 'check',
      evidence: context.redactor.redact(`${criterion.check}: actual ${result.actual}`),
      note: null,
    });
  }
  return { failed, unanswered };
}
