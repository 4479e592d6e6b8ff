import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { runLitops, type LitopsResult } from '../../cli/run-litops.js';
import type { RunRecord } from '../../../src/reporters/index.js';

/**
 * Fixture runs: each folder of fixtures/runs holds a small runbook
 * (`runbook.md`), `case.json` (`args` for `litops run`, the expected
 * `exitCode`, and the case's purpose) and the expected reports next to them.
 * A test makes the run directory with the real CLI (dist/), then compares
 * reports after replacing what differs between runs with placeholders.
 */
export const RUNS_DIR = fileURLToPath(new URL('../../../fixtures/runs/', import.meta.url));

/** The principal every fixture run is signed as. */
export const FIXTURE_PRINCIPAL = 'tester@example.com';

interface CaseFile {
  purpose: string;
  args: string[];
  exitCode: number;
}

/** A fixture run made by the real CLI. */
export interface FixtureRun {
  name: string;
  /** fixtures/runs/<name>/ */
  caseDir: string;
  /** The temporary working directory the run ran in (runbook.md, the key, .litops/). */
  workDir: string;
  runDir: string;
  result: LitopsResult;
}

/** The case folders of fixtures/runs, sorted. */
export function listRunCases(): string[] {
  return readdirSync(RUNS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

const runs = new Map<string, Promise<FixtureRun>>();

/** Runs fixtures/runs/<name>/runbook.md with `litops run --ci`, signed with a fresh key (once per test file). */
export function createFixtureRun(name: string): Promise<FixtureRun> {
  let run = runs.get(name);
  if (!run) {
    run = makeRun(name);
    runs.set(name, run);
  }
  return run;
}

async function makeRun(name: string): Promise<FixtureRun> {
  const caseDir = join(RUNS_DIR, name);
  const spec = JSON.parse(readFileSync(join(caseDir, 'case.json'), 'utf8')) as CaseFile;
  const workDir = mkdtempSync(join(tmpdir(), `litops-report-${name}-`));
  copyFileSync(join(caseDir, 'runbook.md'), join(workDir, 'runbook.md'));
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', FIXTURE_PRINCIPAL, '-f', join(workDir, 'key')]);
  const result = await runLitops(['run', 'runbook.md', '--ci', '--key', 'key', '--as', FIXTURE_PRINCIPAL, ...spec.args], {
    cwd: workDir,
    env: { HOME: workDir, LITOPS_SIGNING_KEY: undefined, GITHUB_ACTIONS: undefined, DATABASE_URL: undefined, PGHOST: undefined, PGDATABASE: undefined, PGUSER: undefined, PGPORT: undefined },
    timeoutMs: 60_000,
  });
  expect(result.code, `${name}: litops run exit code\n${result.stdout}${result.stderr}`).toBe(spec.exitCode);
  const runsDir = join(workDir, '.litops', 'runs');
  const [runId] = readdirSync(runsDir);
  return { name, caseDir, workDir, runDir: join(runsDir, runId!), result };
}

const TIMESTAMP = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;

/** Keys whose values differ from run to run, and their placeholders. */
const VOLATILE_KEYS: Record<string, string> = {
  ts: '<ts>',
  startedAt: '<ts>',
  endedAt: '<ts>',
  durationMs: '<duration>',
  runId: '<run-id>',
  host: '<host>',
  user: '<user>',
  keyFingerprint: '<key-fingerprint>',
  fingerprint: '<key-fingerprint>',
};

/** A JSON value with run-dependent values replaced: by key (times, durations, ids, host, user, key), then in strings. */
export function normalizeJson(value: unknown, record: RunRecord): unknown {
  if (Array.isArray(value)) return value.map((item) => normalizeJson(item, record));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key in VOLATILE_KEYS && item !== null ? VOLATILE_KEYS[key] : normalizeJson(item, record)]));
  }
  return typeof value === 'string' ? normalizeText(value, record) : value;
}

/** Text with the run's id, key, signer key, directories and every RFC 3339 time replaced by placeholders. */
export function normalizeText(text: string, record: RunRecord): string {
  const replacements: Array<[string, string]> = [
    [record.runDir, '<run-dir>'],
    [dirname(dirname(dirname(record.runDir))), '<work-dir>'],
    [record.start.runId, '<run-id>'],
    [record.start.keyFingerprint, '<key-fingerprint>'],
    [record.start.publicKey, '<public-key>'],
  ];
  let result = text;
  for (const [from, to] of replacements) result = result.split(from).join(to);
  return result.replace(TIMESTAMP, '<ts>');
}

/**
 * Compares `actual` with the expected file in the case folder; with `UPDATE=1`
 * (re)writes the file instead.
 */
export function expectFixtureFile(caseDir: string, file: string, actual: string): void {
  const path = join(caseDir, file);
  if (process.env.UPDATE === '1' || !existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    if (process.env.UPDATE !== '1') throw new Error(`${path} did not exist: written; check it and run again`);
    return;
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}
