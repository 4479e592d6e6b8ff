import { expect, test } from 'vitest';
import * as shell from '../../../src/parser/shell/index.js';

test('public exports change only on purpose', () => {
  expect(Object.keys(shell).sort()).toEqual(['analyzeShell', 'blockingRules', 'destructiveRules', 'isWellKnownVariable', 'looksLikeShell', 'splitNumberedParts']);
});

test('an analysis has exactly the documented fields', () => {
  expect(Object.keys(shell.analyzeShell('ls')).sort()).toEqual(['blocking', 'commands', 'destructive', 'embeddedSql', 'freeReads', 'functions', 'reads', 'sets']);
  expect(Object.keys(shell.analyzeShell('"')).sort()).toContain('error');
});
