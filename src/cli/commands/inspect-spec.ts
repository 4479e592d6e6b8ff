import { ExitCode } from '../../model/errors.js';
import type { CommandSpec } from '../command-spec.js';

/** `litops inspect FILE [--json]`, declared as data; the handler is `./inspect.js`, imported when it runs. */
export const inspectSpec: CommandSpec = {
  name: 'inspect',
  summary: 'parse a runbook; print its step graph (outline or JSON) and diagnostics',
  description: [
    'Parses a Markdown runbook and prints its step graph: procedures, steps, cells,',
    'criteria, prerequisites, variables, and the diagnostics found in the file.',
    'Nothing is run. The outline is for people; --json is the public schema for tools.',
  ].join('\n'),
  arguments: [{ name: 'FILE', description: 'the runbook to read: a Markdown file in UTF-8 (a BOM and CRLF line ends are fine)' }],
  options: {
    json: { type: 'boolean', description: 'print the step graph as JSON instead of the outline', defaultText: 'off' },
  },
  examples: [
    { command: 'inspect runbooks/postgres-health.md', description: 'the outline: procedures, steps and cells, with diagnostics' },
    {
      command: "inspect runbooks/postgres-health.md --json | jq -r '.cells[] | select(.executable) | .id'",
      description: 'the ids of the cells that would run',
    },
    {
      command: "inspect runbooks/postgres-health.md --json | jq '.diagnostics'",
      description: 'only the diagnostics, as {severity, rule, message, line, column}',
    },
  ],
  exitCodes: [
    { code: ExitCode.ok, meaning: 'the runbook parsed with no error diagnostics (warnings are fine)' },
    { code: ExitCode.failed, meaning: 'the runbook has error diagnostics (shown in the outline or the JSON)' },
    { code: ExitCode.usage, meaning: 'bad usage, or FILE cannot be read: missing, a directory, not readable, binary, or not UTF-8' },
  ],
  load: () => import('./inspect.js'),
};
