export { parseFrontMatter, type FrontMatterResult } from './parse-front-matter.js';
