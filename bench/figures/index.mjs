import { runOutputFigure } from './output.mjs';
import { runParseFigure } from './parse.mjs';
import { runShellFigure } from './shell.mjs';
import { runSqlFigure } from './sql.mjs';
import { runStartupFigure } from './startup.mjs';
import { runTuiFigure } from './tui.mjs';
import { runVerifyFigure } from './verify.mjs';

/** The figures in the order they run: id (for --only), title, workload and target (for an error row), run. */
export const figures = [
  { id: 'startup', title: 'start-up', workload: '`litops --help`; `litops inspect` of a seed', target: { kind: 'max-ratio', value: 2.5, text: '≤ 2.5x and ≤ 4x' }, run: runStartupFigure },
  { id: 'shell', title: 'shell cell overhead', workload: '200 trivial shell cells', target: { kind: 'max-ratio', value: 2, text: '≤ 2x the spawn floor' }, run: runShellFigure },
  { id: 'sql', title: 'SQL throughput', workload: '100 SQL cells × 10 statements', target: { kind: 'max-ratio', value: 1.5, text: '≤ 1.5x' }, run: runSqlFigure },
  { id: 'verify', title: 'verify', workload: 'a run directory of 100,000 events', target: { kind: 'max-ratio', value: 3, text: '≤ 3x' }, run: runVerifyFigure },
  { id: 'parse', title: 'parse', workload: '10 MB of runbook Markdown', target: { kind: 'max-ratio', value: 1.5, text: '≤ 1.5x' }, run: runParseFigure },
  { id: 'output', title: 'output', workload: 'one cell printing 1 GiB', target: { kind: 'min-ratio', value: 0.5, text: '≥ 0.5x the floor; < 200 MB' }, run: runOutputFigure },
  { id: 'tui', title: 'TUI flood', workload: 'a cell printing 100,000 lines in the TUI', target: { kind: 'max-ratio', value: 1.5, text: '≤ 1.5x' }, run: runTuiFigure },
];
