import type { ShNode, ShStmt } from 'mvdan-sh';
import { Op } from './syntax.js';
import type { Frame } from './walk-scopes.js';
import { getStaticText } from './word-text.js';

/** `<`, `<>`, `<&`, `<<`, `<<-`, `<<<` (mvdan-sh 0.10 operator codes, see syntax.test.ts). */
const INPUT_REDIRECTS = new Set([56, 57, 58, Op.hdoc, Op.dashHdoc, Op.wordHdoc]);

/**
 * Whether a command's standard input is fed by something other than the
 * terminal: a redirect or here-document on it or on an enclosing statement
 * (`while read …; done < file`), or a pipe into it or into what encloses it.
 */
export function isStdinFed(frames: readonly Frame[]): boolean {
  return readStdin(frames).fed;
}

/** Like {@link isStdinFed}, with the file a `<` redirect on the command's own statement reads, when it is written out. */
export function readStdin(frames: readonly Frame[]): { fed: boolean; file?: string } {
  for (let i = frames.length - 1; i >= 0; i--) {
    const frame = frames[i]!;
    if (frame.type !== 'Stmt') continue;
    const stmt = frame.node as ShStmt;
    const input = (stmt.Redirs ?? []).find((redirect) => INPUT_REDIRECTS.has(Number(redirect.Op)));
    if (input) {
      const file = Number(input.Op) === 56 && input.Word ? getStaticText(input.Word as ShNode) : null;
      return file ? { fed: true, file } : { fed: true };
    }
    const parent = frames[i - 1];
    if (parent?.type === 'BinaryCmd' && (Number(parent.node.Op) === Op.pipe || Number(parent.node.Op) === Op.pipeAll) && isSameNode(parent.node.Y as ShNode, stmt)) return { fed: true };
  }
  return { fed: false };
}

function isSameNode(a: ShNode | undefined, b: ShNode): boolean {
  return a !== undefined && a.Pos().Offset() === b.Pos().Offset() && a.End().Offset() === b.End().Offset();
}
