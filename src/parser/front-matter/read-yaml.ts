import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { ReadDocument, RelativePosition, SyntaxProblem } from './read-document.js';

/** Reads YAML front matter with node positions (`yaml`'s `parseDocument` and a `LineCounter`). */
export function readYaml(raw: string): ReadDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(raw, { lineCounter, prettyErrors: false });
  const at = (offset: number): RelativePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const toProblem = (error: { message: string; pos: [number, number] }): SyntaxProblem => ({ message: error.message, ...at(error.pos[0]) });
  const errors = doc.errors.map(toProblem);
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS() ?? undefined;
    } catch (error) {
      errors.push({ message: (error as Error).message, line: 1, column: 1 });
    }
  }
  return {
    data,
    errors,
    warnings: doc.warnings.map(toProblem),
    locate(path, target = 'key') {
      let node: unknown = doc.contents;
      let key: Node | null = null;
      for (const segment of path) {
        const next = findChild(node, segment);
        if (next === null) break;
        node = next.value;
        key = next.key;
      }
      const valueNode = node as Node | null;
      const useValue = key === null || (target === 'value' && isScalar(valueNode));
      const chosen = useValue && valueNode?.range ? valueNode : (key ?? valueNode);
      return chosen?.range ? at(chosen.range[0]) : { line: 1, column: 1 };
    },
  };
}

function findChild(node: unknown, segment: PropertyKey): { key: Node | null; value: unknown } | null {
  if (isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
    return pair ? { key: pair.key as Node, value: pair.value ?? pair.key } : null;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? null : { key: item as Node, value: item };
  }
  return null;
}
