// A row the library refuses (its InvalidInputError starts "Line N:") is a fault of the data, not
// of the arguments: one line naming the line and the reason, exit 1. Other errors go on to runCli.
import { InvalidInputError } from '@repo/core';
import type { CliIo } from '@repo/core/cli';

export async function refusedRow(io: CliIo, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (error) {
    if (!(error instanceof InvalidInputError) || !/^Line \d+:/.test(error.message)) throw error;
    io.stderr.write(`ai-ft: ${error.message}\n`);
    return 1;
  }
}
