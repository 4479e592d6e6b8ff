import { Box } from 'ink';
import type { ReactElement } from 'react';
import type { TuiState } from '../state/index.js';
import { Line } from './line.js';

/** What the runbook is, what it needs, and which part to run. */
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
  const inputs = runbook.variables.filter((v) => v.role === 'input');
  if (inputs.length) {
    rows.push(<Line key="gap2" />);
    rows.push(<Line key="i-h" bold>{'Inputs:'}</Line>);
    for (const variable of inputs) {
      const missing = state.inputs.names.includes(variable.name);
      const status = missing ? 'asked when you start' : variable.secret ? 'given (secret)' : `= ${state.inputs.values[variable.name] ?? variable.default ?? ''}`;
      rows.push(<Line key={`v-${variable.name}`} color={missing ? 'yellow' : undefined}>{`  ${variable.name}${variable.secret ? ' 🔒' : ''} ${status}${variable.description ? ` · ${variable.description}` : ''}`}</Line>);
    }
  }
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
