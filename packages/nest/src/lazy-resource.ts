// A resource an app opens on first use and closes on shutdown (a database and the store built on
// it): boot stays fast, and a failed open (the PGlite folder held by another process, a server
// down) is reported to the request that triggered it and retried by the next, instead of wedging
// the app until a restart. Concurrent first requests share one open.

export interface LazyResourceOptions<T> {
  open: () => Promise<T>;
  /** Releases what `open` made (e.g. closes the database). */
  close: (value: T) => Promise<void>;
  /** Called once per successful open (log where the data lives). */
  onOpen?: (value: T) => void;
  /** Called once per failed open, before the error reaches the caller. */
  onError?: (error: unknown) => void;
}

export interface LazyResource<T> {
  /** The open resource, opening it first if needed. */
  get(): Promise<T>;
  /** Closes it if it was opened; the next `get` opens it again. Never throws for a failed open. */
  close(): Promise<void>;
}

export function createLazyResource<T>(options: LazyResourceOptions<T>): LazyResource<T> {
  let opening: Promise<T> | undefined;
  return {
    get() {
      opening ??= options.open().then(
        (value) => {
          options.onOpen?.(value);
          return value;
        },
        (error: unknown) => {
          opening = undefined;
          options.onError?.(error);
          throw error;
        },
      );
      return opening;
    },
    async close() {
      const current = opening;
      opening = undefined;
      const value = await current?.catch(() => undefined);
      if (value !== undefined) await options.close(value);
    },
  };
}
