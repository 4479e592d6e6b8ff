import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { getChecklist, getRowStatus, markKey, type TuiState } from '../state/index.js';
import { Line } from './line.js';
import { STATUS_MARK, formatElapsed } from './marks.js';

/** How the run ended, its checks, where its log is and how to read it. */
export function SummaryScreen({ state, height }: { state: TuiState; height: number }) {
  const ending = state.ending!;
  const { run, verification } = ending;
  const color = run.status === 'passed' ? 'green' : run.status === 'needs-person' ? 'yellow' : 'red';
  const rows: ReactElement[] = [
    <Line key="s" bold color={color}>{`Run ${run.status} (exit ${run.exitCode}) in ${formatElapsed(run.durationMs)}`}</Line>,
    <Text key="why" wrap="wrap" color={color}>{`  ${run.reason}`}</Text>,
    <Line key="c">{`cells: ${run.counts.passed} passed · ${run.counts.failed} failed · ${run.counts.skipped} skipped · ${run.counts.notRun} not run`}</Line>,
    <Line key="v" color={verification?.state === 'done' ? (verification.ok ? 'green' : 'red') : 'gray'}>
      {verification?.state === 'done' ? `log ${verification.ok ? '✓' : '✗'} ${verification.summary}` : 'log: verifying…'}
    </Line>,
    <Line key="d">{`run directory: ${state.run?.dir ?? ''}`}</Line>,
    <Line key="h" dim>{`HTML report: litops report --format html ${state.run?.dir ?? ''} -o report.html`}</Line>,
    <Line key="g" />,
  ];
  const failed = state.rows.filter((row) => row.cellId && getRowStatus(state, row) !== 'passed' && (!row.optional || getRowStatus(state, row) !== 'pending'));
  for (const row of failed) {
    const status = getRowStatus(state, row);
    const view = state.cells[row.cellId!];
    rows.push(<Line key={`r-${row.cellId}`} color={STATUS_MARK[status].color}>{`${STATUS_MARK[status].glyph} ${row.cellId} ${status}${view?.skipReason ? `: ${view.skipReason}` : ''}`}</Line>);
  }
  for (const entry of getChecklist(state)) {
    const mark = state.marks[markKey(entry.target)];
    const result = mark?.result ?? 'unanswered';
    rows.push(<Line key={`k-${markKey(entry.target)}`} color={result === 'pass' ? 'green' : result === 'fail' ? 'red' : 'yellow'}>{`${result === 'pass' ? '✓' : result === 'fail' ? '✗' : result === 'n/a' ? '–' : '☐'} ${entry.text}${mark?.note ? ` · “${mark.note}”` : ''}`}</Line>);
  }
  return (
    <Box flexDirection="column" height={height} overflow="hidden">
      {rows.slice(0, height)}
    </Box>
  );
}
