import { z } from 'zod';

/**
 * Why a cell is destructive (or blocking): one entry per offending command or statement,
 * found in its syntax tree. `line`/`column` are 1-based, relative to the cell source.
 */
export const DestructiveReasonSchema = z.object({
  /** Stable rule id, e.g. `rm-recursive`, `sql-drop`, `sql-delete-without-where`. */
  rule: z.string(),
  /** Human reason shown to the operator, e.g. "rm -rf deletes files recursively". */
  reason: z.string(),
  /** The offending command or statement text, trimmed (at most ~200 chars). */
  text: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type DestructiveReason = z.infer<typeof DestructiveReasonSchema>;

/** Where a parse error sits, relative to the text parsed (1-based). */
export interface LocatedError {
  message: string;
  line: number;
  column: number;
}
