import { dirname, resolve } from 'node:path';
import { ExitCode, UsageError, type ExitCodeValue } from '../../model/errors.js';
import type { RunEvent } from '../../model/events.js';
import { parseDuration } from '../../model/duration.js';
import type { CommandContext, OptionValues } from '../command-spec.js';
import { readRunbookFile } from '../read-runbook-file.js';
import { isColorEnabled } from '../style.js';
import { readVersion } from '../version.js';

/**
 * `litops run FILE`: parse, plan, check the gate (inputs, safety, requires),
 * then run unattended with progress lines and a summary.
 */
export async function run({ args, options, io }: CommandContext): Promise<ExitCodeValue> {
  const file = await readRunbookFile(args[0] ?? '');
  const [{ parseRunbook }, executor, reporters] = await Promise.all([import('../../parser/index.js'), import('../../executor/index.js'), import('../../reporters/index.js')]);
  const { runbook } = await parseRunbook(file.text, { path: file.path, bytes: file.bytes });
  const env = { ...io.env };
  const set = executor.parseSetOptions(strings(options.set));
  const envFile = typeof options['env-file'] === 'string' ? await executor.readEnvFile(options['env-file']) : {};
  const inputs = executor.resolveInputs(runbook.variables, { set, envFile, env, frontMatterEnv: runbook.frontMatter.env ?? {} });
  const plan = executor.buildPlan(runbook, { only: strings(options.only), from: string(options.from), to: string(options.to), tags: strings(options.tag) });
  const problems = executor.checkGate(runbook, plan, { mode: 'ci', allowDestructive: parseAllowDestructive(options['allow-destructive']), missingInputs: inputs.missing, path: env.PATH ?? '' });
  const progress = options.json === true ? io.stderr : io.stdout;
  const color = isColorEnabled(progress, io.env);
  if (options['dry-run'] === true) {
    const { formatPlan } = await import('../format-plan.js');
    io.stdout.write(formatPlan({ runbook, plan, inputs, problems, targets: { db: string(options.db), sandbox: options.sandbox === true, env }, color }));
    return problems.length ? (executor.getGateExitCode(problems) as ExitCodeValue) : ExitCode.ok;
  }
  if (problems.length) {
    for (const problem of problems) io.stderr.write(`litops: ${problem.message}\n`);
    const code = executor.getGateExitCode(problems);
    io.stderr.write(`litops: nothing was run (exit ${code}: ${code === ExitCode.usage ? 'invalid input' : 'needs a person'})\n`);
    return code as ExitCodeValue;
  }
  if (options.ci !== true && io.stdin?.isTTY && progress.isTTY) {
    progress.write('litops: the interactive terminal UI is not built yet; running unattended, as with --ci\n');
  }
  const timeoutMs = typeof options.timeout === 'string' ? parseTimeout(options.timeout) : null;
  const events: RunEvent[] = [];
  const report = reporters.createConsoleReporter({ write: (text) => progress.write(text), runbook, color, githubActions: env.GITHUB_ACTIONS === 'true' });
  const { context, close } = await executor.createRun({
    runbook,
    runbookDir: dirname(resolve(file.path)),
    values: inputs.values,
    db: string(options.db),
    sandbox: options.sandbox === true,
    env,
    dataDir: resolve('.litops'),
    timeoutMs,
    emit: (event) => {
      if (event.type !== 'cell.output') events.push(event);
      report(event);
    },
  });
  const abort = new AbortController();
  const onSigint = () => {
    if (abort.signal.aborted) process.exit(ExitCode.interrupted);
    progress.write('\nlitops: interrupted; ending the running cell (Ctrl-C again to quit at once)\n');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    await executor.emitRunStart(context, { options: summarizeOptions(options), inputSources: inputs.sources, mode: 'ci', plan, toolVersion: await readVersion() });
    for (const note of plan.notes) await context.emit({ type: 'run.notice', level: 'warning', message: note, ts: new Date().toISOString() });
    const summary = await executor.runUnattended(context, plan, { keepGoing: options['keep-going'] === true, signal: abort.signal });
    if (options.json === true) {
      const { buildRunSummaryJson } = await import('../run-summary-json.js');
      io.stdout.write(`${JSON.stringify(buildRunSummaryJson(runbook, events), null, 2)}\n`);
    }
    return summary.exitCode as ExitCodeValue;
  } finally {
    process.off('SIGINT', onSigint);
    await close();
  }
}

function strings(value: OptionValues[string]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : [];
}

function string(value: OptionValues[string]): string | null {
  return typeof value === 'string' ? value : null;
}

/** `--allow-destructive` alone allows all; `=a,b` allows those. */
function parseAllowDestructive(value: OptionValues[string]): boolean | string[] {
  if (typeof value !== 'string') return false;
  if (value === '*') return true;
  return value.split(',').map((name) => name.trim()).filter(Boolean);
}

function parseTimeout(text: string): number {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw new UsageError(`--timeout ${text}: not a duration (e.g. 30s, 5m, 1h30m)`);
  return ms;
}

/** The options as run.start records them (values of --set are inputs, recorded there, redacted). */
function summarizeOptions(options: OptionValues): Record<string, unknown> {
  const { set: _set, ...rest } = options;
  return Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
}
