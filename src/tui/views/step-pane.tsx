import { Box } from 'ink';
import type { TuiState } from '../state/index.js';
import { Dialog, getDialogRows } from './dialog.js';
import { describeCell, describeGuidance, describeOutput, describeProse, describeResult, describeSource, type Row } from './step-lines.js';

/**
 * The current step: what it is, its prose and source, then its output and
 * result. Every part is cut to the height it gets, so the frame never grows
 * past the terminal (which is what makes a terminal UI flicker or scroll).
 */
export function StepPane({ state, width, height, now }: { state: TuiState; width: number; height: number; now: number }) {
  const row = state.rows[state.cursor];
  if (!row) return <Box height={height} />;
  const cell = row.cellId ? (state.runbook.cells.find((c) => c.id === row.cellId) ?? null) : null;
  const view = cell ? state.cells[cell.id] : undefined;
  const head = describeCell(state, cell);
  const result = cell ? describeResult(state, cell) : [];
  const failed = view?.status === 'failed';
  const guidance = failed ? describeGuidance(state.runbook.guidance.filter((g) => g.procedure === row.step.procedure || g.procedure === null), Math.floor(height / 4)) : [];
  const dialog = state.modal ? getDialogRows(state, state.modal.kind === 'edit-inline' ? height - head.length : Math.max(6, Math.floor((height * 2) / 3))) : [];
  const dialogHeight = dialog.length ? dialog.length + 2 : 0;
  let room = height - head.length - result.length - guidance.length - dialogHeight;
  const ran = view?.attempt != null;
  const proseMax = Math.min(room, ran ? Math.floor(room / 5) : Math.floor(room / 2));
  const prose = describeProse(row.step.prose, width, proseMax);
  room -= prose.length;
  const source = cell ? describeSource(cell, view, Math.min(room, ran ? Math.max(2, Math.floor(room / 3)) : room)) : [];
  room -= source.length;
  const output = cell ? describeOutput(state, cell, now, room) : [];
  const rows: Row[] = [...head, ...prose, ...source, ...output, ...result, ...guidance].slice(0, height - dialogHeight);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {rows}
      {dialog.length ? <Dialog state={state} width={width} rows={dialog} /> : null}
    </Box>
  );
}
