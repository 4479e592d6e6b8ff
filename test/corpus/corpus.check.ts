import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRunbook } from '../../src/parser/index.js';
import { buildPlan } from '../../src/executor/index.js';
import { RunbookSchema, type Runbook } from '../../src/model/runbook.js';
import { SHELL_PROMPTS } from '../../src/parser/blocks/prompt-shapes.js';
import { listCorpus, listFenceLines, readLabels, snapshotsDir } from './read-corpus.js';
import { formatSnapshot } from './snapshot-row.js';

/**
 * Every real runbook of ../shared/corpus (and the seeds) through the parser and
 * the plan: nothing throws, the plan follows document order, no executable
 * shell cell keeps a prompt, every fenced block is classified, the reviewed
 * snapshot holds, and the hand labels agree.
 */
const files = listCorpus();
const agreement = { blocks: 0, agree: 0, placeholders: { found: 0, labelled: 0, right: 0 } };
/** Per block, as the labels count: a block that holds a destructive (blocking) command, and whether litops marked it. */
const safety = { destructive: { tp: 0, fp: 0, fn: 0 }, blocking: { tp: 0, fp: 0, fn: 0 } };
const safetyMisses: string[] = [];
const disagreements: string[] = [];

function percent(part: number, whole: number): string {
  return `${((100 * part) / Math.max(whole, 1)).toFixed(1)}%`;
}

async function parse(path: string): Promise<Runbook> {
  const bytes = readFileSync(path);
  return (await parseRunbook(bytes.toString('utf8'), { path, bytes })).runbook;
}

function isSorted(lines: number[]): boolean {
  return lines.every((line, i) => i === 0 || line >= lines[i - 1]!);
}

