// What ai-train talks to: two output streams and Ctrl-C, which it must be able to hear (a run
// stops at a checkpoint). main.ts passes the process's; nothing below reads globals.
import type { CliIo as VerbCliIo } from '@repo/core/cli';

export interface CliIo extends VerbCliIo {
  /** Calls `listener` on each Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(listener: () => void): () => void;
}
