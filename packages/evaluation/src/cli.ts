// The `ai-eval` bin (bin/ai-eval.js imports this): Ctrl-C cancels the run and still writes the
// reports of what finished.
import { runCli } from './run-cli.js';

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  signal: controller.signal,
});
