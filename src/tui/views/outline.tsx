import { Box } from 'ink';
import { getRowStatus, type TuiState } from '../state/index.js';
import { Line } from './line.js';
import { STATUS_MARK, truncate } from './marks.js';

/** The steps and cells with their status marks, scrolled to keep the cursor in view. */
export function Outline({ state, width, height }: { state: TuiState; width: number; height: number }) {
  const { rows, cursor } = state;
  const top = Math.max(0, Math.min(cursor - Math.floor(height / 2), rows.length - height));
  const visible = rows.slice(top, top + height);
  let lastStep = top > 0 ? rows[top - 1]!.step.id : null;
  return (
    <Box flexDirection="column" width={width} height={height}>
      {visible.map((row, offset) => {
        const index = top + offset;
        const status = getRowStatus(state, row);
        const mark = STATUS_MARK[status];
        const cell = row.cellId ? state.runbook.cells.find((c) => c.id === row.cellId) : null;
        const firstOfStep = row.step.id !== lastStep;
        lastStep = row.step.id;
        const label = firstOfStep ? row.step.title : '';
        const cellLabel = cell && row.step.cells.length > 1 ? (cell.attributes.name ?? cell.id.split('/').pop()) : '';
        const text = firstOfStep ? `${label}${cellLabel ? ` · ${cellLabel}` : ''}` : `  └ ${cellLabel}`;
        const flags = `${cell?.destructive ? '⚠' : ''}${cell?.blocking ? '⏸' : ''}${row.optional ? '↺' : ''}`;
        return (
          <Line key={`${row.step.id}:${row.cellId ?? ''}`} inverse={index === cursor}>
            <Line color={mark.color}>{mark.glyph}</Line>
            {` ${truncate(`${flags ? `${flags} ` : ''}${text}`, width - 2)}`}
          </Line>
        );
      })}
    </Box>
  );
}
