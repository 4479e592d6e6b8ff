import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type TestSuites } from 'junit2json';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunReportSchema } from '../../src/model/report.js';
import * as reporters from '../../src/reporters/index.js';
import { parseReportSpecs } from '../../src/cli/write-reports.js';
import { UsageError } from '../../src/model/errors.js';
import { createFixtureRun, type FixtureRun } from '../reporters/run-record/fixture-runs.js';
import { runLitops } from './run-litops.js';

describe('litops report', () => {
  let run: FixtureRun;
  beforeAll(async () => {
    run = await createFixtureRun('failing');
  }, 60_000);

  it('prints the JSON report on stdout; the same bytes as the reporter', async () => {
    const result = await runLitops(['report', run.runDir, '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(reporters.formatJsonReport(await reporters.loadRunRecord(run.runDir)));
    expect(RunReportSchema.parse(JSON.parse(result.stdout)).summary.status).toBe('failed');
  });

  it('writes the JUnit report to -o FILE, creating its directory, and prints nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'litops-report-')), 'reports', 'junit.xml');
    const result = await runLitops(['report', run.runDir, '--format', 'junit', '-o', file]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    const suites = (await parse(readFileSync(file, 'utf8'))) as TestSuites;
    expect(suites).toMatchObject({ tests: 6, failures: 2 });
  });

  it.each(['md', 'html'] as const)('%s: writes the report when this build has its reporter, else says it is not available (exit 2)', async (format) => {
    const result = await runLitops(['report', run.runDir, '--format', format]);
    const name = format === 'md' ? 'formatMarkdownReport' : 'formatHtmlReport';
    if (name in reporters) {
      expect(result.code).toBe(0);
      expect(result.stdout.length).toBeGreaterThan(0);
    } else {
      expect(result).toMatchObject({ code: 2, stdout: '' });
      expect(result.stderr).toMatch(new RegExp(`^litops: the ${format} report is not available in this version of litops \\(available: .*junit, json\\)\\n$`));
    }
  });

  it('warns on stderr and still reports a tampered run, saying so in the report', async () => {
    const { cpSync, writeFileSync } = await import('node:fs');
    const copy = join(mkdtempSync(join(tmpdir(), 'litops-tampered-')), 'run');
    cpSync(run.runDir, copy, { recursive: true });
    writeFileSync(join(copy, 'out', '1.stdout'), 'something else\n');
    const result = await runLitops(['report', copy, '--format', 'json']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^litops: warning: the run directory is tampered: out\/1\.stdout/);
    expect(JSON.parse(result.stdout)).toMatchObject({ verification: { status: 'tampered' } });
  });

  it.each([
    [['report', 'RUNDIR'], /^litops: report: --format is required \(one of md, html, junit, json\)\n$/],
    [['report', 'RUNDIR', '--format', 'pdf'], /^litops: --format pdf: unknown format; expected one of md, html, junit, json\n$/],
    [['report', '/nonexistent/run', '--format', 'json'], /^litops: .*\/nonexistent\/run.* not a run directory\n$/],
  ])('%j is a usage error (exit 2, one line)', async (args, stderr) => {
    const result = await runLitops(args.map((arg) => (arg === 'RUNDIR' ? run.runDir : arg)));
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(stderr);
  });
});

describe('litops run --report FORMAT:PATH', () => {
  it('writes each report after the run, from the signed run directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'litops-run-report-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 't.md'), '# T\n\n```bash\necho hi\n```\n');
    const result = await runLitops(['run', 't.md', '--ci', '--report', 'json:out/report.json', '--report', 'junit:out/junit.xml'], { cwd: dir, env: { HOME: dir, LITOPS_SIGNING_KEY: undefined } });
    expect(result.code).toBe(0);
    const runDir = /Run directory: (.*)\n/.exec(result.stdout)![1]!;
    const json = readFileSync(join(dir, 'out', 'report.json'), 'utf8');
    expect(json).toBe(reporters.formatJsonReport(await reporters.loadRunRecord(runDir)));
    expect(JSON.parse(json)).toMatchObject({ summary: { status: 'passed', runbook: { path: 't.md' } }, verification: { status: 'unsigned' } });
    expect(((await parse(readFileSync(join(dir, 'out', 'junit.xml'), 'utf8'))) as TestSuites).tests).toBe(1);
  });

  it('refuses a bad FORMAT:PATH with a usage error (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'litops-run-report-'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 't.md'), '# T\n\n```bash\necho hi\n```\n');
    const result = await runLitops(['run', 't.md', '--ci', '--report', 'pdf:x.pdf'], { cwd: dir, env: { HOME: dir, LITOPS_SIGNING_KEY: undefined } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^litops: --report pdf:x\.pdf: unknown format 'pdf'; expected FORMAT:PATH with FORMAT one of md, html, junit, json$/m);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });
});

describe('parseReportSpecs', () => {
  it('reads FORMAT:PATH, the path keeping any further colons', () => {
    expect(parseReportSpecs(['md:report.md', 'junit:C:/ci/junit.xml', 'json:a:b.json'])).toEqual([
      { format: 'md', path: 'report.md' },
      { format: 'junit', path: 'C:/ci/junit.xml' },
      { format: 'json', path: 'a:b.json' },
    ]);
    expect(parseReportSpecs([])).toEqual([]);
  });

  it.each([
    [['pdf:x.pdf'], "--report pdf:x.pdf: unknown format 'pdf'; expected FORMAT:PATH with FORMAT one of md, html, junit, json"],
    [['json'], '--report json: no path; expected FORMAT:PATH, e.g. json:report.json'],
    [['junit:'], '--report junit:: no path; expected FORMAT:PATH, e.g. junit:report.xml'],
    [['json:r.json', 'md:./r.json'], '--report: ./r.json is given twice'],
  ])('%j is a UsageError', (specs, message) => {
    expect(() => parseReportSpecs(specs)).toThrow(new UsageError(message));
    expect(() => parseReportSpecs(specs)).toThrow(UsageError);
  });
});
