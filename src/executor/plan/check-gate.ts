import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { ExitCode } from '../../model/errors.js';
import type { Cell, Runbook, Variable } from '../../model/runbook.js';
import type { GateProblem } from '../../model/plan.js';
import type { Plan } from './build-plan.js';
import { hasOwnTimeout } from '../run/resolve-run-timeout.js';

/** Why a run cannot start: exit 2 (the input is wrong) or 3 (a person must act); see `src/model/plan.ts`. */
export type { GateProblem } from '../../model/plan.js';

/** Options of {@link checkGate}. */
export interface GateOptions {
  /** `ci` refuses what needs a person; `interactive` leaves it to the operator. */
  mode: 'ci' | 'interactive';
  /** `true`: every destructive cell may run; a list: those cells (ids or names); `false`: none unattended. */
  allowDestructive: boolean | string[];
  /** Required inputs nothing provided. */
  missingInputs: Variable[];
  /** PATH to look `requires` up in (default: the process's). */
  path?: string;
}

/**
 * Everything that must stop a run before any cell runs, all of it at once so
 * one CI failure names every problem: error diagnostics, missing commands of
 * `requires`, missing inputs, destructive or interactive cells nobody allowed,
 * and blocking cells (`tail -f`, `watch`...) that no `timeout` attribute bounds.
 */
export function checkGate(runbook: Runbook, plan: Plan, options: GateOptions): GateProblem[] {
  const problems: GateProblem[] = [];
  const where = runbook.path ?? '<runbook>';
  for (const diagnostic of runbook.diagnostics.filter((d) => d.severity === 'error')) {
    problems.push({ kind: 'diagnostic', exitCode: ExitCode.usage, message: `${where}:${diagnostic.line}:${diagnostic.column}: ${diagnostic.message} (${diagnostic.rule})` });
  }
  for (const command of runbook.frontMatter.requires ?? []) {
    if (!isOnPath(command, options.path ?? process.env.PATH ?? '')) {
      problems.push({ kind: 'requires', exitCode: ExitCode.usage, message: `this runbook requires \`${command}\`, which is not on PATH; install it or run where it is available` });
    }
  }
  if (options.mode !== 'ci') return problems;
  for (const variable of options.missingInputs) {
    const about = variable.description ? ` (${variable.description})` : '';
    problems.push({ kind: 'input', exitCode: ExitCode.needsPerson, message: `missing input ${variable.name}${about}: give --set ${variable.name}=..., --env-file, or the environment` });
  }
  for (const cell of plan.cells.filter((c) => c.destructive && !isAllowed(c, options.allowDestructive))) {
    const reasons = cell.reasons.map((r) => r.reason).join('; ');
    problems.push({ kind: 'destructive', exitCode: ExitCode.needsPerson, message: `${cell.id} (${where}:${cell.line}) is destructive: ${reasons}; allow it with --allow-destructive=${cell.attributes.name ?? cell.id}` });
  }
  for (const cell of plan.cells.filter((c) => c.attributes.interactive === true)) {
    problems.push({ kind: 'interactive', exitCode: ExitCode.needsPerson, message: `${cell.id} (${where}:${cell.line}) is interactive and needs a terminal; run it with litops run in a terminal, or leave it out with --only/--from/--to` });
  }
  for (const cell of plan.cells.filter((c) => c.blocking && !hasOwnTimeout(c))) {
    problems.push({ kind: 'blocking', exitCode: ExitCode.needsPerson, message: formatBlockingProblem(cell, where) });
  }
  return problems;
}

/** The exit code for a set of problems: 2 when any input is wrong, else 3. */
export function getGateExitCode(problems: readonly GateProblem[]): number {
  return problems.some((p) => p.exitCode === ExitCode.usage) ? ExitCode.usage : ExitCode.needsPerson;
}

/** A blocking cell nothing bounds: where it is, each command's reason, and the three ways out. */
function formatBlockingProblem(cell: Cell, where: string): string {
  const reasons = cell.blockingReasons.map((r) => `${r.reason} (line ${r.line})`).join('; ') || 'marked blocking';
  return `${cell.id} (${where}:${cell.line}) is blocking: ${reasons}; unattended, it would never end: bound it with a timeout attribute (e.g. {timeout=30s}; ending by it counts as done), run it in the terminal UI (Ctrl-C ends it), or leave it out with --only/--from/--to`;
}

function isAllowed(cell: Cell, allow: boolean | string[]): boolean {
  if (allow === true) return true;
  if (allow === false) return false;
  return allow.includes(cell.id) || (cell.attributes.name !== undefined && allow.includes(cell.attributes.name));
}

/** True when `command` is an executable file on `path` (or an existing path itself). */
export function isOnPath(command: string, path: string): boolean {
  const candidates = command.includes('/') ? [command] : path.split(delimiter).filter(Boolean).map((dir) => join(dir, command));
  return candidates.some((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
