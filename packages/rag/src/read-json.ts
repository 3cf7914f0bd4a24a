// JSON reader (Spring AI's JsonReader): an array becomes one document per item, anything else one
// document. `keys` picks the fields that make up the text (`jsonKeysToUse`); `pointer` (RFC 6901)
// selects the part of the file to read, like Spring's `reader.get("/choices")`.
import { InvalidInputError } from '@repo/core';
import type { RagDocument } from './rag-types.js';
import { CorruptDocumentError } from './etl-errors.js';
import { decodeUtf8 } from './read-text.js';

export interface ReadJsonOptions {
  source: string;
  /** Fields whose values form the text, as `key: value` lines; items with none keep all fields. */
  keys?: string[];
  /** RFC 6901 pointer to the array or object to read, e.g. `/choices` (default: the whole file). */
  pointer?: string;
  /** Fields copied into metadata (Spring's JsonMetadataGenerator), when the item has them. */
  metadataKeys?: string[];
  metadata?: Record<string, unknown>;
}

/** Resolves an RFC 6901 pointer; `~1` is `/` and `~0` is `~`, array indexes are decimal. */
export function resolveJsonPointer(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  if (!pointer.startsWith('/'))
    throw new InvalidInputError(`JSON pointer "${pointer}" must be empty or start with "/"`, [
      { field: 'pointer', reason: 'must start with "/"' },
    ]);
  let node = root;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const found = Array.isArray(node)
      ? /^(0|[1-9]\d*)$/.test(token)
        ? node[Number(token)]
        : undefined
      : isObject(node) && Object.hasOwn(node, token)
        ? node[token]
        : undefined;
    if (found === undefined)
      throw new InvalidInputError(`JSON pointer "${pointer}" matches nothing at "${token}"`, [
        { field: 'pointer', reason: `no "${token}" in the document` },
      ]);
    node = found;
  }
  return node;
}

export function readJson(input: string | Uint8Array, options: ReadJsonOptions): RagDocument[] {
  const text = typeof input === 'string' ? input : decodeUtf8(input, options.source);
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CorruptDocumentError(
      options.source,
      `invalid JSON (${(error as Error).message})`,
      error,
    );
  }
  const pointer = options.pointer ?? '';
  const selected = resolveJsonPointer(root, pointer);
  const items = Array.isArray(selected) ? selected : [selected];
  return items.map((item, index) => {
    const metadata: Record<string, unknown> = { ...options.metadata, source: options.source };
    // Where the item sits, so a citation can point back into a large file.
    metadata.jsonPointer = Array.isArray(selected) ? `${pointer}/${index}` : pointer;
    for (const key of options.metadataKeys ?? [])
      if (isObject(item) && item[key] !== undefined) metadata[key] = item[key];
    return { text: itemText(item, options.keys), metadata };
  });
}

function itemText(item: unknown, keys: string[] | undefined): string {
  if (typeof item === 'string') return item;
  if (isObject(item) && keys && keys.length > 0) {
    const lines = keys
      .filter((key) => item[key] !== undefined)
      .map((key) => `${key}: ${stringify(item[key])}`);
    if (lines.length > 0) return lines.join('\n');
  }
  return stringify(item);
}

function stringify(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
