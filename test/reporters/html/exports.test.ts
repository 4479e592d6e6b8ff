import { describe, expect, it } from 'vitest';
import * as htmlReporter from '../../../src/reporters/html/index.js';
import * as markdownReporter from '../../../src/reporters/markdown/index.js';

describe('the Markdown and HTML reporters', () => {
  it('export exactly their public API', () => {
    expect(Object.keys(markdownReporter).sort()).toEqual(['formatMarkdownReport', 'stripInsertedBlocks']);
    expect(Object.keys(htmlReporter).sort()).toEqual(['formatHtmlReport']);
  });
});
