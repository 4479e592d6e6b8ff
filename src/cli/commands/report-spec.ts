import { ExitCode } from '../../model/errors.js';
import type { CommandSpec } from '../command-spec.js';

/** `litops report RUNDIR --format FORMAT [-o FILE]`, declared as data; the handler is `./report.js`. */
export const reportSpec: CommandSpec = {
  name: 'report',
  summary: 'write a report of a run directory: Markdown, HTML, JUnit XML or JSON',
  description: [
    'Reads a run directory, verifies it first (as litops verify does), and writes a report of',
    'the run that says what the verification found: md (the runbook with each cell\'s status and',
    'output inserted after it), html (a self-contained audit report), junit (a testsuite per',
    'procedure, a testcase per cell and per criterion, for CI test views) or json (the public',
    'RunReport schema). The report goes to stdout, or to FILE with -o. `run` and `resume` write',
    'the same reports at the end of a run with --report FORMAT:PATH.',
  ].join('\n'),
  arguments: [{ name: 'RUNDIR', description: 'a run directory (.litops/runs/<id>)' }],
  options: {
    format: { type: 'string', valueName: 'md|html|junit|json', description: 'the report format (required)' },
    output: { type: 'string', short: 'o', valueName: 'FILE', defaultText: 'stdout', description: 'write the report to FILE (parent directories are created)' },
  },
  examples: [
    { command: 'report .litops/runs/20261122-090625-host-health-check-226d34 --format md', description: 'the runbook with its results, on stdout' },
    { command: 'report RUNDIR --format junit -o reports/litops.xml', description: 'JUnit XML for a CI test view' },
    { command: "report RUNDIR --format json | jq '.cells[] | select(.status != \"passed\") | .id'", description: 'the cells that did not pass' },
  ],
  exitCodes: [
    { code: ExitCode.ok, meaning: 'the report was written (whatever the run and its verification say: the report says it)' },
    { code: ExitCode.failed, meaning: 'RUNDIR has no readable run.start or runbook.md' },
    { code: ExitCode.usage, meaning: 'bad usage: no or unknown --format, RUNDIR is not a directory, FILE cannot be written' },
  ],
  load: () => import('./report.js'),
};
