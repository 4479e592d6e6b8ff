import type { ShLit, ShNode, ShWord } from 'mvdan-sh';
import { Op, getNodeType } from './syntax.js';
import type { Frame } from './walk-scopes.js';

/** A bare name used as a variable: in arithmetic (`$((X+1))`, `(( i++ ))`, `${A[i]}`) or `[[ -v X ]]`. */
export interface ArithmeticName {
  name: string;
  read: boolean;
  set: boolean;
  /** True for `[[ -v X ]]`, which only tests whether X is set. */
  presenceTest: boolean;
  /** The node after which a set takes effect. */
  effectNode: ShNode;
}

/** Where a bare word is an arithmetic expression (bash reads names there without `$`). */
const arithmeticParents = new Set(['BinaryArithm', 'UnaryArithm', 'ParenArithm', 'ArithmExp', 'ArithmCmd', 'LetClause', 'CStyleLoop']);

const isAssignOp = (op: number) => op === Op.arithAssign || (op >= Op.arithAddAssign && op <= Op.arithShrAssign);

/** Reads the word as a variable name if its parent makes it one; undefined otherwise. */
export function readArithmeticWord(word: ShWord, parent: Frame | undefined): ArithmeticName | undefined {
  if (parent === undefined || word.Parts.length !== 1) return undefined;
  const part = word.Parts[0];
  if (part === undefined || getNodeType(part) !== 'Lit') return undefined;
  const text = (part as ShLit).Value;
  const { type, node } = parent;

  if (type === 'UnaryTest') {
    const name = /^([A-Za-z_]\w*)(\[.*\])?$/.exec(text)?.[1];
    if (node.Op !== Op.testVarSet || name === undefined) return undefined;
    return { name, read: true, set: false, presenceTest: true, effectNode: node };
  }
  if (!/^[A-Za-z_]\w*$/.test(text)) return undefined;
  const base = { name: text, read: true, set: false, presenceTest: false, effectNode: node };
  if (type === 'BinaryArithm' && isAssignOp(Number(node.Op)) && isSameNode(node.X, word)) {
    return { ...base, read: node.Op !== Op.arithAssign, set: true };
  }
  if (type === 'UnaryArithm' && (node.Op === Op.arithInc || node.Op === Op.arithDec)) return { ...base, set: true };
  if (arithmeticParents.has(type)) return base;
  if (type === 'ParamExp' || type === 'Assign') {
    const slice = node.Slice as { Offset?: ShNode; Length?: ShNode } | null;
    const indexes = [node.Index, slice?.Offset, slice?.Length];
    return indexes.some((candidate) => isSameNode(candidate, word)) ? base : undefined;
  }
  return undefined;
}

/** mvdan-sh hands out a new JS wrapper on every access, so nodes are compared by position. */
function isSameNode(candidate: unknown, word: ShNode): boolean {
  if (candidate === null || candidate === undefined || typeof (candidate as ShNode).Pos !== 'function') return false;
  return (candidate as ShNode).Pos().Offset() === word.Pos().Offset();
}
