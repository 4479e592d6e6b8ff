import { Box } from 'ink';
import { Line } from './line.js';

const HELP: Array<[string, string]> = [
  ['Enter', 'run the current cell; on a finished one, go to the next open step'],
  ['s', 'skip the cell or step (asks why; recorded)'],
  ['e / E', 'edit: e inline, E in your $VISUAL/$EDITOR; the diff is recorded'],
  ['r', 'retry the cell'],
  ['n / p', 'next / previous step'],
  ['↑ ↓ / j k', 'move in the outline'],
  ['c', 'checklist: y pass · f fail · - n/a (evaluated checks need a reason)'],
  ['o', 'full output of the cell (PgUp/PgDn, ↑ ↓)'],
  ['a', 'abort the run (asks why; ends it)'],
  ['Ctrl-C', 'cancel the running cell (blocking: end it, as done); idle: ask to quit'],
  ['q', 'quit: the run stays resumable with litops resume RUNDIR'],
  ['?', 'this help'],
  ['', ''],
  ['marks', '· pending  ▶ running  ✓ passed  ✗ failed  ↷ skipped  ⚠ destructive  ⏸ blocking  ↺ rollback'],
  ['destructive', 'runs only after you type the cell\'s name'],
  ['blocking', 'gets the terminal (tail -f, watch); Ctrl-C ends it as done'],
];

/** Every key, and what the marks mean. */
export function HelpScreen({ height }: { height: number }) {
  return (
    <Box flexDirection="column" height={height}>
      <Line bold>{'Keys'}</Line>
      {HELP.slice(0, height - 1).map(([key, text], i) => (
        <Line key={i}>{`${key.padEnd(12)}${text}`}</Line>
      ))}
    </Box>
  );
}
