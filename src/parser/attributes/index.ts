export { parseFenceMeta } from './parse-fence-meta.js';
export { parseLitopsComment } from './parse-litops-comment.js';
export { mergeAttributes, mergeAttributeResults } from './merge-attributes.js';
export type { AttributesResult } from './normalize-attributes.js';
export type { Position } from './locate.js';
