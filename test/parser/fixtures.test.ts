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
  /** Opening-fence line → block class (`command`, `transcript`, `output`, `configuration`, `reference`). */
  blocks?: Record<string, string>;
  dialects?: Record<string, string>;
  /** Opening-fence line → the source that runs (first cell at that line). */
  sources?: Record<string, string>;
  stepKinds?: string[];
  prerequisites?: number;
  guidance?: string[];
  /** Names that must not be variables at all (a configuration block's `$words`). */
  notVariables?: string[];
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
    for (const [line, block] of Object.entries(facts.blocks ?? {})) {
      expect(runbook.cells.find((c) => c.line === Number(line))?.block, `block at line ${line}`).toBe(block);
    }
    for (const [line, dialect] of Object.entries(facts.dialects ?? {})) {
      expect(runbook.cells.find((c) => c.line === Number(line))?.dialect, `dialect at line ${line}`).toBe(dialect);
    }
    for (const [line, source] of Object.entries(facts.sources ?? {})) {
      expect(runbook.cells.find((c) => c.line === Number(line))?.source, `source at line ${line}`).toBe(source);
    }
    if (facts.stepKinds) expect(runbook.steps.map((s) => s.kind)).toEqual(facts.stepKinds);
    if (facts.prerequisites !== undefined) expect(runbook.prerequisites.length).toBe(facts.prerequisites);
    if (facts.guidance) expect(runbook.guidance.map((g) => g.kind)).toEqual(facts.guidance);
    for (const name of facts.notVariables ?? []) expect(runbook.variables.map((v) => v.name)).not.toContain(name);
    for (const [line, guess] of Object.entries(facts.guesses ?? {})) {
      expect(runbook.cells.find((c) => c.line === Number(line))?.guess, `guess at line ${line}`).toBe(guess);
    }
  });
});
