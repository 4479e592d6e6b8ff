import { expect, it } from 'vitest';
import * as attributes from '../../../src/parser/attributes/index.js';
import * as frontMatter from '../../../src/parser/front-matter/index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(attributes).sort()).toEqual(['mergeAttributeResults', 'mergeAttributes', 'parseFenceMeta', 'parseLitopsComment']);
  expect(Object.keys(frontMatter).sort()).toEqual(['parseFrontMatter']);
});
