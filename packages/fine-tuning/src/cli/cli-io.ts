// What the `ai-ft` CLI talks to: two output streams. main.ts passes the process's; the verbs take
// them as an argument so that nothing below reads globals.
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown; isTTY?: boolean };
}
