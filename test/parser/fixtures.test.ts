import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunbookSchema } from '../../src/model/runbook.js';
import { fixturesDir, listCases, parseFixture, readExpected } from './helpers.js';

interface CaseFacts {
  executableCells?: number;
  referenceCells?: number;
  cellLines?: number[];
  executableCellLines?: number[];
  diagnosticRules?: string[];
  absentDiagnosticRules?: string[];
  steps?: string[];
  criteria?: number;
  variables?: Record<string, 'input' | 'set'>;
  title?: string;
  guesses?: Record<string, 'shell' | 'sql' | null>;
}

describe.each(['parser', 'seeds'])('fixtures/%s', (folder) => {
  it.each(listCases(folder))('%s matches graph.json (UPDATE=1 rewrites)', async (name) => {
    const dir = join(fixturesDir, folder, name);
    const runbook = await parseFixture(dir);
    expect(() => RunbookSchema.parse(runbook)).not.toThrow();
    expect(runbook).toEqual(readExpected(join(dir, 'graph.json'), runbook));
  });

  it.each(listCases(folder).filter((name) => existsSync(join(fixturesDir, folder, name, 'case.json'))))('%s shows the facts of case.json', async (name) => {
    const dir = join(fixturesDir, folder, name);
    const facts = (JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) as { expect: CaseFacts }).expect;
    const runbook = await parseFixture(dir);
    const executable = runbook.cells.filter((c) => c.executable);
    if (facts.executableCells !== undefined) expect(executable.length).toBe(facts.executableCells);
    if (facts.referenceCells !== undefined) expect(runbook.cells.filter((c) => !c.executable).length).toBe(facts.referenceCells);
    if (facts.cellLines) expect([...new Set(runbook.cells.map((c) => c.line))].sort((a, b) => a - b)).toEqual(facts.cellLines);
    if (facts.executableCellLines) expect([...new Set(executable.map((c) => c.line))].sort((a, b) => a - b)).toEqual(facts.executableCellLines);
    const rules = runbook.diagnostics.map((d) => d.rule);
    for (const rule of facts.diagnosticRules ?? []) expect(rules).toContain(rule);
    for (const rule of facts.absentDiagnosticRules ?? []) expect(rules).not.toContain(rule);
    if (facts.steps) expect(runbook.steps.map((s) => s.title)).toEqual(facts.steps);
    if (facts.criteria !== undefined) expect(runbook.criteria.length).toBe(facts.criteria);
    if (facts.title) expect(runbook.title).toBe(facts.title);
    for (const [name, role] of Object.entries(facts.variables ?? {})) {
      expect(runbook.variables.find((v) => v.name === name)?.role, name).toBe(role);
    }
    for (const [line, guess] of Object.entries(facts.guesses ?? {})) {
      expect(runbook.cells.find((c) => c.line === Number(line))?.guess, `guess at line ${line}`).toBe(guess);
    }
  });
});
