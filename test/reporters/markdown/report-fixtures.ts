import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunRecord } from '../../../src/reporters/run-record/index.js';
import { buildTestRecord, type Scenario } from './build-test-record.js';

export const fixturesDir = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
export const reportsDir = join(fixturesDir, 'reports');

/** Folders under fixtures/<folder> that hold an input.md. */
export function listCases(folder: string): string[] {
  const root = join(fixturesDir, folder);
  return readdirSync(root).filter((name) => existsSync(join(root, name, 'input.md'))).sort();
}

/** A report fixture: its runbook bytes, its scenario (run.json, if any) and the RunRecord built from them. */
export async function loadCase(folder: string, name: string): Promise<{ dir: string; bytes: Uint8Array; scenario: Scenario; record: RunRecord }> {
  const dir = join(fixturesDir, folder, name);
  const bytes = new Uint8Array(readFileSync(join(dir, 'input.md')));
  const scenarioPath = join(dir, 'run.json');
  const scenario = existsSync(scenarioPath) ? (JSON.parse(readFileSync(scenarioPath, 'utf8')) as Scenario) : {};
  return { dir, bytes, scenario, record: await buildTestRecord(bytes, scenario) };
}

/**
 * A report with what changes from run to run replaced by placeholders: times,
 * the run id, the host, digests, key fingerprints, git commits, the report's nonce.
 */
export function maskReport(text: string, record: RunRecord): string {
  const nonce = /<!-- litops:header report=([0-9a-f]{8}) -->/.exec(text)?.[1];
  let masked = text.split(record.start.runId).join('<RUN-ID>').split(record.start.host).join('<HOST>');
  if (nonce) masked = masked.split(`report=${nonce}`).join('report=<NONCE>');
  return masked
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, '<TIME>')
    .replace(/SHA256:[A-Za-z0-9+/]{20,}={0,2}/g, '<KEY-FINGERPRINT>')
    .replace(/\b[0-9a-f]{64}\b/g, '<SHA256>')
    .replace(/\b[0-9a-f]{40}\b/g, '<GIT-COMMIT>');
}

/** The expected text in `file`; `UPDATE=1` (or a missing file, outside CI) writes `actual` there first. */
export function readExpected(file: string, actual: string): string {
  if (process.env.UPDATE === '1' || !existsSync(file)) {
    if (process.env.CI === 'true' && !existsSync(file)) throw new Error(`missing expected file ${file}; run UPDATE=1 npm test locally`);
    writeFileSync(file, actual);
  }
  return readFileSync(file, 'utf8');
}
