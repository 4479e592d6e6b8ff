import type { ShLit, ShNode, ShWord } from 'mvdan-sh';
import { readArithmeticWord } from './arithmetic-names.js';
import { getBuiltinSets } from './builtin-sets.js';
import type { CallInfo } from './call-info.js';
import type { SourceMap } from './source-map.js';
import { Op } from './syntax.js';
import type { VariableScope, VariableUse } from './types.js';
import { walkWithScopes, getScope, type Region, type WalkContext } from './walk-scopes.js';
import { getStaticText } from './word-text.js';

/** A read, with what `findFreeReads` needs to decide whether an earlier set covers it. */
export interface ReadRecord {
  use: VariableUse;
  index: number;
  regions: readonly Region[];
}

/** A set: `effect` is where it takes effect; `cover` the region ids a later read must be inside. */
export interface SetRecord {
  use: VariableUse;
  effect: number;
  cover: readonly number[];
  /** False for prefix assignments (`X=1 cmd`), which cover nothing after the command. */
  covers: boolean;
  /** `local` (and `declare` in a function): used for coverage, not reported as a cell set. */
  local: boolean;
}

/** Everything the tree says about variables and functions. */
export interface VariableFacts {
  reads: ReadRecord[];
  sets: SetRecord[];
  functions: string[];
}

/** Expansions that make an unset variable harmless: `${X+a}`, `${X:+a}`, `${X-d}`, `${X:-d}`, `${X=d}`, `${X:=d}`. */
const expansionDefaults = new Set<number>([Op.expAltUnset, Op.expAltUnsetOrNull, Op.expDefaultUnset, Op.expDefaultUnsetOrNull, Op.expAssignUnset, Op.expAssignUnsetOrNull]);

/** Gathers reads, sets and function names while the tree is walked. */
export interface VariableCollector {
  /** Call for every node of a `walkWithScopes` walk; `call` is the node's `CallInfo` for a `CallExpr`. */
  visit(node: ShNode, type: string, context: WalkContext, call?: CallInfo): void;
  facts: VariableFacts;
}

/** Creates a collector of reads, sets and function names, with their scopes. */
export function createVariableCollector(map: SourceMap): VariableCollector {
  const facts: VariableFacts = { reads: [], sets: [], functions: [] };
  const at = (node: ShNode) => map.locate(node.Pos());
  const addRead = (name: string, node: ShNode, hasDefault: boolean, context: WalkContext) => {
    const point = at(node);
    const use = { name, line: point.line, column: point.column, hasDefault, scope: getScope(context.regions) };
    facts.reads.push({ use, index: point.index, regions: [...context.regions] });
  };
  const addSet = (name: string, node: ShNode, effectNode: ShNode, context: WalkContext, options: { hasDefault?: boolean; local?: boolean; command?: boolean } = {}) => {
    const point = at(node);
    const scope: VariableScope = options.command ? 'command' : getScope(context.regions);
    const use = { name, line: point.line, column: point.column, hasDefault: options.hasDefault ?? false, scope };
    const cover = context.regions.filter((region) => options.local || region.kind === 'subshell').map((region) => region.id);
    facts.sets.push({ use, effect: map.locate(effectNode.End()).index, cover, covers: !options.command, local: options.local ?? false });
  };

  const visit = (node: ShNode, type: string, context: WalkContext, call?: CallInfo): void => {
    if (type === 'ParamExp') {
      const param = node.Param as ShLit | null;
      if (param === null || param === undefined || Number(node.Names ?? 0) !== 0) return;
      const op = Number((node.Exp as { Op?: number } | null)?.Op ?? 0);
      addRead(param.Value, node, expansionDefaults.has(op), context);
      if (op === Op.expAssignUnset || op === Op.expAssignUnsetOrNull) addSet(param.Value, node, node, context, { hasDefault: true });
      // mvdan-sh's Walk skips `${X:offset:length}`; walk those words here.
      const slice = node.Slice as { Offset?: ShNode | null; Length?: ShNode | null } | null;
      const within = { frames: [...context.frames, { type, node }], regions: context.regions };
      for (const word of [slice?.Offset, slice?.Length]) if (word) walkWithScopes(word, visit, within);
    } else if (type === 'Word') {
      const found = readArithmeticWord(node as ShWord, context.frames.at(-1));
      if (found?.read) addRead(found.name, node, found.presenceTest, context);
      if (found?.set) addSet(found.name, node, found.effectNode, context);
    } else if (type === 'Assign') {
      readAssign(node, context, addSet);
    } else if (type === 'WordIter') {
      const name = node.Name as ShLit | null;
      if (name) addSet(name.Value, name, node, context);
    } else if (type === 'CallExpr' && call !== undefined) {
      const first = call.words[0];
      const name = call.texts[0];
      if (first === undefined || name === null || name === undefined) return;
      for (const found of getBuiltinSets(name, call.texts.slice(1))) addSet(found.name, call.words[found.argIndex + 1] ?? first, node, context);
    } else if (type === 'FuncDecl') {
      const name = (node.Name as ShLit | null)?.Value;
      if (name && !facts.functions.includes(name)) facts.functions.push(name);
    }
  };
  return { visit, facts };
}

type AddSet = (name: string, node: ShNode, effectNode: ShNode, context: WalkContext, options?: { local?: boolean; command?: boolean }) => void;

/** `X=1`, `X=1 cmd` (command scope), `export X=1`, `local X=1`, `declare X` (in a function: local). */
function readAssign(node: ShNode, context: WalkContext, addSet: AddSet): void {
  const name = node.Name as ShLit | null;
  const parent = context.frames.at(-1);
  if (!name || parent === undefined) return;
  if (parent.type === 'CallExpr') {
    const command = ((parent.node.Args as unknown[] | undefined) ?? []).length > 0;
    addSet(name.Value, name, node, context, { command });
    return;
  }
  if (parent.type !== 'DeclClause') return;
  const variant = (parent.node.Variant as ShLit | null)?.Value ?? '';
  const flags = ((parent.node.Args as ShNode[] | undefined) ?? [])
    .filter((arg) => arg.Naked === true && !arg.Name)
    .map((arg) => getStaticText(arg.Value as ShNode | null) ?? '');
  const inFunction = context.regions.some((region) => region.kind === 'function');
  const global = flags.some((flag) => /^-\w*g/.test(flag));
  const local = variant === 'local' || (inFunction && !global && (variant === 'declare' || variant === 'typeset'));
  if (node.Naked === true && !local) return; // `export X`, `readonly X`: no value assigned
  addSet(name.Value, name, node, context, { local });
}
