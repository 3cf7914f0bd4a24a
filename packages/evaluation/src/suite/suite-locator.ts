// Positions in a parsed YAML (or JSON) document: where a value is, or with `key` where its key is.
import { isMap, isScalar, type Document, type LineCounter } from 'yaml';
import type { Locate } from './load-suite.js';

export function locator(doc: Document, lineCounter: LineCounter): Locate {
  const position = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return (path, options = {}) => {
    const last = path.at(-1);
    if (options.key && typeof last === 'string') {
      const parent = doc.getIn(path.slice(0, -1) as unknown[], true);
      const pair = isMap(parent)
        ? parent.items.find((item) => isScalar(item.key) && item.key.value === last)
        : undefined;
      const range = isScalar(pair?.key) ? pair.key.range : undefined;
      if (range) return position(range[0]);
    }
    // A missing key has no node: point at the nearest ancestor that exists.
    for (let length = path.length; length >= 0; length--) {
      const node = doc.getIn(path.slice(0, length) as unknown[], true) as
        { range?: [number, number, number] } | undefined;
      if (node?.range) return position(node.range[0]);
    }
    return undefined;
  };
}
