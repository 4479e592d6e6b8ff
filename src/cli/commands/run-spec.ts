import { ExitCode } from '../../model/errors.js';
import type { CommandSpec } from '../command-spec.js';

/** `litops run FILE [options]`, declared as data; the handler is `./run.js`, imported when it runs. */
export const runSpec: CommandSpec = {
  name: 'run',
  summary: 'run a runbook: its shell and SQL cells, expectations and checks',
  description: [
    'Runs the runbook\'s shell and SQL cells in order, evaluates expectations and',
    'bound criteria, and prints one line per cell and a summary. It stops at the',
    'first failure unless --keep-going.',
    '',
    'Before anything runs, it refuses (exit 3) when a required input is missing, or',
    'a destructive or interactive cell is not allowed, naming every one; and (exit 2)',
    'when the runbook has error diagnostics or a command it requires is not on PATH.',
    '',
    'SQL goes to the cell\'s connection, else --db, else DATABASE_URL, else libpq\'s PG*',
    'variables, else an embedded PostgreSQL (PGlite) kept in .litops/pglite.',
    '',
    'The interactive terminal UI is not built yet: in a terminal, run behaves as with --ci.',
  ].join('\n'),
  arguments: [{ name: 'FILE', description: 'the runbook to run (Markdown, UTF-8)' }],
  options: {
    ci: { type: 'boolean', description: 'run without a person (the default when stdin or stdout is not a terminal)' },
    set: { type: 'string', multiple: true, valueName: 'KEY=VALUE', description: 'give an input a value (repeatable); wins over --env-file and the environment' },
    'env-file': { type: 'string', valueName: 'FILE', description: 'read inputs from a dotenv file' },
    only: { type: 'string', multiple: true, valueName: 'ID', description: 'run only this step, cell (id or name) or procedure (repeatable)' },
    from: { type: 'string', valueName: 'ID', description: 'start at this step or cell' },
    to: { type: 'string', valueName: 'ID', description: 'stop after this step or cell' },
    tag: { type: 'string', multiple: true, valueName: 'TAG', description: 'run only steps whose cells carry this tag (repeatable)' },
    'dry-run': { type: 'boolean', description: 'print the plan (steps, cells, targets, inputs, destructive marks, expectations) and run nothing' },
    db: { type: 'string', valueName: 'URL', description: 'the default SQL target (postgres://...)' },
    sandbox: { type: 'boolean', description: 'run every SQL cell against a fresh embedded PostgreSQL' },
    'keep-going': { type: 'boolean', description: 'go on after a failed cell' },
    'allow-destructive': { type: 'string', valueName: 'NAME,...', optionalValue: '*', description: 'let destructive cells run unattended: all of them, or those named (ids or names)' },
    timeout: { type: 'string', valueName: 'DURATION', description: 'per-cell timeout when the cell and the runbook set none (e.g. 30s, 5m)' },
    json: { type: 'boolean', description: 'print a machine summary (JSON) on stdout; progress goes to stderr' },
  },
  examples: [
    { command: 'run runbooks/postgres-health.md --ci', description: 'the health check, on the embedded PostgreSQL when no database is given' },
    { command: 'run runbooks/postgres-health.md --db postgres://localhost/app --set LONG_QUERY_SECONDS=60', description: 'against a real server, with an input set' },
    { command: 'run runbooks/demo-setup.md --allow-destructive=demo-reset', description: 'allow one destructive cell by name' },
    { command: 'run runbooks/host-health.md --dry-run', description: 'show what would run, and stop' },
  ],
  exitCodes: [
    { code: ExitCode.ok, meaning: 'every cell ran and every check passed' },
    { code: ExitCode.failed, meaning: 'a cell failed, or an expectation or criterion failed' },
    { code: ExitCode.usage, meaning: 'bad usage, unreadable file, error diagnostics in the runbook, or a required command missing' },
    { code: ExitCode.needsPerson, meaning: 'a missing input, an unanswered manual step or criterion, or a destructive or interactive cell not allowed' },
    { code: ExitCode.interrupted, meaning: 'interrupted (Ctrl-C)' },
  ],
  environment: [
    { name: 'DATABASE_URL', description: 'the SQL target when no --db is given' },
    { name: 'PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD', description: "libpq's variables, used when neither --db nor DATABASE_URL is set" },
    { name: 'GITHUB_ACTIONS', description: 'when "true", progress uses ::group:: and ::error annotations at the runbook line' },
  ],
  load: () => import('./run.js'),
};
