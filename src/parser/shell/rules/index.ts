import { blockingRules } from './blocking.js';
import { cloudCliRules } from './cloud-clis.js';
import { databaseRules } from './databases.js';
import { orchestratorRules } from './orchestrators.js';
import { shellToolRules } from './shell-tools.js';
import type { SafetyRule } from './types.js';

/**
 * The destructive tables, one per tool family, most specific rows first within
 * each: a command reports the first row it matches. A new tool is a new row
 * (and a case in test/parser/shell/safety-rules.test.ts).
 */
export const destructiveRules: readonly SafetyRule[] = [...shellToolRules, ...orchestratorRules, ...cloudCliRules, ...databaseRules];

export { blockingRules, cloudCliRules, databaseRules, orchestratorRules, shellToolRules };
export type { DestructiveRule, PathStep, SafetyRule } from './types.js';
