import { ExitCode } from '../../model/errors.js';
import type { CommandSpec } from '../command-spec.js';
import { runSpec } from './run-spec.js';

const shared = ['set', 'env-file', 'allow-destructive', 'key', 'as', 'log-dir'] as const;

/** `litops replay RUNDIR [options]`, declared as data; the handler is `./replay.js`. */
export const replaySpec: CommandSpec = {
  name: 'replay',
  summary: 're-execute a recorded run unattended and report drift',
  description: [
    'Runs a recorded run again, unattended, into a new run directory whose run.start names',
    'the original (replayOf: its run id, directory and the sha256 of its events.jsonl): the',
    'runbook.md it ran, its plan in its order, its skips, its edits, and its inputs as recorded.',
    'Secrets are never logged: give them again (--set, --env-file, the environment).',
    '',
    'An edited cell runs the edit, proven by the sha256 the original recorded; an edit that held',
    'a secret (recorded as [REDACTED]) runs only when a secret given now restores that exact',
    'sha256, else the replay is refused (exit 3). Destructive cells need --allow-destructive',
    'as with run; a blocking cell (tail -f, watch) with no timeout attribute is refused (exit 3),',
    'even when the original ran it in the terminal UI. Cells get 30 minutes unless the front',
    "matter or --timeout (default: the original's) says otherwise.",
    '',
    'Then it prints the drift per cell: status, exit code, each expectation, each bound',
    'criterion, and the stdout/stderr digests. Drift in statuses, exit codes, expectations or',
    'criteria exits 1. A changed output digest alone is reported but exits 0 (outputs hold',
    'times and ids that legitimately change); --ignore-output leaves digests out.',
  ].join('\n'),
  arguments: [{ name: 'RUNDIR', description: 'the run directory to replay (it is only read)' }],
  options: {
    ...Object.fromEntries(shared.map((name) => [name, runSpec.options[name]!])),
    db: { ...runSpec.options.db!, defaultText: "the original's --db, unless its password was redacted" },
    sandbox: { type: 'boolean', description: "run every SQL cell against a fresh embedded PostgreSQL (default: as the original)" },
    timeout: { ...runSpec.options.timeout!, defaultText: "the original's --timeout" },
    'ignore-output': { type: 'boolean', description: 'do not compare or report stdout/stderr digests' },
    json: { type: 'boolean', description: 'print the drift as JSON on stdout; progress goes to stderr' },
  },
  examples: [
    { command: 'replay .litops/runs/20261122-090625-host-health-check-226d34', description: 'does the recorded health check still behave the same?' },
    { command: 'replay RUNDIR --set API_TOKEN=$API_TOKEN --ignore-output --json', description: 'in CI: give the secret again, compare results only, JSON out' },
  ],
  exitCodes: [
    { code: ExitCode.ok, meaning: 'no drift in statuses, exit codes, expectations or criteria (output digests may differ)' },
    { code: ExitCode.failed, meaning: 'drift in a status, exit code, expectation or criterion; or the recorded run does not verify' },
    { code: ExitCode.usage, meaning: 'not a run directory, bad usage, or --set changing a recorded input' },
    { code: ExitCode.needsPerson, meaning: 'a secret input missing, an edit holding a secret not restorable, or a destructive or interactive cell not allowed' },
    { code: ExitCode.interrupted, meaning: 'interrupted (Ctrl-C)' },
  ],
  environment: runSpec.environment ?? [],
  load: () => import('./replay.js'),
};
