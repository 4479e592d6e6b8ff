import { ExitCode, UsageError, type ExitCodeValue } from '../../model/errors.js';
import type { CommandContext } from '../command-spec.js';
import { isReportFormat, loadReportFormatter, REPORT_FORMATS, writeReportFile } from '../write-reports.js';

/**
 * `litops report RUNDIR --format FORMAT [-o FILE]`: verify the run directory,
 * format the report, print it or write it. A tampered or incomplete run is
 * still reported (the report says so), with a warning on stderr.
 */
export async function run({ args, options, io }: CommandContext): Promise<ExitCodeValue> {
  const runDir = args[0] ?? '';
  const format = options.format;
  if (typeof format !== 'string') throw new UsageError(`report: --format is required (one of ${REPORT_FORMATS.join(', ')})`);
  if (!isReportFormat(format)) throw new UsageError(`--format ${format}: unknown format; expected one of ${REPORT_FORMATS.join(', ')}`);
  const formatter = await loadReportFormatter(format);
  const { loadRunRecord } = await import('../../reporters/index.js');
  const record = await loadRunRecord(runDir);
  if (record.verification.status === 'tampered' || record.verification.status === 'incomplete') {
    io.stderr.write(`litops: warning: the run directory is ${record.verification.status}: ${record.verification.problems[0] ?? ''}\n`);
  }
  const text = formatter(record);
  if (typeof options.output === 'string') await writeReportFile(options.output, text);
  else io.stdout.write(text);
  return ExitCode.ok;
}