describe.each(files)('$name', ({ name, path }) => {
  it('parses into a valid graph whose plan follows document order', async () => {
    const runbook = await parse(path);
    expect(() => RunbookSchema.parse(runbook)).not.toThrow();
    expect(isSorted(runbook.steps.map((s) => s.line)), 'steps in document order').toBe(true);
    const plan = buildPlan(runbook);
    const stepsWithNeeds = new Set(runbook.steps.filter((s) => s.needs.length > 0).map((s) => s.id));
    expect(isSorted(plan.steps.filter((p) => !stepsWithNeeds.has(p.step.id)).map((p) => p.step.line)), 'plan in document order').toBe(true);
    for (const procedure of runbook.procedures) {
      const lines = procedure.steps.map((id) => runbook.steps.find((s) => s.id === id)!.line);
      expect(isSorted(lines), `procedure ${procedure.id} in document order`).toBe(true);
    }
  });

  it('runs no prompt: no executable shell cell has a line that starts with one', async () => {
    const runbook = await parse(path);
    for (const cell of runbook.cells.filter((c) => c.lang === 'shell' && (c.executable || c.guess === 'shell'))) {
      for (const line of cell.source.split('\n')) {
        expect(SHELL_PROMPTS.some((shape) => shape.prompt.test(line) && !/^\s*\$\{?\w/.test(line)), `${cell.id} line "${line}"`).toBe(false);
      }
    }
  });

  it('classifies every fenced block, as the reviewed snapshot says (UPDATE=1 rewrites it)', async () => {
    const text = readFileSync(path, 'utf8');
    const runbook = await parse(path);
    const classified = new Set(runbook.cells.map((c) => c.line));
    for (const line of listFenceLines(text)) expect(classified.has(line), `fence at line ${line} is classified`).toBe(true);
    const snapshot = formatSnapshot(runbook);
    const file = join(snapshotsDir, `${name}.tsv`);
    if (process.env.UPDATE === '1' || !existsSync(file)) {
      if (process.env.CI === 'true' && !existsSync(file)) throw new Error(`missing snapshot ${file}; run UPDATE=1 npm run test:corpus and review it`);
      writeFileSync(file, snapshot);
    }
    expect(snapshot).toBe(readFileSync(file, 'utf8'));
  });

});

describe.each(files.filter((file) => !file.seed))('$name against its hand labels', ({ name, path }) => {
  it('agrees with the hand labels', async () => {
    const labels = readLabels(name);
    expect(labels, `fixtures/corpus/labels/${name}.json`).not.toBeNull();
    const runbook = await parse(path);
    for (const label of labels!) {
      const cells = runbook.cells.filter((c) => c.line === label.line);
      const got = cells[0]?.block ?? 'missing';
      agreement.blocks++;
      if (got === label.class) agreement.agree++;
      else disagreements.push(`${name}:${label.line} labelled ${label.class}, read as ${got}`);
      const marked = { destructive: cells.some((c) => c.destructive), blocking: cells.some((c) => c.blocking) };
      for (const kind of ['destructive', 'blocking'] as const) {
        const labelled = label[kind].length > 0;
        const count = safety[kind];
        if (labelled && marked[kind]) count.tp++;
        else if (labelled) {
          count.fn++;
          safetyMisses.push(`${name}:${label.line} ${kind} not marked: ${label[kind].map((c) => `${c.line} ${c.reason}`).join('; ')}`);
        } else if (marked[kind]) {
          count.fp++;
          safetyMisses.push(`${name}:${label.line} marked ${kind}, labelled not: ${cells.flatMap((c) => (kind === 'destructive' ? c.reasons : c.blockingReasons).map((r) => r.reason)).join('; ')}`);
        }
      }
      const found = new Set(cells.flatMap((c) => c.placeholders.map((p) => p.name)));
      agreement.placeholders.found += found.size;
      agreement.placeholders.labelled += label.placeholders.length;
      agreement.placeholders.right += label.placeholders.filter((p) => found.has(p)).length;
    }
  });
});

describe('the corpus as a whole', () => {
  afterAll(() => {
    const { blocks, agree, placeholders } = agreement;
    console.log(`corpus: ${agree}/${blocks} blocks classified as labelled (${((100 * agree) / blocks).toFixed(1)}%); placeholders: ${placeholders.right}/${placeholders.labelled} found, ${placeholders.found - placeholders.right} extra`);
    if (disagreements.length) console.log(`disagreements:\n  ${disagreements.join('\n  ')}`);
    for (const kind of ['destructive', 'blocking'] as const) {
      const { tp, fp, fn } = safety[kind];
      console.log(`${kind}: recall ${percent(tp, tp + fn)} (${tp}/${tp + fn} labelled blocks), precision ${percent(tp, tp + fp)} (${tp}/${tp + fp} marked blocks)`);
    }
    if (safetyMisses.length) console.log(`safety misses and extras:\n  ${safetyMisses.join('\n  ')}`);
  });

  it('marks the labelled destructive blocks: recall >= 95%, precision >= 90%', () => {
    const { tp, fp, fn } = safety.destructive;
    expect(tp + fn).toBeGreaterThan(100);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.95);
    expect(tp / (tp + fp)).toBeGreaterThanOrEqual(0.9);
  });

  it('marks the labelled blocking blocks: recall >= 95%', () => {
    const { tp, fn } = safety.blocking;
    expect(tp + fn).toBeGreaterThan(30);
    expect(tp / (tp + fn)).toBeGreaterThanOrEqual(0.95);
  });

  it('reads at least 95% of the labelled blocks as labelled, and their placeholders with 90% recall and precision', () => {
    const { blocks, agree, placeholders } = agreement;
    expect(blocks).toBeGreaterThan(300);
    expect(agree / blocks).toBeGreaterThanOrEqual(0.95);
    expect(placeholders.right / placeholders.labelled).toBeGreaterThanOrEqual(0.9);
    expect(placeholders.right / Math.max(placeholders.found, 1)).toBeGreaterThanOrEqual(0.9);
  });
});
