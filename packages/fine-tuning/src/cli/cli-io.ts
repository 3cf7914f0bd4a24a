// What the `ai-ft` CLI talks to: two output streams, the environment (API keys are looked up
// there when a request is made, never printed) and Ctrl-C. main.ts passes the process's; the verbs
// take them as an argument so that nothing below reads globals.
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env?: Record<string, string | undefined>;
  /** Calls `listener` on Ctrl-C (SIGINT) until the returned function is called. */
  onInterrupt?(listener: () => void): () => void;
}
