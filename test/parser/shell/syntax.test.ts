import type { ShNode } from 'mvdan-sh';
import { describe, expect, test } from 'vitest';
import { createSourceMap } from '../../../src/parser/shell/source-map.js';
import { Op, getNodeType, parseShell, walkNodes } from '../../../src/parser/shell/syntax.js';

/** The `Op` of the first node of `type` (for ParamExp: of its expansion). */
function firstOp(source: string, type: string): number | undefined {
  const parsed = parseShell(source);
  if (!parsed.file) throw new Error(parsed.error.message);
  let found: number | undefined;
  walkNodes(
    parsed.file,
    (node: ShNode) => {
      if (found !== undefined || getNodeType(node) !== type) return;
      found = Number(type === 'ParamExp' ? (node.Exp as { Op: number }).Op : node.Op);
    },
    () => undefined,
  );
  return found;
}

describe('mvdan-sh operator codes (pinned: an upgrade that shifts them must fail here)', () => {
  test.each([
    ['a | b', 'BinaryCmd', Op.pipe],
    ['a |& b', 'BinaryCmd', Op.pipeAll],
    ['a <<EOF\nx\nEOF', 'Redirect', Op.hdoc],
    ['a <<-EOF\nx\nEOF', 'Redirect', Op.dashHdoc],
    ['a <<< x', 'Redirect', Op.wordHdoc],
    ['echo ${X+a}', 'ParamExp', Op.expAltUnset],
    ['echo ${X:+a}', 'ParamExp', Op.expAltUnsetOrNull],
    ['echo ${X-a}', 'ParamExp', Op.expDefaultUnset],
    ['echo ${X:-a}', 'ParamExp', Op.expDefaultUnsetOrNull],
    ['echo ${X?a}', 'ParamExp', Op.expErrorUnset],
    ['echo ${X:?a}', 'ParamExp', Op.expErrorUnsetOrNull],
    ['echo ${X=a}', 'ParamExp', Op.expAssignUnset],
    ['echo ${X:=a}', 'ParamExp', Op.expAssignUnsetOrNull],
    ['(( X = 1 ))', 'BinaryArithm', Op.arithAssign],
    ['(( X += 1 ))', 'BinaryArithm', Op.arithAddAssign],
    ['(( X >>= 1 ))', 'BinaryArithm', Op.arithShrAssign],
    ['(( X++ ))', 'UnaryArithm', Op.arithInc],
    ['(( X-- ))', 'UnaryArithm', Op.arithDec],
    ['[[ -v X ]]', 'UnaryTest', Op.testVarSet],
  ])('%s', (source, type, op) => {
    expect(firstOp(source, type)).toBe(op);
  });

});

describe('source map', () => {
  test('byte columns become character columns; nested origins shift line 1 only', () => {
    const source = 'echo "é"; ls\nls';
    const parsed = parseShell(source);
    if (!parsed.file) throw new Error('does not parse');
    const second = parsed.file.Stmts[1];
    const third = parsed.file.Stmts[2];
    if (!second || !third) throw new Error('missing statements');
    expect(createSourceMap(source).locate(second.Pos())).toEqual({ line: 1, column: 11, index: 10 });
    const nested = createSourceMap(source, { line: 5, column: 10 });
    expect(nested.locate(second.Pos())).toMatchObject({ line: 5, column: 20 });
    expect(nested.locate(third.Pos())).toMatchObject({ line: 6, column: 1 });
    expect(createSourceMap(source).pointAt(14)).toEqual({ line: 2, column: 2, index: 14 });
  });
});
