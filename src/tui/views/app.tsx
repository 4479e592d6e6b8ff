import { Box, useInput, useStdout } from 'ink';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TuiStore } from '../controller/create-tui-store.js';
import type { TuiState } from '../state/index.js';
import { dispatchKeys } from './dispatch-keys.js';
import { Checklist } from './checklist.js';
import { Dialog, getDialogRows } from './dialog.js';
import { Footer } from './footer.js';
import { Header } from './header.js';
import { HelpScreen } from './help-screen.js';
import { InputsScreen } from './inputs-screen.js';
import { Outline } from './outline.js';
import { OutputScreen } from './output-screen.js';
import { Overview } from './overview.js';
import { StepPane } from './step-pane.js';
import { SummaryScreen } from './summary-screen.js';

/** Rows the frame leaves free: it must stay shorter than the terminal, or Ink redraws the whole screen. */
const SPARE_ROWS = 1;

/** The terminal UI: the store's state, keys mapped to actions, the screen that fits the terminal. */
export function App({ store }: { store: TuiStore }) {
  const state = useSyncExternalStore(store.subscribe, store.getState);
  const { stdout } = useStdout();
  useEffect(() => {
    const onResize = () => store.dispatch({ type: 'resize', cols: stdout.columns, rows: stdout.rows });
    stdout.on('resize', onResize);
    return () => void stdout.off('resize', onResize);
  }, [stdout, store]);
  useInput((input, key) => dispatchKeys(store, input, key));
  const now = useNow(state.running !== null);
  const { cols, rows } = state.size;
  const body = Math.max(3, rows - 3 - SPARE_ROWS);
  return (
    <Box flexDirection="column" width={cols} height={rows - SPARE_ROWS}>
      <Header state={state} />
      <Screen state={state} width={cols} height={body} now={now} />
      <Footer state={state} />
    </Box>
  );
}

function Screen({ state, width, height, now }: { state: TuiState; width: number; height: number; now: number }) {
  if (state.screen === 'stepper') {
    const outline = Math.min(34, Math.max(16, Math.floor(width * 0.3)));
    return (
      <Box height={height}>
        <Outline state={state} width={outline} height={height} />
        <Box width={1} />
        <StepPane state={state} width={width - outline - 1} height={height} now={now} />
      </Box>
    );
  }
  const dialog = state.modal ? getDialogRows(state, Math.max(5, Math.floor((height * 2) / 3))) : [];
  const inner = height - (dialog.length ? dialog.length + 2 : 0);
  return (
    <Box flexDirection="column" height={height}>
      {state.screen === 'overview' ? <Overview state={state} height={inner} /> : null}
      {state.screen === 'inputs' ? <InputsScreen state={state} height={inner} /> : null}
      {state.screen === 'checklist' ? <Checklist state={state} height={inner} /> : null}
      {state.screen === 'output' ? <OutputScreen state={state} height={inner} /> : null}
      {state.screen === 'help' ? <HelpScreen height={inner} /> : null}
      {state.screen === 'summary' ? <SummaryScreen state={state} height={inner} /> : null}
      {dialog.length ? <Dialog state={state} width={width} rows={dialog} /> : null}
    </Box>
  );
}

/** The time, ticking every second while `active` (for a running cell's elapsed time). */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
