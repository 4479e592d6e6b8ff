import { SQL_DESTRUCTIVE_RULES, type SqlDestructiveRule } from './destructive-rules.js';
import { parseDoBlock } from './parse-do-block.js';
import { visitExecutedNodes } from './walk-sql-tree.js';

/** A destructive rule that matched, before it is placed in the text. */
export interface RuleMatch {
  rule: string;
  reason: string;
}

const RULES_BY_NODE = new Map<string, SqlDestructiveRule[]>();
for (const rule of SQL_DESTRUCTIVE_RULES) RULES_BY_NODE.set(rule.node, [...(RULES_BY_NODE.get(rule.node) ?? []), rule]);

/** The destructive rules one statement's tree matches, each reason once, including what its DO blocks run. */
export function findDestructive(tree: unknown): RuleMatch[] {
  const matches: RuleMatch[] = [];
  const add = (match: RuleMatch): void => {
    if (!matches.some((seen) => seen.rule === match.rule && seen.reason === match.reason)) matches.push(match);
  };
  visitExecutedNodes(tree, (kind, body) => {
    for (const rule of RULES_BY_NODE.get(kind) ?? []) {
      if (rule.when && !rule.when(body)) continue;
      add({ rule: rule.rule, reason: typeof rule.reason === 'string' ? rule.reason : rule.reason(body) });
    }
    if (kind !== 'DoStmt') return;
    for (const inner of parseDoBlock(body)) {
      for (const match of findDestructive(inner)) add({ ...match, reason: `${match.reason} (in a DO block)` });
    }
  });
  return matches;
}
