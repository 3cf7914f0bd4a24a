// The last step of a re-ingest with a ledger, after the new chunks are stored: the chunks a changed
// source no longer produces are deleted by id, sources gone from a pruned scope lose all theirs,
// and only then does the ledger record the run. A crash at any point leaves every source with its
// old chunks, its new ones, or both, never with nothing; and the ledger still holds the old ids
// until the deletes are done, so the next run finds and deletes what is left.
import type { LedgerEntry, SourceLedger } from './ingest-ledger.js';
import type { SourceToRead } from './ingest-plan.js';
import type { VectorStore } from './rag-types.js';

/** Which ledger sources a prune may remove: `true` is all, or those under a prefix / of an origin. */
export type PruneScope = true | { prefix?: string; origin?: string };

export interface ReplaceInput {
  store: VectorStore;
  ledger: SourceLedger;
  /** Sources read this run, with what each produced (absent: skipped, left as it was). */
  read: readonly SourceToRead[];
  produced: ReadonlyMap<string, Omit<LedgerEntry, 'hash' | 'origin'>>;
  /** Every source name this run was given, read or not: never pruned. */
  present: ReadonlySet<string>;
  prune?: PruneScope;
  origin?: string;
}

export interface ReplaceResult {
  /** Chunks deleted: ones changed sources no longer produce, and all of pruned sources. */
  removed: number;
  /** Sources removed because they are no longer there (`prune`). */
  pruned: string[];
}

export async function replaceStale(input: ReplaceInput): Promise<ReplaceResult> {
  const { store, ledger } = input;
  const changes = new Map<string, LedgerEntry | undefined>();
  const stale: string[] = [];
  for (const item of input.read) {
    const made = input.produced.get(item.name);
    if (!made) continue;
    const keep = new Set(made.ids);
    for (const id of item.previous?.ids ?? []) if (!keep.has(id)) stale.push(id);
    const entry: LedgerEntry = { hash: item.hash, ...made };
    if (input.origin !== undefined) entry.origin = input.origin;
    changes.set(item.name, entry);
  }
  const pruned: string[] = [];
  if (input.prune !== undefined) {
    for (const name of await ledger.sources()) {
      const entry = await ledger.get(name);
      if (input.present.has(name) || !inScope(name, entry, input.prune)) continue;
      stale.push(...(entry?.ids ?? []));
      changes.set(name, undefined);
      pruned.push(name);
    }
  }
  const removed = stale.length > 0 ? await store.delete({ ids: stale }) : 0;
  if (changes.size > 0) await ledger.update(changes);
  return { removed, pruned };
}

function inScope(name: string, entry: LedgerEntry | undefined, scope: PruneScope): boolean {
  if (scope === true) return true;
  if (scope.prefix !== undefined && !name.startsWith(scope.prefix)) return false;
  if (scope.origin !== undefined && entry?.origin !== scope.origin) return false;
  return true;
}
