import { dirname, resolve } from 'node:path';
import { ExitCode, UsageError, type ExitCodeValue } from '../../model/errors.js';
import { parseDuration } from '../../model/duration.js';
import type { CommandContext, OptionValues } from '../command-spec.js';
import type { Answers } from '../../model/answers.js';
import type { Runbook } from '../../model/runbook.js';
import type { Selection } from '../../executor/index.js';
import { readRunbookFile } from '../read-runbook-file.js';
import { isColorEnabled } from '../style.js';

/**
 * `litops run FILE`: parse, plan, check the gate (inputs, safety, requires),
 * then run unattended with progress lines, a summary and the signed log.
 */
export async function run({ args, options, io }: CommandContext): Promise<ExitCodeValue> {
  const file = await readRunbookFile(args[0] ?? '');
  const [{ parseRunbook }, executor] = await Promise.all([import('../../parser/index.js'), import('../../executor/index.js')]);
  const { runbook } = await parseRunbook(file.text, { path: file.path, bytes: file.bytes });
  const env = { ...io.env };
  const set = executor.parseSetOptions(strings(options.set));
  const envFile = typeof options['env-file'] === 'string' ? await executor.readEnvFile(options['env-file']) : {};
  const sources = { set, envFile, env, frontMatterEnv: runbook.frontMatter.env ?? {} };
  const selection = readSelection(options);
  const plan = executor.buildPlan(runbook, selection);
  // Only what the planned cells read is asked for; a whole run keeps every input of the runbook.
  const variables = executor.scopeInputs(runbook, plan, { whole: isWholeSelection(selection) });
  const inputs = executor.resolveInputs(variables, sources);
  const answers = typeof options.answers === 'string' ? await readCheckedAnswers(options.answers, runbook) : undefined;
  const allowed = parseAllowDestructive(options['allow-destructive']);
  const allowDestructive = allowed === true ? true : [...(allowed || []), ...(answers?.confirm ?? [])];
  const interactive = isInteractive(options, io);
  // In the terminal UI a person answers: missing inputs are asked for, destructive cells confirmed by name.
  const problems = executor.checkGate(runbook, plan, { mode: interactive ? 'interactive' : 'ci', allowDestructive, missingInputs: interactive ? [] : inputs.missing, path: env.PATH ?? '' });
  const timeoutMs = typeof options.timeout === 'string' ? parseTimeout(options.timeout) : null;
  // A bad --report is a usage error before anything runs, not after.
  (await import('../write-reports.js')).parseReportSpecs(strings(options.report));
  if (options['dry-run'] === true) {
    const [{ buildRunPlan }, { formatPlan }] = await Promise.all([import('../build-run-plan.js'), import('../format-plan.js')]);
    const timeout = executor.resolveRunTimeout(runbook, timeoutMs, 'ci');
    const runPlan = buildRunPlan({ runbook, plan, selection, variables, inputs, problems, targets: { db: string(options.db), sandbox: options.sandbox === true, env }, timeout });
    io.stdout.write(options.json === true ? `${JSON.stringify(runPlan, null, 2)}\n` : formatPlan(runPlan, { color: isColorEnabled(io.stdout, io.env) }));
    return problems.length ? (executor.getGateExitCode(problems) as ExitCodeValue) : ExitCode.ok;
  }
  // The terminal UI shows them in its overview; unattended, they go where the log of the job is read.
  if (!interactive) await writeRunDiagnostics(runbook, io);
  if (problems.length) {
    for (const problem of problems.filter((p) => interactive || p.kind !== 'diagnostic')) io.stderr.write(`litops: ${problem.message}\n`);
    const code = executor.getGateExitCode(problems);
    io.stderr.write(`litops: nothing was run (exit ${code}: ${code === ExitCode.usage ? 'invalid input' : 'needs a person'})\n`);
    return code as ExitCodeValue;
  }
  const runbookDir = dirname(resolve(file.path));
  const { createRunLog } = await import('../run-log.js');
  if (interactive) {
    const [{ runInteractive }, { scopeChoices }] = await Promise.all([import('../run-interactive.js'), import('../scope-choices.js')]);
    const given = [...selection.only.map((id) => `--only ${id}`), ...(selection.from ? [`--from ${selection.from}`] : []), ...(selection.to ? [`--to ${selection.to}`] : []), ...selection.tags.map((tag) => `--tag ${tag}`)];
    const choices = scopeChoices(runbook, selection, sources, { fixed: given.length > 0 });
    return runInteractive({
      runbook,
      runbookDir,
      options,
      io,
      inputs: { values: choices.values, sources: choices.sources, missing: choices.byChoice.get(null)!.missing },
      inputsByChoice: choices.byChoice,
      selection,
      fixedSelection: given.length ? given.join(' ') : null,
      timeoutMs,
      createLog: (runId) => createRunLog({ runId, runbookBytes: file.bytes, options, env, runbookDir }),
    });
  }
  const runId = executor.createRunId(runbook.title, new Date());
  const log = await createRunLog({ runId, runbookBytes: file.bytes, options, env, runbookDir });
  const { executeRun } = await import('../execute-run.js');
  return executeRun({ runbook, runbookDir, runId, plan, inputs, options, io, log, timeoutMs, ...(answers ? { answers } : {}) });
}

/** `--only`, `--from`, `--to`, `--tag` as given. */
export function readSelection(options: OptionValues): Required<Selection> {
  return { only: strings(options.only), from: string(options.from), to: string(options.to), tags: strings(options.tag) };
}

/** True when nothing narrows the run: the whole runbook runs. */
export function isWholeSelection(selection: Selection): boolean {
  return !selection.only?.length && !selection.from && !selection.to && !selection.tags?.length;
}

/** The runbook's errors and warnings on stderr, as `inspect` lists them (at most 20, then a count). */
async function writeRunDiagnostics(runbook: Runbook, io: CommandContext['io']): Promise<void> {
  const [{ listRunDiagnostics }, { formatDiagnostics }] = await Promise.all([import('../../executor/index.js'), import('../format-diagnostics.js')]);
  const lines = formatDiagnostics(runbook.path, listRunDiagnostics(runbook), { color: isColorEnabled(io.stderr, io.env), limit: 20 });
  if (lines.length) io.stderr.write(`${lines.join('\n')}\n`);
}

/** The terminal UI runs when a person is at a terminal and nothing asked for an unattended run. */
export function isInteractive(options: OptionValues, io: CommandContext['io']): boolean {
  const unattended = options.ci === true || options.json === true || options['dry-run'] === true || typeof options.answers === 'string';
  return !unattended && io.stdin?.isTTY === true && io.stdout.isTTY === true;
}

/** `--answers FILE`, with every id the runbook does not have named in one usage error. */
export async function readCheckedAnswers(path: string, runbook: Runbook): Promise<Answers> {
  const { readAnswersFile, findUnknownAnswerIds } = await import('../../executor/index.js');
  const answers = await readAnswersFile(path);
  const unknown = findUnknownAnswerIds(answers, runbook);
  if (unknown.length) throw new UsageError(`--answers ${path}: unknown ids: ${unknown.join(', ')}; see litops inspect for the ids`);
  return answers;
}

export function strings(value: OptionValues[string]): string[] {
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

export function parseTimeout(text: string): number {
  const ms = parseDuration(text);
  if (ms === null || ms <= 0) throw new UsageError(`--timeout ${text}: not a duration (e.g. 30s, 5m, 1h30m)`);
  return ms;
}
