import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import type { EventOf, EventSink } from '../../model/events.js';
import type { Runbook } from '../../model/runbook.js';
import { isSecretName } from '../../parser/index.js';
import { createShellSession } from '../shell/index.js';
import { createSqlSessions } from '../sql/index.js';
import { collectSecrets, createRedactor, redactValue } from '../secrets/index.js';
import type { Plan } from '../plan/build-plan.js';
import { emitEvent, type RunContext } from './run-context.js';
import { resolveRunTimeout } from './resolve-run-timeout.js';

/** Options of {@link createRun}. */
export interface CreateRunOptions {
  runbook: Runbook;
  /** Folder of the runbook file: a relative front matter `cwd` is relative to it. */
  runbookDir: string;
  /** Resolved inputs (secrets included; they never leave the context unredacted). */
  values: Record<string, string>;
  /** `--db` (default: none). */
  db: string | null;
  /** `--sandbox`: every SQL cell against a fresh embedded database. */
  sandbox: boolean;
  /** The environment cells start from and targets are resolved in. */
  env: Record<string, string | undefined>;
  /** Where embedded databases live (default `<cwd>/.litops`). */
  dataDir: string;
  /** `--timeout` per cell, in ms, or null; the front matter's `timeout` wins over it (see `resolveRunTimeout`). */
  timeoutMs: number | null;
  /** `ci` (default): cells that set no timeout get 30 minutes; `interactive`: none, the operator has Ctrl-C. */
  mode?: 'ci' | 'interactive';
  emit: EventSink;
  /** Clock (default `new Date()`); tests pass a fixed one. */
  now?: () => Date;
  /** Continue this run id (resume) instead of making a new one. */
  runId?: string;
}

/** A run's context and how to release what it holds. */
export interface CreatedRun {
  context: RunContext;
  close(): Promise<void>;
}

/**
 * Builds the context a run needs: a run id, the secrets and their redactor, a
 * private state directory for the shell session, and the SQL sessions (opened
 * lazily, each announced with a `target.open` event).
 */
export async function createRun(options: CreateRunOptions): Promise<CreatedRun> {
  const { runbook, env } = options;
  const now = options.now ?? (() => new Date());
  const runId = options.runId ?? createRunId(runbook.title, now());
  const connectionUrls = Object.values(runbook.frontMatter.connections ?? {}).map((connection) => (connection.url.startsWith('env:') ? env[connection.url.slice(4)] : connection.url));
  const declared = collectSecrets({ variables: runbook.variables, values: options.values, env, urls: [options.db, ...connectionUrls].filter((url): url is string => Boolean(url)) });
  // Secret-named variables of the environment leak through `env` or `set -x` even when the runbook never names them.
  const ambient = Object.entries(env).filter(([name, value]) => isSecretName(name) && value !== undefined && value.length >= 6).map(([, value]) => value!);
  const secrets = [...new Set([...declared, ...ambient])].sort((a, b) => b.length - a.length);
  const stateDir = await mkdtemp(join(tmpdir(), 'litops-state-'));
  const cellEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries({ ...env, ...(runbook.frontMatter.env ?? {}), ...options.values })) if (value !== undefined) cellEnv[key] = value;
  const cwd = runbook.frontMatter.cwd ? resolve(options.runbookDir, runbook.frontMatter.cwd) : process.cwd();
  const shell = createShellSession({ cwd, env: cellEnv, errexit: runbook.frontMatter.errexit ?? true, stateDir });
  const context: RunContext = {
    runId,
    runbook,
    values: { ...options.values },
    captures: {},
    redactor: createRedactor(secrets),
    secrets,
    shell,
    sql: undefined as never,
    targets: { connections: runbook.frontMatter.connections ?? {}, db: options.db, env, sandbox: options.sandbox, dataDir: options.dataDir },
    timeout: resolveRunTimeout(runbook, options.timeoutMs, options.mode ?? 'ci'),
    emit: options.emit,
    now,
    attempts: 0,
    results: new Map(),
  };
  context.sql = createSqlSessions({
    dataDir: options.dataDir,
    onTargetOpen: (target) => void emitEvent<EventOf<'target.open'>>(context, { type: 'target.open', target: redactValue(target, context.redactor) as typeof target }),
  });
  return {
    context,
    async close() {
      await Promise.allSettled([shell.close(), context.sql.close()]);
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

/** What `run.start` records beyond the context. */
export interface RunStartDetails {
  options: Record<string, unknown>;
  inputSources: Record<string, string>;
  mode: 'ci' | 'interactive';
  plan: Plan;
  toolVersion: string;
  /** `litops replay`: the recorded run this one re-executes (default: none, and run.start has no `replayOf`). */
  replayOf?: { runId: string; runDir: string; sha256OfEvents: string };
}

/** Emits `run.start`: the runbook, who and where, options, inputs (secrets redacted) and the effective per-cell timeout. */
export async function emitRunStart(context: RunContext, details: RunStartDetails): Promise<void> {
  const { runbook, redactor } = context;
  const secretNames = new Set(runbook.variables.filter((v) => v.secret).map((v) => v.name));
  const inputs = Object.fromEntries(Object.entries(context.values).map(([name, value]) => [name, secretNames.has(name) ? '[REDACTED]' : redactor.redact(value)]));
  await emitEvent<EventOf<'run.start'>>(context, {
    type: 'run.start',
    runId: context.runId,
    runbook: { path: runbook.path, sha256: runbook.sha256, title: runbook.title },
    options: redactValue(details.options, redactor) as Record<string, unknown>,
    inputs,
    inputSources: details.inputSources,
    host: hostname(),
    user: safeUser(),
    toolVersion: details.toolVersion,
    mode: details.mode,
    plan: details.plan.cells.map((cell) => cell.id),
    timeout: context.timeout,
    ...(details.replayOf ? { replayOf: details.replayOf } : {}),
  });
}

/** `<YYYYMMDD-HHMMSS>-<runbook-slug>-<6 hex>`, as design.md names run directories. */
export function createRunId(title: string, at: Date): string {
  const stampText = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'runbook';
  return `${stampText}-${slug}-${randomBytes(3).toString('hex')}`;
}

function safeUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? 'unknown';
  }
}
