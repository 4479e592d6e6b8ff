import type { Diagnostic } from '../../model/diagnostic.js';
import { ExitCode, type ExitCodeValue } from '../../model/errors.js';
import type { CommandContext } from '../command-spec.js';
import { readRunbookFile } from '../read-runbook-file.js';
import { isColorEnabled } from '../style.js';

/**
 * `litops inspect FILE [--json]`: parse, print the outline or the JSON graph.
 * Diagnostics are part of that output; exit 1 when any is an error.
 */
export async function run({ args, options, io }: CommandContext): Promise<ExitCodeValue> {
  const file = await readRunbookFile(args[0] ?? '');
  const { parseRunbook } = await import('../../parser/index.js');
  const { runbook } = await parseRunbook(file.text, { path: file.path, bytes: file.bytes });
  if (options.json === true) {
    io.stdout.write(`${JSON.stringify(runbook, null, 2)}\n`);
  } else {
    const { formatOutline } = await import('../format-outline.js');
    const outline = formatOutline(runbook, { color: isColorEnabled(io.stdout, io.env) });
    io.stdout.write(outline.endsWith('\n') ? outline : `${outline}\n`);
  }
  return runbook.diagnostics.some((diagnostic: Diagnostic) => diagnostic.severity === 'error') ? ExitCode.failed : ExitCode.ok;
}
