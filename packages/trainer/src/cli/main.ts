// The `ai-train` bin (bin/ai-train.js imports this): the process's arguments, streams and Ctrl-C
// handed to runCli, whose return value is the exit code.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  onInterrupt(listener) {
    process.on('SIGINT', listener);
    return () => process.off('SIGINT', listener);
  },
});
