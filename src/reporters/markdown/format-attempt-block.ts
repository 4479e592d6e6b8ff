import type { Cell } from '../../model/runbook.js';
import { formatDurationMs } from '../console/format-duration.js';
import { diffLines } from '../../model/diff-lines.js';
import { formatTerminalPlain } from '../../model/terminal/format-terminal-plain.js';
import type { AttemptRecord } from '../run-record/index.js';
import { formatSqlParts } from './format-sql-parts.js';
import { joinParts, paragraph, type BlockPart } from './join-parts.js';
import type { InsertedBlock } from './markers.js';
import { escapeMarkdownText, formatCodeSpan, formatFence } from './markdown-text.js';

const STATUS_ICONS: Record<string, string> = { passed: '✅', failed: '❌', 'timed-out': '⏱️', cancelled: '⛔', error: '⚠️' };

/**
 * The block after a cell for one attempt: a status line (status, exit code,
 * duration, who, when), the edit as a diff, stdout and stderr (colours
 * dropped, other escapes shown inert) and SQL results as tables.
 */
export function formatAttemptBlock(attempt: AttemptRecord, context: { cell: Cell | null; principal: string; tryNumber: number; tries: number }): InsertedBlock {
  const { cell, principal } = context;
  const tries = context.tries > 1 ? ` · try ${context.tryNumber} of ${context.tries}` : '';
  const parts: BlockPart[] = [paragraph(formatStatusLine(attempt, principal, tries), ...formatDetails(attempt))];
  if (attempt.edited) {
    parts.push(paragraph('✏️ The operator edited the source before this attempt; the diff from the runbook:'));
    parts.push({ kind: 'fence', lines: formatFence('diff', formatDiff(cell?.source ?? null, attempt.start.source)) });
  }
  if (attempt.stdout) parts.push(paragraph('stdout:'), { kind: 'fence', lines: formatFence('text', formatTerminalPlain(attempt.stdout)) });
  if (attempt.stderr) parts.push(paragraph('stderr:'), { kind: 'fence', lines: formatFence('text', formatTerminalPlain(attempt.stderr)) });
  if (attempt.sql) parts.push(...formatSqlParts(attempt.sql));
  if (!attempt.stdout && !attempt.stderr && !attempt.sql?.length) parts.push(paragraph('*No output.*'));
  if (attempt.truncated) parts.push(paragraph('*Output cut: only the first 1 MiB of each stream is shown; the run directory holds it all.*'));
  return { kind: 'output', attributes: [['cell', attempt.cellId], ['attempt', String(attempt.attempt)]], lines: joinParts(parts) };
}

function formatStatusLine({ attempt, cellId, start, end }: AttemptRecord, principal: string, tries: string): string {
  const status = end ? `${STATUS_ICONS[end.status] ?? ''} **${end.status}**` : '⛔ **did not finish**';
  const facts = [`${status} · ${formatCodeSpan(cellId)}${tries}`];
  if (end) facts.push(end.exitCode !== null ? `exit ${end.exitCode}` : end.signal ? `signal ${escapeMarkdownText(end.signal)}` : 'no exit code');
  if (end) facts.push(formatDurationMs(end.durationMs));
  if (start.lang === 'sql') facts.push(`on ${formatCodeSpan(start.target)}`);
  facts.push(`by ${formatCodeSpan(principal)}`, escapeMarkdownText(start.ts), `out/${attempt}`);
  return facts.join(' · ');
}

function formatDetails({ end }: AttemptRecord): string[] {
  if (!end) return [];
  const lines: string[] = [];
  if (end.error) lines.push(`⚠️ ${escapeMarkdownText(end.error)}`);
  if (end.stopped) lines.push(`⏸️ ${escapeMarkdownText(end.stopped.note)}`);
  // The implicit `exit == 0` of a shell cell says no more than the exit code unless it failed.
  for (const result of end.expectations.filter((r) => !r.passed || r.expected !== 'exit == 0')) {
    const verdict = result.passed ? '✅ met' : `❌ not met (actual: ${formatCodeSpan(result.actual)})`;
    lines.push(`expect ${formatCodeSpan(result.expected)}: ${verdict}`);
  }
  if (end.capture) lines.push(`captured ${formatCodeSpan(end.capture.name)} = ${formatCodeSpan(end.capture.value)}`);
  return lines;
}

function formatDiff(original: string | null, edited: string): string {
  if (original === null) return edited.split('\n').map((line) => `+ ${line}`).join('\n');
  return diffLines(original, edited)
    .map(({ kind, text }) => `${kind === 'same' ? ' ' : kind === 'removed' ? '-' : '+'} ${text}`)
    .join('\n');
}
