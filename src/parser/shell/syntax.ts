import { createRequire } from 'node:module';
import type { ShFile, ShNode, ShParseError } from 'mvdan-sh';
import type { LocatedError } from '../../model/safety.js';
import { createSourceMap } from './source-map.js';

type MvdanSh = typeof import('mvdan-sh').default;
let loaded: MvdanSh['syntax'] | null = null;

/**
 * mvdan-sh (1.5 MB of GopherJS) is loaded on first use, with require: a runbook
 * without shell never pays for it, and importing it as ESM made Node scan the
 * whole file for named exports first (about twice the cost).
 */
function getSyntax(): MvdanSh['syntax'] {
  loaded ??= (createRequire(import.meta.url)('mvdan-sh') as MvdanSh).syntax;
  return loaded;
}

/**
 * Operator codes of mvdan-sh 0.10 (Go `token` values). They are plain numbers in
 * JS; `test/parser/shell/syntax.test.ts` pins them so an upgrade cannot shift them silently.
 */
export const Op = {
  pipe: 12,
  pipeAll: 13,
  hdoc: 61,
  dashHdoc: 62,
  wordHdoc: 63,
  /** Parameter expansions `${X+alt}` .. `${X:=d}`. */
  expAltUnset: 68,
  expAltUnsetOrNull: 69,
  expDefaultUnset: 70,
  expDefaultUnsetOrNull: 71,
  expErrorUnset: 72,
  expErrorUnsetOrNull: 73,
  expAssignUnset: 74,
  expAssignUnsetOrNull: 75,
  /** Arithmetic `=`; compound `+=` .. `>>=` are 44..53. */
  arithAssign: 74,
  arithAddAssign: 44,
  arithShrAssign: 53,
  arithInc: 36,
  arithDec: 37,
  testVarSet: 110,
} as const;

/** The result of parsing: a tree, or a located error. */
export type ParseResult = { file: ShFile; error?: undefined } | { file?: undefined; error: LocatedError };

/** Parses bash source; never throws. */
export function parseShell(source: string, options: { keepComments?: boolean } = {}): ParseResult {
  const syntax = getSyntax();
  const parser = syntax.NewParser(syntax.KeepComments(options.keepComments ?? false), syntax.Variant(syntax.LangBash));
  try {
    return { file: parser.Parse(source, '') };
  } catch (thrown) {
    return { error: toLocatedError(thrown, source) };
  }
}

/** Turns what mvdan-sh throws (a Go error object, not an `Error`) into a located error. */
export function toLocatedError(thrown: unknown, source: string): LocatedError {
  const error = (thrown ?? {}) as ShParseError;
  let message = typeof error.Text === 'string' && error.Text !== '' ? error.Text : '';
  if (message === '' && typeof error.Error === 'function') message = error.Error().replace(/^(?:[^:\n]*:)?\d+:\d+: /, '');
  if (message === '') message = thrown instanceof Error ? thrown.message : String(thrown);
  const pos = error.Pos;
  if (pos === undefined || typeof pos.Line !== 'function' || pos.Line() < 1) return { message, line: 1, column: 1 };
  const point = createSourceMap(source).locate(pos);
  return { message, line: point.line, column: point.column };
}

/** The node's type name, e.g. `CallExpr`. */
export function getNodeType(node: ShNode): string {
  return getSyntax().NodeType(node);
}

/** Depth-first walk; `leave` runs after a node's children. */
export function walkNodes(root: ShNode, enter: (node: ShNode) => void, leave: () => void): void {
  getSyntax().Walk(root, (node) => {
    if (node === null) leave();
    else enter(node);
    return true;
  });
}
