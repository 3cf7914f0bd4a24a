// A one-line progress bar for the ingest CLI, hand-written (`\r` redraws the line) rather than a
// dependency for twenty lines. On a terminal it redraws in place; in a log (CI, a pipe) it prints
// one line per finished phase instead of hundreds of `\r` frames.
import type { IngestProgress } from './ingest-documents.js';

export interface ProgressOutput {
  write(text: string): unknown;
  isTTY?: boolean;
}

const WIDTH = 24;

export function createProgressBar(output: ProgressOutput): {
  update(event: IngestProgress): void;
  done(): void;
} {
  let drawn = false;
  return {
    update({ phase, done, total }) {
      const line = `${phase.padEnd(6)} ${bar(done, total)} ${done}/${total}`;
      if (output.isTTY) {
        output.write(`\r${line}\u001b[K`);
        drawn = true;
      } else if (done === total) output.write(`${line}\n`);
    },
    done() {
      if (drawn) output.write('\n');
      drawn = false;
    },
  };
}

function bar(done: number, total: number): string {
  const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}]`;
}
