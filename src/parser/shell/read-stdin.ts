import type { ShNode, ShStmt } from 'mvdan-sh';
import type { SourceMap } from './source-map.js';
import { Op } from './syntax.js';
import type { Frame } from './walk-scopes.js';
import { getStaticText } from './word-text.js';

/** `<`, `<>`, `<&`, `<<`, `<<-`, `<<<` (mvdan-sh 0.10 operator codes, see syntax.test.ts). */
const INPUT_REDIRECTS = new Set([56, 57, 58, Op.hdoc, Op.dashHdoc, Op.wordHdoc]);

/** What feeds one statement's standard input, read once when the walk reaches it. */
export interface StmtInput {
  /** A redirect, a here-document or a pipe feeds it. */
  fed: boolean;
  /** The file of a `<` redirect, when written out (`psql app < dump.sql`). */
  file?: string;
  /** A here-document's body as written, and the line where it starts. */
  heredoc?: { text: string; line: number };
}

/**
 * Reads a statement's input: its redirects (one pass over them; every access
 * crosses mvdan-sh's slow JS bridge) and whether it is the right side of a pipe.
 */
export function readStmtInput(stmt: ShStmt, parent: Frame | undefined, map: SourceMap): StmtInput {
  const input: StmtInput = { fed: false };
  for (const redirect of stmt.Redirs ?? []) {
    const op = Number(redirect.Op);
    if (!INPUT_REDIRECTS.has(op)) continue;
    input.fed = true;
    if (op === 56 && redirect.Word) input.file ??= getStaticText(redirect.Word as ShNode) ?? undefined;
    if ((op === Op.hdoc || op === Op.dashHdoc) && redirect.Hdoc && !input.heredoc) {
      input.heredoc = { text: map.textOf(redirect.Hdoc as ShNode), line: map.locate((redirect.Hdoc as ShNode).Pos()).line };
    }
  }
  if (!input.fed && parent?.type === 'BinaryCmd' && (Number(parent.node.Op) === Op.pipe || Number(parent.node.Op) === Op.pipeAll)) {
    input.fed = isSameNode(parent.node.Y as ShNode, stmt);
  }
  return input;
}

/**
 * Whether a command's standard input is fed by something other than the
 * terminal: by its own statement, or by an enclosing one (`while read …; done
 * < file`, `cat x | while read …`). `inputs[i]` is what `frames[i]` reads, for its statements.
 */
export function isFedAt(frames: readonly Frame[], inputs: ReadonlyArray<StmtInput | undefined>): boolean {
  for (let i = frames.length - 1; i >= 0; i--) if (frames[i]!.type === 'Stmt' && inputs[i]?.fed) return true;
  return false;
}

function isSameNode(a: ShNode | undefined, b: ShNode): boolean {
  return a !== undefined && a.Pos().Offset() === b.Pos().Offset() && a.End().Offset() === b.End().Offset();
}
