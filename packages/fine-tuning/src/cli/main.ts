// The `ai-ft` bin (bin/ai-ft.js imports this): the process's arguments, streams, environment and
// Ctrl-C handed to runCli, whose return value is the exit code.
import { runCli } from './run-cli.js';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onInterrupt(listener) {
    process.on('SIGINT', listener);
    return () => process.off('SIGINT', listener);
  },
});
