import type { CriterionRecord } from '../run-record/index.js';
import type { JunitCase } from './junit-model.js';

/**
 * A criterion as a testcase named `criterion <id>`: pass passes, fail is a
 * `<failure>` (the check's evidence), n/a, unanswered and not evaluated are `<skipped>`.
 */
export function buildCriterionCase({ id, criterion, event }: CriterionRecord, classname: string): JunitCase {
  const about = [criterion?.text, criterion?.check ? `check: ${criterion.check}` : null, event?.evidence ? `evidence: ${event.evidence}` : null].filter((line) => line);
  const base = { classname, name: `criterion ${id}`, time: 0, systemOut: about.length ? about.join('\n') : null };
  if (!event) return { ...base, outcome: { kind: 'skipped', message: 'not evaluated: its procedure did not run to the end' } };
  const by = `by ${event.by}${event.note ? `: ${event.note}` : ''}`;
  switch (event.result) {
    case 'pass':
      return { ...base, outcome: null };
    case 'fail': {
      const message = event.evidence ?? `failed (${by})`;
      const body = [criterion ? `${criterion.text} (runbook line ${criterion.line})` : id, criterion?.check ? `check: ${criterion.check}` : 'manual criterion', `result: fail, ${by}`, ...(event.evidence ? [`evidence: ${event.evidence}`] : [])].join('\n');
      return { ...base, outcome: { kind: 'failure', message, type: 'criterion', body } };
    }
    case 'n/a':
      return { ...base, outcome: { kind: 'skipped', message: `n/a (${by})` } };
    case 'unanswered':
      return { ...base, outcome: { kind: 'skipped', message: `unanswered: needs a person${event.evidence ? ` (${event.evidence})` : ''}` } };
  }
}
