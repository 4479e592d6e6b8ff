import { ExitCode } from '../../model/errors.js';
import type { CommandSpec } from '../command-spec.js';
import { runSpec } from './run-spec.js';

const shared = ['ci', 'set', 'env-file', 'answers', 'report', 'allow-destructive', 'db', 'sandbox', 'keep-going', 'timeout', 'json', 'key', 'as'] as const;

/** `litops resume RUNDIR`, declared as data; the handler is `./resume.js`. */
export const resumeSpec: CommandSpec = {
  name: 'resume',
  summary: 'continue an interrupted run in the same signed log',
  description: [
    'Continues a run that was cut off (killed, crashed, interrupted) in the same run directory',
    'and hash chain: it verifies the log so far, records run.resume, restores the session',
    '(non-secret inputs, captures, shell variables and working directory), runs the cell that',
    'was cut off again, and every cell of the plan that has not finished. A finished cell never',
    'runs twice. Secrets are never in the log: give them again (--set, --env-file, environment).',
    'In a terminal it reopens the terminal UI where the run stopped; --ci continues unattended,',
    'refusing (exit 3) a blocking cell with no timeout attribute as run does, with the',
    "original's --timeout unless one is given (else the front matter's, else 30 minutes).",
  ].join('\n'),
  arguments: [{ name: 'RUNDIR', description: 'the run directory to continue' }],
  options: Object.fromEntries(shared.map((name) => [name, runSpec.options[name]!])),
  examples: [{ command: 'resume .litops/runs/20261122-090625-host-health-check-226d34', description: 'finish an interrupted health check' }],
  exitCodes: [
    ...runSpec.exitCodes,
    { code: ExitCode.failed, meaning: 'also: the log so far does not verify (tampered), so it is not continued' },
  ],
  load: () => import('./resume.js'),
};
