import type { ShNode } from 'mvdan-sh';
import { Op, getNodeType, walkNodes } from './syntax.js';
import type { VariableScope } from './types.js';

/** A part of the cell whose variable sets do not reach the code after it. */
export interface Region {
  id: number;
  kind: 'function' | 'subshell';
}

/** An ancestor of the visited node. */
export interface Frame {
  type: string;
  node: ShNode;
}

/** What a visitor knows about where it is. */
export interface WalkContext {
  /** Ancestors, root first; the last one is the parent. */
  frames: readonly Frame[];
  /** Enclosing regions, outermost first. */
  regions: readonly Region[];
}

const subshellTypes = new Set(['Subshell', 'CmdSubst', 'ProcSubst', 'CoprocClause']);

/** Region ids are unique across walks, so a walk started inside another (`within`) cannot collide. */
let nextId = 1;

/** Visits one node with its context. */
export type ScopeVisitor = (node: ShNode, type: string, context: WalkContext) => void;

/**
 * Walks the tree depth-first, telling the visitor its ancestors and enclosing regions.
 * `within` continues a walk below a node that mvdan-sh's own walk skips.
 */
export function walkWithScopes(root: ShNode, visit: ScopeVisitor, within?: WalkContext): void {
  const frames: Frame[] = [...(within?.frames ?? [])];
  const regions: Region[] = [...(within?.regions ?? [])];
  const pushed: boolean[] = [];
  walkNodes(
    root,
    (node) => {
      const type = getNodeType(node);
      const kind = getRegionKind(node, type, frames.at(-1));
      if (kind !== undefined) regions.push({ id: nextId++, kind });
      pushed.push(kind !== undefined);
      visit(node, type, { frames, regions });
      frames.push({ type, node });
    },
    () => {
      frames.pop();
      if (pushed.pop() === true) regions.pop();
    },
  );
}

/** The scope a use inside these regions has: a subshell anywhere wins over a function. */
export function getScope(regions: readonly Region[]): VariableScope {
  if (regions.some((region) => region.kind === 'subshell')) return 'subshell';
  if (regions.some((region) => region.kind === 'function')) return 'function';
  return 'cell';
}

function getRegionKind(node: ShNode, type: string, parent: Frame | undefined): Region['kind'] | undefined {
  if (type === 'FuncDecl') return 'function';
  if (subshellTypes.has(type)) return 'subshell';
  if (type !== 'Stmt') return undefined;
  if (node.Background === true) return 'subshell';
  // Every member of a pipeline runs in its own subshell (bash without `lastpipe`).
  if (parent?.type === 'BinaryCmd' && (parent.node.Op === Op.pipe || parent.node.Op === Op.pipeAll)) return 'subshell';
  return undefined;
}
