import { readFile, stat } from 'node:fs/promises';
import { UsageError, type ExitCodeValue } from '../../model/errors.js';
import type { CommandContext } from '../command-spec.js';

/** `litops verify RUNDIR`: print what was checked and who signed; exit 0, 1 or 4. */
export async function run({ args, options, io }: CommandContext): Promise<ExitCodeValue> {
  const runDir = args[0] ?? '';
  const info = await stat(runDir).catch(() => null);
  if (!info?.isDirectory()) throw new UsageError(`${runDir}: not a run directory (no such directory)`);
  const allowedSigners = typeof options['allowed-signers'] === 'string' ? await readInput(options['allowed-signers'], 'utf8') : undefined;
  const runbookBytes = typeof options.runbook === 'string' ? await readInput(options.runbook) : undefined;
  const { verifyRunDir, formatVerifyReport } = await import('../../journal/index.js');
  const report = await verifyRunDir(runDir, { ...(allowedSigners === undefined ? {} : { allowedSigners }), ...(runbookBytes === undefined ? {} : { runbookBytes }) });
  io.stdout.write(formatVerifyReport(report));
  return report.exitCode as ExitCodeValue;
}

async function readInput(path: string): Promise<Buffer>;
async function readInput(path: string, encoding: 'utf8'): Promise<string>;
async function readInput(path: string, encoding?: 'utf8'): Promise<Buffer | string> {
  try {
    return encoding ? await readFile(path, encoding) : await readFile(path);
  } catch (error) {
    throw new UsageError(`${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
}
