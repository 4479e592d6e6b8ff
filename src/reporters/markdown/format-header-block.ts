import { formatDurationMs } from '../console/format-duration.js';
import type { RunRecord } from '../run-record/index.js';
import type { InsertedBlock } from './markers.js';
import { escapeMarkdownText as text, formatCodeSpan as code } from './markdown-text.js';

const VERIFICATION: Record<string, string> = {
  valid: '✅ **VALID**: intact, complete and signed',
  unsigned: '⚠️ **UNSIGNED**: intact, but signed with an ephemeral key (proves integrity, not who ran it)',
  incomplete: '⚠️ **INCOMPLETE**: intact as far as it goes, but the run did not reach its end (interrupted or cut off) or the log was not signed at the end',
  tampered: '❌ **TAMPERED**: the log or its files do not match; do not trust what follows',
};
const CRITERION_ICONS: Record<string, string> = { pass: '✅', fail: '❌', 'n/a': '➖', unanswered: '❔' };

/** The block at the top of the report (after any front matter): who, what, when, where, and whether the log verified. */
export function formatHeaderBlock(record: RunRecord): InsertedBlock {
  const { start, end, verification } = record;
  const lines = [`**litops run record** · ${text(start.runbook.title)} · verification ${VERIFICATION[verification.status] ?? text(verification.status)}`];
  const item = (line: string, depth = 0): number => lines.push(`${'  '.repeat(depth)}- ${line}`);
  for (const problem of verification.problems) item(`❗ ${text(problem)}`);
  item(`Run ${code(start.runId)}: ${end ? `**${end.status}** (exit ${end.exitCode}): ${text(end.reason)}` : '**did not end** (no `run.end` in the log)'}`);
  if (start.replayOf) item(`Replay of run ${code(start.replayOf.runId)} (its events.jsonl had sha256 ${code(start.replayOf.sha256OfEvents)})`);
  item(`Runbook ${code(start.runbook.path ?? '(no path)')} · sha256 ${code(start.runbook.sha256)}${start.gitCommit ? ` · git commit ${code(start.gitCommit)}` : ''}`);
  const ephemeral = start.ephemeralKey ? ' · ⚠️ ephemeral key: it proves the log is intact, not who ran it' : '';
  item(`Operator ${code(start.principal)} · key ${code(start.keyFingerprint)}${ephemeral}`);
  item(`Host ${code(start.host)} · user ${code(start.user)} · litops ${text(start.toolVersion)} · ${start.mode}`);
  item(`Started ${text(start.ts)}${end ? ` · ended ${text(end.ts)} after ${formatDurationMs(end.durationMs)}` : ''}`);
  for (const resume of record.resumes) {
    item(`Resumed ${text(String(resume.ts ?? ''))} by ${code(String(resume.principal ?? 'unknown'))}${typeof resume.reason === 'string' ? `: ${text(resume.reason)}` : ''}`);
  }
  item(`Cells: ${formatCounts(record)}`);
  if (record.criteria.length) item('Criteria:');
  for (const { criterion, id, event } of record.criteria) {
    const result = event ? `${CRITERION_ICONS[event.result] ?? ''} **${event.result}** (by ${event.by})` : '**not evaluated**';
    const evidence = event?.evidence ? ` · evidence: ${text(event.evidence)}` : '';
    const note = event?.note ? ` · note: ${text(event.note)}` : '';
    item(`${result} · ${text(criterion?.text ?? id)}${evidence}${note}`, 1);
  }
  for (const decision of record.decisions.filter((d) => d.cell === null)) {
    item(`Decision **${decision.action}**${decision.step ? ` on step ${code(decision.step)}` : ''} by ${decision.by} · ${text(decision.ts)}${decision.reason ? `: ${text(decision.reason)}` : ''}`);
  }
  for (const notice of record.notices) item(`${notice.level === 'info' ? 'ℹ️' : '⚠️'} ${notice.level}: ${text(notice.message)}`);
  return { kind: 'header', attributes: [], lines };
}

function formatCounts(record: RunRecord): string {
  const counts = new Map<string, number>();
  for (const cell of record.cells) counts.set(cell.status, (counts.get(cell.status) ?? 0) + 1);
  const order = ['passed', 'failed', 'timed-out', 'error', 'cancelled', 'skipped', 'not-run'];
  const parts = order.filter((status) => counts.has(status)).map((status) => `${counts.get(status)} ${status.replace('-', ' ')}`);
  return parts.length ? parts.join(', ') : 'none';
}
