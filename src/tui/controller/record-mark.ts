import type { EventOf } from '../../model/events.js';
import type { RunContext } from '../../executor/index.js';
import type { MarkResult, MarkTarget, Override } from '../state/index.js';

const ACTION_OF_RESULT = { pass: 'confirm', fail: 'refuse', 'n/a': 'skip' } as const;

/**
 * Records the operator's mark: a criterion as a `criterion` event; a
 * prerequisite or a step without cells as a decision (confirm, refuse, skip)
 * whose reason reads `... : <result> (<note>)`, as an answers file records it.
 * `overrides`: what a bound check evaluated, logged with the operator's reason.
 */
export async function recordMark(context: RunContext, target: MarkTarget, result: MarkResult, note: string | null, overrides: Override | null = null): Promise<void> {
  const ts = context.now().toISOString();
  const redactedNote = note === null ? null : context.redactor.redact(note);
  const suffix = `${result}${redactedNote ? ` (${redactedNote})` : ''}`;
  if (target.kind === 'criterion') {
    await context.emit({ type: 'criterion', criterion: target.id, result, by: 'operator', evidence: null, note: redactedNote, ...(overrides ? { overrides } : {}), ts } satisfies EventOf<'criterion'>);
    return;
  }
  if (target.kind === 'prerequisite') {
    const prerequisite = context.runbook.prerequisites.find((p) => p.id === target.id);
    await context.emit({ type: 'decision', action: ACTION_OF_RESULT[result], cell: null, step: null, reason: `prerequisite ${target.id} "${prerequisite?.text ?? ''}": ${suffix}`, by: 'operator', source: null, ts });
    return;
  }
  const step = context.runbook.steps.find((s) => s.id === target.id);
  await context.emit({ type: 'decision', action: ACTION_OF_RESULT[result], cell: null, step: target.id, reason: `${step?.kind ?? 'manual'} step "${step?.title ?? ''}": ${suffix}`, by: 'operator', source: null, ts });
}
