import { Box } from 'ink';
import { getChecklist, markKey, type TuiState } from '../state/index.js';
import { Line } from './line.js';

const GLYPH = { pass: ['✓', 'green'], fail: ['✗', 'red'], 'n/a': ['–', 'gray'], unanswered: ['☐', undefined] } as const;

/** Prerequisites, manual steps and criteria to mark pass, fail or n/a; bound checks with their result. */
export function Checklist({ state, height }: { state: TuiState; height: number }) {
  const entries = getChecklist(state);
  const selected = state.checklist.selected;
  const top = Math.max(0, Math.min(selected - Math.floor((height - 1) / 2), entries.length - (height - 1)));
  return (
    <Box flexDirection="column" height={height}>
      <Line bold>{`Checklist · ${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}`}</Line>
      {entries.length === 0 ? <Line dim>{'This runbook has no prerequisites, manual steps or criteria for this run.'}</Line> : null}
      {entries.slice(top, top + height - 1).map((entry, offset) => {
        const mark = state.marks[markKey(entry.target)];
        const [glyph, color] = GLYPH[mark?.result ?? 'unanswered'];
        // An evaluated check shows its evidence; an override says so first, then what the check had said.
        const kind = entry.target.kind === 'criterion' ? (entry.check ? (mark?.overrides ? 'check overridden' : 'check') : 'criterion') : entry.target.kind;
        const detail = mark?.overrides ? `the check said ${mark.overrides.result}` : (mark?.evidence ?? (entry.check ? `bound: ${entry.check}` : ''));
        const note = mark?.note ? ` · “${mark.note}”` : '';
        const by = !mark || mark.result === 'unanswered' ? '' : mark.by === 'check' ? ' (evaluated)' : ` (${mark.by})`;
        return (
          <Line key={markKey(entry.target)} inverse={top + offset === selected}>
            <Line color={color}>{glyph}</Line>
            {` ${kind}: ${entry.text}${detail ? ` · ${detail}` : ''}${note}${by}`}
          </Line>
        );
      })}
    </Box>
  );
}
