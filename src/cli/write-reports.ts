import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../model/errors.js';
import type { RunRecord } from '../reporters/index.js';

/** The report formats of `litops report --format` and `--report FORMAT:PATH`. */
export const REPORT_FORMATS = ['md', 'html', 'junit', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A report to write: `--report FORMAT:PATH`. */
export interface ReportSpec {
  format: ReportFormat;
  path: string;
}

/** A pure formatter: a verified run record in, the report's text out. */
export type ReportFormatter = (record: RunRecord) => string;

/** The name each format's formatter is exported under from src/reporters/index.ts: the one map of reporters by name. */
const FORMATTER_EXPORTS: Record<ReportFormat, string> = {
  md: 'formatMarkdownReport',
  html: 'formatHtmlReport',
  junit: 'formatJunitReport',
  json: 'formatJsonReport',
};

/** Whether `text` names a report format. */
export function isReportFormat(text: string): text is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(text);
}

/**
 * Validates `--report FORMAT:PATH` values (before anything runs): the format
 * must be known, the path non-empty and not given twice. A bad one is a `UsageError`.
 */
export function parseReportSpecs(specs: readonly string[]): ReportSpec[] {
  const parsed = specs.map((spec): ReportSpec => {
    const colon = spec.indexOf(':');
    const format = colon === -1 ? spec : spec.slice(0, colon);
    const path = colon === -1 ? '' : spec.slice(colon + 1);
    if (!isReportFormat(format)) throw new UsageError(`--report ${spec}: unknown format '${format}'; expected FORMAT:PATH with FORMAT one of ${REPORT_FORMATS.join(', ')}`);
    if (!path) throw new UsageError(`--report ${spec}: no path; expected FORMAT:PATH, e.g. ${format}:report.${format === 'junit' ? 'xml' : format}`);
    return { format, path };
  });
  const seen = new Set<string>();
  for (const { path } of parsed) {
    if (seen.has(resolve(path))) throw new UsageError(`--report: ${path} is given twice`);
    seen.add(resolve(path));
  }
  return parsed;
}

/**
 * The formatter of a format, from src/reporters (imported only now). A format
 * whose reporter this build lacks is a `UsageError` naming it.
 */
export async function loadReportFormatter(format: ReportFormat): Promise<ReportFormatter> {
  const reporters = (await import('../reporters/index.js')) as unknown as Record<string, unknown>;
  const formatter = reporters[FORMATTER_EXPORTS[format]];
  if (typeof formatter !== 'function') throw new UsageError(`the ${format} report is not available in this version of litops (available: ${(await listAvailableFormats()).join(', ')})`);
  return formatter as ReportFormatter;
}

/** The formats whose reporter this build has. */
export async function listAvailableFormats(): Promise<ReportFormat[]> {
  const reporters = (await import('../reporters/index.js')) as unknown as Record<string, unknown>;
  return REPORT_FORMATS.filter((format) => typeof reporters[FORMATTER_EXPORTS[format]] === 'function');
}

/**
 * Writes the reports `specs` ask for (`--report FORMAT:PATH`, relative to the
 * working directory) from the run directory: reads and verifies it once, then
 * formats each and writes it, creating parent directories. This is the one
 * place report files are written. Returns the paths written.
 */
export async function writeReports(runDir: string, specs: readonly string[]): Promise<string[]> {
  const reports = parseReportSpecs(specs);
  if (reports.length === 0) return [];
  const formatters = await Promise.all(reports.map(({ format }) => loadReportFormatter(format)));
  const { loadRunRecord } = await import('../reporters/index.js');
  const record = await loadRunRecord(runDir);
  const written: string[] = [];
  for (const [index, { path }] of reports.entries()) {
    await writeReportFile(path, formatters[index]!(record));
    written.push(path);
  }
  return written;
}

/** Writes one report file; a path that cannot be written is a `UsageError` naming it. */
export async function writeReportFile(path: string, text: string): Promise<void> {
  try {
    await mkdir(dirname(resolve(path)), { recursive: true });
    await writeFile(path, text);
  } catch (error) {
    throw new UsageError(`${path}: cannot write the report (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { cause: error });
  }
}
