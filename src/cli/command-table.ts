import type { CommandSpec } from './command-spec.js';
import { inspectSpec } from './commands/inspect-spec.js';
import { keygenSpec } from './commands/keygen-spec.js';
import { reportSpec } from './commands/report-spec.js';
import { replaySpec } from './commands/replay-spec.js';
import { resumeSpec } from './commands/resume-spec.js';
import { runSpec } from './commands/run-spec.js';
import { verifySpec } from './commands/verify-spec.js';

/** The commands this version implements, in the order `litops --help` lists them. Add one entry per command. */
export const COMMANDS: readonly CommandSpec[] = [inspectSpec, runSpec, resumeSpec, replaySpec, verifySpec, reportSpec, keygenSpec];

/** Commands of design.md not implemented yet: named as planned rather than unknown. Remove each as it lands. */
export const PLANNED_COMMANDS: readonly string[] = [];
