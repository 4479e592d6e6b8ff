import type { Data, Literal } from 'mdast';

/** TOML front matter (`+++`), which remark-frontmatter produces but @types/mdast does not declare. */
export interface Toml extends Literal {
  type: 'toml';
  data?: Data;
}

declare module 'mdast' {
  interface FrontmatterContentMap {
    toml: Toml;
  }
  interface RootContentMap {
    toml: Toml;
  }
}
