// What the CLI talks to: two output streams and Ctrl-C. main.ts passes the process's; the
// functions take them as an argument so nothing below reads globals.
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  /** Calls `listener` on each Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt(listener: () => void): () => void;
}
