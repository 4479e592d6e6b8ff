import { Box, Text } from 'ink';
import type { TuiState } from '../state/index.js';

const KEYS: Record<string, string> = {
  overview: '↑↓ choose · Enter start · ? help · q quit',
  inputs: 'type the value · Enter next · Esc back',
  stepper: 'Enter run/next · s skip · e edit · r retry · n/p step · c criteria · o output · a abort · q quit · ? help',
  checklist: '↑↓ select · y pass · f fail · - n/a · Enter mark · Esc back · ? help',
  output: '↑↓ PgUp/PgDn scroll · Esc/o back',
  help: 'any key: back',
  summary: 'Enter/q: leave',
};

/** The last notice (if any) and the keys of the current screen. */
export function Footer({ state }: { state: TuiState }) {
  const notice = state.notices.at(-1);
  const keys = state.modal ? dialogKeys(state) : KEYS[state.screen];
  return (
    <Box flexDirection="column">
      <Text wrap="truncate-end" color={notice?.level === 'error' ? 'red' : notice?.level === 'warning' ? 'yellow' : 'gray'}>
        {notice ? notice.message : ' '}
      </Text>
      <Text wrap="truncate-end" inverse>
        {` ${keys} `}
      </Text>
    </Box>
  );
}

function dialogKeys(state: TuiState): string {
  switch (state.modal!.kind) {
    case 'edit-inline':
      return 'Ctrl-S save · Esc discard';
    case 'review-edit':
      return 'Enter run the edited cell · e edit again · E in $EDITOR · Esc discard';
    case 'confirm-quit':
    case 'confirm-finish':
      return 'y/Enter yes · n/Esc no';
    case 'mark':
      return state.modal!.overrides ? 'Tab pass/fail/n/a · type the reason · Enter override · Esc keep' : 'Tab pass/fail/n/a · type a note · Enter save · Esc cancel';
    default:
      return 'Enter confirm · Esc cancel';
  }
}
