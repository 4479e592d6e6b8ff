/** A 1-based position relative to the front matter's first line. */
export interface RelativePosition {
  line: number;
  column: number;
}

/** A syntax problem in the front matter. */
export interface SyntaxProblem extends RelativePosition {
  message: string;
}

/** A front matter read by its format's parser, able to say where a key path sits. */
export interface ReadDocument {
  /** The plain data; undefined when the text is empty or could not be read. */
  data: unknown;
  errors: SyntaxProblem[];
  warnings: SyntaxProblem[];
  /**
   * Where `path` is written: its value when `target` is `'value'` (default `'key'`)
   * and the value is a scalar, else its key; the deepest part that exists when
   * the path does not.
   */
  locate(path: readonly PropertyKey[], target?: 'key' | 'value'): RelativePosition;
}
