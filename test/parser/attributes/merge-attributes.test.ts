import { describe, expect, it } from 'vitest';
import type { Attributes } from '../../../src/model/attributes.js';
import { mergeAttributeResults, mergeAttributes, parseFenceMeta, parseLitopsComment } from '../../../src/parser/attributes/index.js';

describe('mergeAttributes (comment first, fence meta second)', () => {
  it.each<[string, Attributes, Attributes, Attributes]>([
    ['nothing', {}, {}, {}],
    ['only the comment', { name: 'a', readonly: true }, {}, { name: 'a', readonly: true }],
    ['only the fence', {}, { name: 'b' }, { name: 'b' }],
    ['the fence wins for single values', { name: 'a', timeout: 1000, destructive: true }, { name: 'b', destructive: false }, { name: 'b', timeout: 1000, destructive: false }],
    ['lists are united in order without repeats', { expect: ['exit == 0'], tag: ['a', 'b'] }, { expect: ['rows == 0', 'exit == 0'], tag: ['b', 'c'], needs: ['x'] }, { expect: ['exit == 0', 'rows == 0'], tag: ['a', 'b', 'c'], needs: ['x'] }],
    ['runme and unknown merge key by key', { runme: { id: '1', background: 'true' }, unknown: { a: 1 } }, { runme: { id: '2' }, unknown: { b: 2 } }, { runme: { id: '2', background: 'true' }, unknown: { a: 1, b: 2 } }],
  ])('%s', (_, comment, fence, merged) => {
    const before = structuredClone([comment, fence]);
    expect(mergeAttributes(comment, fence)).toEqual(merged);
    expect([comment, fence]).toEqual(before);
  });
});

describe('mergeAttributeResults', () => {
  it('merges attributes, unites expectations by source and keeps every diagnostic', () => {
    const comment = parseLitopsComment('<!-- litops: {"expect":["exit == 0","rows == 0"],"colour":1} -->', { line: 3, column: 1 });
    const fence = parseFenceMeta('{ expect="rows == 0" expect="duration < 1s" name=x }', { line: 4, column: 7 });
    const merged = mergeAttributeResults(comment!, fence);
    expect(merged.attributes).toEqual({ name: 'x', expect: ['exit == 0', 'rows == 0', 'duration < 1s'], unknown: { colour: 1 } });
    expect(merged.expectations.map((e) => e.source)).toEqual(['exit == 0', 'rows == 0', 'duration < 1s']);
    expect(merged.diagnostics.map((d) => [d.rule, d.line])).toEqual([['unknown-attribute', 3]]);
  });
});
