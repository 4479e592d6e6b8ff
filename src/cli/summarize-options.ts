import type { OptionValues } from './command-spec.js';

/** The options as run.start records them (the values of --set are inputs, recorded there, redacted). */
export function summarizeOptions(options: OptionValues): Record<string, unknown> {
  const { set: _set, ...rest } = options;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}
