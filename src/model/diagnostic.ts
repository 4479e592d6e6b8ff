import { z } from 'zod';

/** How bad a problem in the user's runbook is. Errors make a runbook unrunnable; warnings do not. */
export const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

/**
 * A located problem in the user's file. Never an exception: the parser reports
 * these and goes on. `line` and `column` are 1-based positions in the runbook file.
 */
export const DiagnosticSchema = z.object({
  severity: SeveritySchema,
  /** Stable rule id, kebab-case, e.g. `unknown-attribute`, `unclosed-fence`. */
  rule: z.string(),
  message: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
