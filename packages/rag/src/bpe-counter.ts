// An exact o200k token counter, hand-written because js-tiktoken's `encode` was 85-90 % of
// ingest time: each call rebuilds its regular expressions, and its byte-pair merge re-joins every
// pair of parts into a "12,34,56" key at every merge step. Here the same ranks and the same
// pre-token pattern give the same count: a text's tokens are the sum over its pre-tokens (BPE
// never merges across them), repeated pre-tokens (words, Chinese clauses) are counted once from a
// cache, and the merge keeps pair ranks and updates only the merged pair's neighbours.

/** The shape of js-tiktoken's bundled rank files (`js-tiktoken/ranks/o200k_base`). */
export interface BpeRanks {
  pat_str: string;
  bpe_ranks: string;
}

/** Cached pre-tokens before the cache starts over (≈ 10 MB of short strings). */
const CACHE_LIMIT = 200_000;

export class BpeCounter {
  /** Token bytes as a latin1 string (one char per byte) → rank. */
  private readonly ranks = new Map<string, number>();
  private readonly pattern: RegExp;
  private cache = new Map<string, number>();

  constructor(data: BpeRanks) {
    this.pattern = new RegExp(data.pat_str, 'gu');
    for (const line of data.bpe_ranks.split('\n')) {
      if (line === '') continue;
      const [, offset = '0', ...tokens] = line.split(' ');
      const first = Number.parseInt(offset, 10);
      tokens.forEach((token, i) =>
        this.ranks.set(Buffer.from(token, 'base64').toString('latin1'), first + i),
      );
    }
  }

  /** Tokens of `text` with special-token text counted as plain text (`encode(text, [], [])`). */
  count(text: string): number {
    let total = 0;
    for (const match of text.matchAll(this.pattern)) total += this.countPiece(match[0]);
    return total;
  }

  private countPiece(piece: string): number {
    let count = this.cache.get(piece);
    if (count !== undefined) return count;
    count = this.merge(Buffer.from(piece, 'utf8').toString('latin1'));
    if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
    this.cache.set(piece, count);
    return count;
  }

  /** Parts left after tiktoken's merge: the lowest-ranked adjacent pair first, leftmost on ties. */
  private merge(bytes: string): number {
    if (bytes.length <= 1 || this.ranks.has(bytes)) return 1;
    // starts[i] is where part i begins; pairRanks[i] the rank of parts i and i+1 joined.
    const starts: number[] = [];
    for (let i = 0; i <= bytes.length; i++) starts.push(i);
    const pairRank = (i: number) =>
      i + 2 < starts.length
        ? (this.ranks.get(bytes.slice(starts[i], starts[i + 2])) ?? Infinity)
        : Infinity;
    const pairRanks: number[] = [];
    for (let i = 0; i + 1 < bytes.length; i++) pairRanks.push(pairRank(i));
    while (pairRanks.length > 0) {
      let best = 0;
      for (let i = 1; i < pairRanks.length; i++) if (pairRanks[i]! < pairRanks[best]!) best = i;
      if (pairRanks[best] === Infinity) break;
      starts.splice(best + 1, 1);
      pairRanks.splice(best, 1);
      if (best < pairRanks.length) pairRanks[best] = pairRank(best);
      if (best > 0) pairRanks[best - 1] = pairRank(best - 1);
    }
    return starts.length - 1;
  }
}
