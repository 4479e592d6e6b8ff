import type { CommandSpec } from './command-spec.js';
import { inspectSpec } from './commands/inspect-spec.js';
import { runSpec } from './commands/run-spec.js';

/** The commands this version implements, in the order `litops --help` lists them. Add one entry per command. */
export const COMMANDS: readonly CommandSpec[] = [inspectSpec, runSpec];

/** Commands of design.md not implemented yet: named as planned rather than unknown. Remove each as it lands. */
export const PLANNED_COMMANDS: readonly string[] = ['resume', 'replay', 'verify', 'report', 'keygen'];
