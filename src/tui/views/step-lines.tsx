import { Text } from 'ink';
import type { ReactElement } from 'react';
import type { Cell, Guidance } from '../../model/runbook.js';
import { getRowStatus, type CellView, type TuiState } from '../state/index.js';
import { getVisibleLines, renderProse } from '../text/index.js';
import { showControls } from '../../model/terminal/show-control.js';
import { Line } from './line.js';
import { formatElapsed } from './marks.js';

/** A screen row, keyed. */
export type Row = ReactElement;

/** The step's title and the facts about the cell: target, expectations, why it is destructive or blocking. */
export function describeCell(state: TuiState, cell: Cell | null): Row[] {
  const row = state.rows[state.cursor];
  if (!row) return [];
  const lines: Row[] = [];
  const position = cell && row.step.cells.length > 1 ? ` (cell ${row.step.cells.indexOf(cell.id) + 1} of ${row.step.cells.length})` : '';
  lines.push(<Line key="title" bold>{`${row.step.title}${position}`}</Line>);
  if (row.optional) lines.push(<Line key="opt" color="yellow">{'↺ rollback step: run only if you need to undo'}</Line>);
  if (!cell) {
    lines.push(<Line key="kind" dim>{row.step.kind === 'check' ? 'a check to confirm: Enter marks it, s skips it' : 'a manual step: do it, then Enter to mark it done'}</Line>);
    return lines;
  }
  if (!cell.executable && cell.guess) lines.push(<Line key="guess" color="yellow">{`unlabeled block that looks like ${cell.guess}: never run unattended; Enter runs it as ${cell.guess}`}</Line>);
  const target = (cell.executable ? cell.lang : cell.guess) === 'shell' ? 'shell (bash)' : `SQL on ${cell.attributes.connection ?? 'the default database'}`;
  const name = cell.attributes.name ? `${cell.attributes.name} · ` : '';
  lines.push(<Line key="target" dim>{`${name}${target}${cell.attributes.interactive ? ' · interactive: gets the terminal' : ''}${cell.attributes.timeout ? ` · timeout ${formatElapsed(cell.attributes.timeout)}` : ''}`}</Line>);
  if (cell.expectations.length) lines.push(<Line key="expect" dim>{`expects: ${cell.expectations.map((e) => e.source).join('; ')}`}</Line>);
  if (cell.destructive) lines.push(<Line key="destructive" color="red">{`⚠ destructive: ${cell.reasons.map((r) => r.reason).join('; ') || 'marked destructive'}`}</Line>);
  if (cell.blocking) {
    lines.push(<Line key="blocking" color="yellow">{`⏸ blocking: ${cell.blockingReasons.map((r) => r.reason).join('; ') || 'never ends by itself'}`}</Line>);
    lines.push(<Line key="blocking-how" color="yellow">{'  gets the terminal; Ctrl-C ends it as done'}</Line>);
  }
  return lines;
}

/** The step's prose, rendered. */
export function describeProse(prose: string, width: number, max: number): Row[] {
  if (max <= 0 || !prose.trim()) return [];
  const lines = renderProseCached(prose, width);
  const shown = lines.slice(0, max);
  const rows = shown.map((segments, i) => (
    <Text key={`prose${i}`} wrap="truncate-end">
      {segments.length === 0 ? ' ' : segments.map((s, j) => (
        <Text key={j} bold={Boolean(s.bold || s.heading)} italic={Boolean(s.italic)} dimColor={Boolean(s.dim)} {...(s.code ? { color: 'cyan' } : s.link ? { color: 'blue' } : {})}>
          {s.text}
        </Text>
      ))}
    </Text>
  ));
  if (lines.length > max && rows.length) rows[rows.length - 1] = <Line key="prose-more" dim>{`… ${lines.length - max + 1} more lines (the runbook has them all)`}</Line>;
  return rows;
}

const proseCache = new Map<string, ReturnType<typeof renderProse>>();

/** Prose is parsed once per step and width, not on every frame (a frame comes every 50 ms while a cell prints). */
function renderProseCached(prose: string, width: number): ReturnType<typeof renderProse> {
  const key = `${width}\u0000${prose}`;
  let lines = proseCache.get(key);
  if (!lines) {
    lines = renderProse(prose, width);
    if (proseCache.size >= 64) proseCache.delete(proseCache.keys().next().value!);
    proseCache.set(key, lines);
  }
  return lines;
}

