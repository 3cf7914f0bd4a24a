// A one-line progress readout for long verbs over big files: bytes read of the total, redrawn in
// place with `\r` on a terminal (stderr only, so stdout stays clean for pipes and --json) and
// silent otherwise. One line needs no bar library: the package stays free of a dependency that
// only this readout would use.
import { createReadStream, statSync } from 'node:fs';
import { type CliIo, formatBytes } from '@repo/core/cli';

export interface ByteProgress {
  /** The file's bytes, counted as they are read (a LineSource for validateDataset). */
  source: AsyncIterable<Uint8Array>;
  /** Clears the line: call before printing results or an error. */
  stop(): void;
}

const REDRAW_MS = 100;

export function readWithProgress(path: string, io: CliIo, label = path): ByteProgress {
  const total = statSync(path).size;
  const shown = io.stderr.isTTY === true;
  let read = 0;
  let drawnAt = 0;
  let drawn = false;
  const draw = () => {
    const percent = total === 0 ? 100 : Math.floor((read / total) * 100);
    io.stderr.write(`\r${label}: ${formatBytes(read)} / ${formatBytes(total)} (${percent}%)`);
    drawn = true;
  };
  async function* source(): AsyncGenerator<Uint8Array> {
    for await (const chunk of createReadStream(path)) {
      const bytes = chunk as Buffer;
      read += bytes.length;
      if (shown && Date.now() - drawnAt >= REDRAW_MS) {
        drawnAt = Date.now();
        draw();
      }
      yield bytes;
    }
  }
  return {
    source: source(),
    stop() {
      if (drawn) io.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}
