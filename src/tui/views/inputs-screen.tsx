import { Box } from 'ink';
import { findInputVariable, type TuiState } from '../state/index.js';
import { Line } from './line.js';
import { TextField } from './text-field.js';

/** Asks for each input nothing provided; secrets are masked and never logged. */
export function InputsScreen({ state, height }: { state: TuiState; height: number }) {
  const { names, index, input } = state.inputs;
  const name = names[index]!;
  const variable = findInputVariable(state, name);
  return (
    <Box flexDirection="column" height={height}>
      <Line bold>{`Input ${index + 1} of ${names.length}: ${name}`}</Line>
      {variable?.description ? <Line dim>{variable.description}</Line> : null}
      {variable?.secret ? <Line color="yellow">{'secret: masked here, redacted from output and never written to the log'}</Line> : null}
      <Line />
      <TextField input={input} label={`${name} = `} masked={variable?.secret ?? false} />
      {state.inputs.error ? <Line color="yellow">{state.inputs.error}</Line> : null}
      {state.busy ? <Line dim>{'starting the run…'}</Line> : null}
    </Box>
  );
}
