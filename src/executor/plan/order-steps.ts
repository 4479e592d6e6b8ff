import type { Step } from '../../model/runbook.js';

/**
 * Document order, except that a step runs after every step it `needs`
 * (Kahn's algorithm, always taking the earliest ready step). Steps caught in a
 * cycle (a parse error, reported by inspect) keep their document order at the end.
 */
export function orderSteps(steps: readonly Step[]): Step[] {
  const index = new Map(steps.map((step, i) => [step.id, i]));
  const waiting = new Map(steps.map((step) => [step.id, new Set(step.needs.filter((need) => index.has(need)))]));
  const done = new Set<string>();
  const ordered: Step[] = [];
  while (ordered.length < steps.length) {
    const ready = steps.find((step) => !done.has(step.id) && [...waiting.get(step.id)!].every((need) => done.has(need)));
    if (!ready) {
      ordered.push(...steps.filter((step) => !done.has(step.id)));
      break;
    }
    done.add(ready.id);
    ordered.push(ready);
  }
  return ordered;
}