/** The source that will run (the edited one when the operator edited it). */
export function describeSource(cell: Cell, view: CellView | undefined, max: number): Row[] {
  if (max <= 1) return [];
  const source = view?.edited ?? cell.source;
  const lines = source.replace(/\n$/, '').split('\n');
  const gutter = String(lines.length).length;
  const room = max - 1;
  const shown = lines.length > room ? [...lines.slice(0, room - 1), null] : lines;
  return [
    <Line key="src-h" dim>{`── ${view?.edited ? 'edited source' : 'source'} ${(cell.executable ? cell.lang : cell.guess) === 'sql' ? '(sql)' : '(bash)'} ──`}</Line>,
    ...shown.map((line, i) =>
      line === null ? (
        <Line key="src-more" dim>{`… ${lines.length - room + 1} more lines`}</Line>
      ) : (
        <Text key={`src${i}`} wrap="truncate-end">
          <Text dimColor>{`${String(i + 1).padStart(gutter)} │ `}</Text>
          {showInert(line)}
        </Text>
      ),
    ),
  ];
}

/** The output pane: the last lines of the latest attempt, with elapsed time or how it ended. */
export function describeOutput(state: TuiState, cell: Cell, now: number, max: number): Row[] {
  const view = state.cells[cell.id];
  if (!view || view.attempt === null || max <= 0) return [];
  const status = getRowStatus(state, state.rows[state.cursor]!);
  const lines = getVisibleLines(view.output);
  const elapsed = view.end ? formatElapsed(view.end.durationMs) : formatElapsed(now - (view.startedAt ?? now));
  const dropped = view.output.droppedLines > 0 ? ` · ${view.output.totalLines} lines, last ${view.output.lines.length} kept (o: full view)` : '';
  const head = status === 'running' ? `── output · attempt ${view.attempt} · running ${elapsed} · Ctrl-C cancels ──` : `── output · attempt ${view.attempt}${dropped} ──`;
  const room = Math.max(0, max - 1);
  const shown = lines.slice(Math.max(0, lines.length - room));
  return [
    <Line key="out-h" color={status === 'running' ? 'yellow' : undefined} dim={status !== 'running'}>{head}</Line>,
    ...shown.map((line, i) => (
      <Text key={`out${i}`} wrap="truncate-end" {...(line.stream === 'stderr' ? { color: 'red' } : {})}>
        {line.text || ' '}
      </Text>
    )),
  ];
}

/** How the attempt ended: exit code, duration, each expectation. */
export function describeResult(state: TuiState, cell: Cell): Row[] {
  const view = state.cells[cell.id];
  if (view?.status === 'skipped') return [<Line key="res" color="gray">{`↷ skipped: ${view.skipReason ?? ''}`}</Line>];
  const end = view?.end;
  if (!end) return [];
  const ok = end.status === 'passed';
  const exit = end.exitCode !== null ? `exit ${end.exitCode} · ` : end.signal ? `signal ${end.signal} · ` : '';
  const rows: Row[] = [<Line key="res" color={ok ? 'green' : 'red'} bold>{`${ok ? '✓ passed' : `✗ ${end.status}`} · ${exit}${formatElapsed(end.durationMs)} · ${ok ? 'Enter: next' : 'r retry · e edit · s skip'}`}</Line>];
  if (end.error) rows.push(<Line key="err" color="red">{`  ${showInert(end.error)}`}</Line>);
  if (end.stopped) rows.push(<Line key="stopped" color="green">{`  ${end.stopped.by === 'operator' ? 'ended with Ctrl-C' : 'ended by its timeout'}: counted as done`}</Line>);
  for (const [i, e] of end.expectations.entries()) rows.push(<Line key={`exp${i}`} color={e.passed ? 'green' : 'red'}>{`  ${e.passed ? '✓' : '✗'} ${e.source}${e.passed ? '' : ` (actual ${e.actual})`}`}</Line>);
  return rows;
}

/** What the runbook says to do when a step of this procedure fails. */
export function describeGuidance(guidance: Guidance[], max: number): Row[] {
  if (guidance.length === 0 || max <= 1) return [];
  const rows: Row[] = [];
  for (const g of guidance) {
    rows.push(<Line key={`g-${g.id}`} color="yellow" bold>{`${g.kind === 'escalation' ? '☎' : '↺'} ${g.title}`}</Line>);
    for (const [i, item] of g.items.entries()) rows.push(<Line key={`g-${g.id}-${i}`} color="yellow">{`  • ${showInert(item)}`}</Line>);
  }
  return rows.length > max ? [...rows.slice(0, max - 1), <Line key="g-more" color="yellow">{'  … (more in the runbook)'}</Line>] : rows;
}

/** Control characters shown, never acted on; tabs as two spaces. */
export function showInert(text: string): string {
  return showControls(text).replace(/\t/g, '  ');
}
