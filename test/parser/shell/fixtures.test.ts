import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeShell, looksLikeShell, splitNumberedParts } from '../../../src/parser/shell/index.js';
import { fixturesRoot as root, readFixture } from './read-fixture.js';

/**
 * One folder per case: `input.sh` (a shell cell copied verbatim from a seed runbook)
 * next to `expected.json`. `UPDATE=1` rewrites the expectations; review the diff.
 */

describe('shell cell fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    test(name, () => {
      const input = readFixture(name);
      const actual = JSON.parse(
        JSON.stringify({
          looksLikeShell: looksLikeShell(input),
          parts: splitNumberedParts(input)?.map(({ source: _source, ...part }) => part) ?? null,
          analysis: analyzeShell(input),
        }),
      ) as unknown;
      const expectedPath = join(root, name, 'expected.json');
      if (process.env.UPDATE === '1') writeFileSync(expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      if (!existsSync(expectedPath)) throw new Error(`${name}: no expected.json; run with UPDATE=1 and review it`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
    });
  }
});
