import { Box, Text } from 'ink';
import type { TuiState } from '../state/index.js';
import { truncate } from './marks.js';

/** Title, where the run is recorded, and what is running. */
export function Header({ state }: { state: TuiState }) {
  const right = state.running ? ` ▶ ${state.running.cellId} ` : state.run ? ` run ${state.run.id.slice(0, 15)} ` : ' litops ';
  const width = state.size.cols;
  const title = truncate(` ${state.runbook.title}`, Math.max(1, width - right.length - 1));
  return (
    <Box width={width}>
      <Box flexGrow={1}>
        <Text bold wrap="truncate-end">
          {title}
        </Text>
      </Box>
      <Text color={state.running ? 'yellow' : 'gray'}>{right}</Text>
    </Box>
  );
}
