import { Box, Text } from 'ink';
import type { TuiState } from '../state/index.js';
import { getVisibleLines } from '../text/index.js';
import { Line } from './line.js';

/** The current cell's output, full height, scrollable. */
export function OutputScreen({ state, height }: { state: TuiState; height: number }) {
  const row = state.rows[state.cursor];
  const view = row?.cellId ? state.cells[row.cellId] : undefined;
  if (!view || view.attempt === null) return <Box height={height}><Line dim>{'This cell has no output yet.'}</Line></Box>;
  const lines = getVisibleLines(view.output);
  const room = height - 1;
  const scroll = Math.min(state.outputScroll, Math.max(0, lines.length - room));
  const end = lines.length - scroll;
  const shown = lines.slice(Math.max(0, end - room), end);
  const kept = view.output.droppedLines > 0 ? ` · ${view.output.droppedLines} earlier lines are in the run directory (out/${view.attempt}.stdout)` : '';
  return (
    <Box flexDirection="column" height={height}>
      <Line dim>{`── ${row!.cellId} · attempt ${view.attempt} · lines ${Math.max(1, end - room + 1 + view.output.droppedLines)}-${end + view.output.droppedLines} of ${lines.length + view.output.droppedLines}${kept} ──`}</Line>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end" {...(line.stream === 'stderr' ? { color: 'red' } : {})}>
          {line.text || ' '}
        </Text>
      ))}
    </Box>
  );
}
