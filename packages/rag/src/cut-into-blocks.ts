// A linear first cut for large texts, before LangChain's recursive splitter sees them. That
// splitter is fine on a few pages but not on megabytes: it measures every piece at every level,
// spreads whole arrays into function calls (`push(...chunks)`, a stack overflow past ~120,000
// chunks) and merges single characters with Array#shift, quadratic in a text without separators
// (a 9.9 MB one-line file took about 3 minutes). Cut into blocks of at most `blockSize`
// characters at the strongest separator in the block's second half, every block is split in
// bounded time, so the whole text is split in time linear in its length.

/** Blocks of at most `blockSize` characters, each ending at the strongest separator available. */
export function cutIntoBlocks(
  text: string,
  blockSize: number,
  separators: readonly string[],
  trailing: ReadonlySet<string>,
): string[] {
  if (text.length <= blockSize) return [text];
  const blocks: string[] = [];
  let start = 0;
  while (text.length - start > blockSize) {
    const end = cutPoint(text, start, blockSize, separators, trailing);
    blocks.push(text.slice(start, end));
    start = end;
  }
  blocks.push(text.slice(start));
  return blocks;
}

function cutPoint(
  text: string,
  start: number,
  blockSize: number,
  separators: readonly string[],
  trailing: ReadonlySet<string>,
): number {
  const limit = start + blockSize;
  const earliest = start + Math.floor(blockSize / 2);
  // Searched in the second half only: lastIndexOf on the whole text would scan back to its start.
  const half = text.slice(earliest, limit);
  for (const separator of separators) {
    if (separator === '') break;
    // A separator the splitter keeps at the end of a sentence (。) ends this block; the others
    // (a blank line, a heading) start the next one, as the splitter itself places them.
    const found = half.lastIndexOf(separator);
    if (found < 0) continue;
    if (!trailing.has(separator)) return earliest + found;
    if (found + separator.length <= half.length) return earliest + found + separator.length;
  }
  // No separator in the second half: a fixed cut, moved off the middle of a surrogate pair.
  const low = text.charCodeAt(limit);
  return low >= 0xdc00 && low <= 0xdfff ? limit - 1 : limit;
}
