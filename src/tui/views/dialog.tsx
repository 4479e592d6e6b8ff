import { Box, Text } from 'ink';
import type { ReactElement } from 'react';
import { diffLines } from '../../model/diff-lines.js';
import { getChecklist, getUnmarked, type Modal, type TuiState } from '../state/index.js';
import { Line } from './line.js';
import { showInert } from './step-lines.js';
import { TextField } from './text-field.js';

/** The open dialog's rows, at most `maxHeight - 2` (the border takes two). */
export function getDialogRows(state: TuiState, maxHeight: number): ReactElement[] {
  const inner = Math.max(1, maxHeight - 2);
  return describeDialog(state, state.modal!, inner).slice(0, inner);
}

/** The open dialog, in a box just tall enough for its rows. */
export function Dialog({ state, width, rows }: { state: TuiState; width: number; rows: ReactElement[] }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={state.modal?.kind === 'confirm-destructive' ? 'red' : 'cyan'} width={width} height={rows.length + 2} paddingX={1}>
      {rows}
    </Box>
  );
}

function describeDialog(state: TuiState, modal: Modal, height: number): ReactElement[] {
  const cellName = (id: string) => {
    const cell = state.runbook.cells.find((c) => c.id === id);
    return cell?.attributes.name ?? id;
  };
  switch (modal.kind) {
    case 'skip-reason':
      return [
        <Line key="t" bold>{`Skip ${modal.cellId ? cellName(modal.cellId) : `step ${modal.stepId}`}: why? (recorded in the log)`}</Line>,
        <TextField key="i" input={modal.input} label="reason: " />,
      ];
    case 'abort-reason':
      return [
        <Line key="t" bold color="red">{'Abort the run: it ends here, recorded as aborted. Why?'}</Line>,
        <TextField key="i" input={modal.input} label="reason: " />,
      ];
    case 'confirm-destructive': {
      const name = cellName(modal.cellId);
      return [
        <Line key="t" bold color="red">{`⚠ ${name} is destructive${modal.source !== null ? ' (as edited)' : ''}:`}</Line>,
        ...modal.reasons.slice(0, Math.max(1, height - 4)).map((r, i) => <Line key={`r${i}`} color="red">{`  ${r.reason}: ${showInert(r.text)}`}</Line>),
        <Line key="h">{`Type the cell's name (${name}) to run it:`}</Line>,
        <TextField key="i" input={modal.input} label="> " />,
        ...(modal.error ? [<Line key="e" color="yellow">{modal.error}</Line>] : []),
      ];
    }
    case 'mark': {
      const entry = getChecklist(state).find((e) => e.target.kind === modal.target.kind && e.target.id === modal.target.id);
      return [
        <Line key="t" bold>{`Mark: ${entry?.text ?? modal.target.id}`}</Line>,
        <Text key="r">
          {(['pass', 'fail', 'n/a'] as const).map((r) => (
            <Text key={r} inverse={r === modal.result} color={r === 'pass' ? 'green' : r === 'fail' ? 'red' : 'gray'}>{` ${r} `}</Text>
          ))}
        </Text>,
        ...(modal.overrides
          ? [
              <Line key="o" color="yellow">{`litops evaluated this: ${modal.overrides.result}${modal.overrides.evidence ? ` · ${modal.overrides.evidence}` : ''}`}</Line>,
              <Line key="w" color="yellow">{'To override it, give a reason (logged); Esc keeps it.'}</Line>,
              <TextField key="i" input={modal.input} label="reason: " />,
            ]
          : [<TextField key="i" input={modal.input} label="note (optional): " />]),
        ...(modal.error ? [<Line key="e" color="yellow">{modal.error}</Line>] : []),
      ];
    }
    case 'confirm-quit':
      return [
        <Line key="t" bold>{state.running ? 'Quit? The running cell is cancelled first.' : 'Quit now?'}</Line>,
        <Line key="d">{state.run ? `The run stays resumable: litops resume ${state.run.dir}` : 'Nothing has run; no run directory was made.'}</Line>,
        <Line key="k" dim>{'y/Enter quit · n/Esc stay'}</Line>,
      ];
    case 'confirm-finish': {
      const unmarked = getUnmarked(state).filter((e) => e.check === null || !state.marks[`${e.target.kind}:${e.target.id}`]);
      return [
        <Line key="t" bold>{'All steps done: finish and sign the run?'}</Line>,
        <Line key="d" color={unmarked.length ? 'yellow' : 'green'}>{unmarked.length ? `${unmarked.length} checklist entr${unmarked.length === 1 ? 'y is' : 'ies are'} not marked: recorded as unanswered (c to mark)` : 'Every checklist entry is marked.'}</Line>,
        <Line key="k" dim>{'y/Enter finish · c checklist · n/Esc not yet'}</Line>,
      ];
    }
    case 'review-edit': {
      const cell = state.runbook.cells.find((c) => c.id === modal.cellId);
      const before = state.cells[modal.cellId]?.edited ?? cell?.source ?? '';
      const diff = diffLines(before, modal.source);
      const removed = diff.filter((d) => d.kind === 'removed').length;
      const added = diff.filter((d) => d.kind === 'added').length;
      return [
        <Line key="t" bold>{`Edited ${cellName(modal.cellId)}: -${removed} +${added} lines${modal.reasons.length ? ' · ⚠ destructive' : ''}`}</Line>,
        ...diff.filter((d, i) => d.kind !== 'same' || diff[i - 1]?.kind !== 'same' || diff[i + 1]?.kind !== 'same').slice(0, height - 2).map((d, i) => (
          <Line key={`d${i}`} color={d.kind === 'added' ? 'green' : d.kind === 'removed' ? 'red' : undefined} dim={d.kind === 'same'}>{`${d.kind === 'added' ? '+' : d.kind === 'removed' ? '-' : ' '} ${showInert(d.text)}`}</Line>
        )),
        <Line key="k" dim>{'Enter run it · e edit again (E in $EDITOR) · Esc discard'}</Line>,
      ];
    }
    case 'edit-inline': {
      const { editor } = modal;
      const view = editor.lines.slice(editor.scroll, editor.scroll + height - 1);
      return [
        <Line key="t" bold>{`Editing ${cellName(modal.cellId)} · Ctrl-S save · Esc discard`}</Line>,
        ...view.map((line, i) => {
          const row = editor.scroll + i;
          if (row !== editor.row) return <Line key={`l${row}`}>{showInert(line) || ' '}</Line>;
          const chars = [...line.slice(0, editor.col)];
          return (
            <Text key={`l${row}`} wrap="truncate-end">
              {showInert(chars.join(''))}
              <Text inverse>{showInert(line.slice(editor.col)[0] ?? ' ')}</Text>
              {showInert(line.slice(editor.col + 1))}
            </Text>
          );
        }),
      ];
    }
  }
}
