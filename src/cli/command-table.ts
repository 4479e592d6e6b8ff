import type { CommandSpec } from './command-spec.js';
import { inspectSpec } from './commands/inspect-spec.js';

/** The commands this version implements, in the order `litops --help` lists them. Add one entry per command. */
export const COMMANDS: readonly CommandSpec[] = [inspectSpec];

/** Commands of design.md not implemented yet: named as planned rather than unknown. Remove each as it lands. */
export const PLANNED_COMMANDS: readonly string[] = ['run', 'resume', 'replay', 'verify', 'report', 'keygen'];
