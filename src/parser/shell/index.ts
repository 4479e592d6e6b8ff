export { analyzeShell } from './analyze-shell.js';
export { splitNumberedParts } from './split-numbered-parts.js';
export { looksLikeShell } from './looks-like-shell.js';
export { isWellKnownVariable } from './well-known-variables.js';
export { destructiveRules, blockingRules, type DestructiveRule, type PathStep, type SafetyRule } from './destructive-rules.js';
export type { CommandUse, EmbeddedSql, ShellAnalysis, ShellPart, SqlVia, VariableScope, VariableUse } from './types.js';
