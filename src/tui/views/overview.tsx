import { Box } from 'ink';
import type { ReactElement } from 'react';
import { listRunDiagnostics } from '../../executor/index.js';
import { getChoice, type TuiState } from '../state/index.js';
import { Line } from './line.js';

/** Diagnostics listed in the overview; the rest are counted. */
const SHOWN_DIAGNOSTICS = 3;

/** What the runbook is, which part to run, what that part needs, and what looks wrong in the runbook. */
export function Overview({ state, height }: { state: TuiState; height: number }) {
  const { runbook, overview } = state;
  const rows: ReactElement[] = [];
  const metadata = { ...Object.fromEntries(Object.entries(runbook.frontMatter).filter(([, v]) => typeof v === 'string')), ...(runbook.sections[0]?.metadata ?? {}) } as Record<string, string>;
  for (const [key, value] of Object.entries(metadata).slice(0, 4)) rows.push(<Line key={`m-${key}`} dim>{`${key}: ${value}`}</Line>);
  rows.push(<Line key="gap1" />);
  rows.push(<Line key="p-h" bold>{'Run:'}</Line>);
  overview.choices.forEach((choice, i) => {
    const procedure = choice.procedure ? runbook.procedures.find((p) => p.id === choice.procedure) : null;
    const steps = procedure ? procedure.steps.length : runbook.steps.filter((s) => s.role === 'procedure').length;
    const destructive = procedure ? procedure.destructive : runbook.cells.some((c) => c.destructive);
    rows.push(
      <Line key={`c-${i}`} inverse={i === overview.selected}>
        {`${i === overview.selected ? '›' : ' '} ${choice.label} · ${steps} step${steps === 1 ? '' : 's'}${destructive ? ' · ⚠ destructive' : ''}`}
      </Line>,
    );
  });
  const choice = getChoice(state);
  const inputs = choice?.variables ?? [];
  if (inputs.length) {
    rows.push(<Line key="gap2" />);
    rows.push(<Line key="i-h" bold>{'Inputs:'}</Line>);
    for (const variable of inputs) {
      const missing = choice!.missing.includes(variable.name) && !Object.hasOwn(state.inputs.values, variable.name);
      const status = missing ? 'asked when you start' : variable.secret ? 'given (secret)' : `= ${state.inputs.values[variable.name] ?? variable.default ?? ''}`;
      rows.push(<Line key={`v-${variable.name}`} color={missing ? 'yellow' : undefined}>{`  ${variable.name}${variable.secret ? ' 🔒' : ''} ${status}${variable.description ? ` · ${variable.description}` : ''}`}</Line>);
    }
  }
  rows.push(...listDiagnosticRows(state));
  if (runbook.prerequisites.length) {
    rows.push(<Line key="gap3" />);
    rows.push(<Line key="r-h" bold>{'Prerequisites (confirm them in the checklist, c):'}</Line>);
    for (const p of runbook.prerequisites) rows.push(<Line key={`r-${p.id}`}>{`  ☐ ${p.text}`}</Line>);
  }
  return (
    <Box flexDirection="column" height={height}>
      {rows.slice(0, height)}
    </Box>
  );
}

/** Errors and warnings of the runbook: the first few, and how many more `litops inspect` shows. */
function listDiagnosticRows(state: TuiState): ReactElement[] {
  const diagnostics = listRunDiagnostics(state.runbook);
  if (diagnostics.length === 0) return [];
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const counts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', diagnostics.length - errors ? `${diagnostics.length - errors} warning${diagnostics.length - errors === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
  const rows = [<Line key="gap-d" />, <Line key="d-h" bold>{`Diagnostics (${counts}):`}</Line>];
  diagnostics.slice(0, SHOWN_DIAGNOSTICS).forEach((d, i) => {
    rows.push(<Line key={`d-${i}`} color={d.severity === 'error' ? 'red' : 'yellow'}>{`  ${d.severity === 'error' ? '✗' : '⚠'} line ${d.line}: ${d.message}`}</Line>);
  });
  const more = diagnostics.length - SHOWN_DIAGNOSTICS;
  if (more > 0) rows.push(<Line key="d-more" dim>{`  … and ${more} more (litops inspect lists them all)`}</Line>);
  return rows;
}
