// The `local-llm` command: `local-llm serve [--port 3100] [--host 127.0.0.1] [--control]`.
import { parseArgs } from 'node:util';
import { startLocalLlmServer } from './node-server.js';

const USAGE = `Usage: local-llm serve [--port 3100] [--host 127.0.0.1] [--control]
       local-llm --help

Starts the deterministic OpenAI-compatible stand-in model (not a language model).
  --port <n>     port to listen on (default 3100; 0 picks a free port)
  --host <addr>  address to bind (default 127.0.0.1)
  --control      enable the /_local/* control API (scripted replies, faults, request log)

Routes: /v1/models, /v1/chat/completions, /v1/embeddings, /v1/files and /v1/fine_tuning/jobs
(fine-tuning trains @repo/trainer's tiny GPT, model "tiny-gpt", in a worker thread).

Environment:
  LOCAL_LLM_TRAINED_MODELS=id=dir,id2=dir2   serve @repo/trainer checkpoints under those model ids
  LOCAL_LLM_DATA_DIR=dir                     keep uploaded files and fine-tuning jobs there; jobs
                                             resume at the next start (default: a temporary folder,
                                             removed on exit)
  LOCAL_LLM_MAX_FILE_BYTES=n                 largest upload to /v1/files (default 33554432)
  LOCAL_LLM_FINE_TUNING_CONCURRENCY=n        fine-tuning jobs training at once (default 1)
`;

function usageError(message: string): never {
  process.stderr.write(`local-llm: ${message}\n\n${USAGE}`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string', default: '3100' },
        host: { type: 'string', default: '127.0.0.1' },
        control: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  if (positionals.length !== 1 || positionals[0] !== 'serve')
    usageError('expected the command "serve".');
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    usageError(`invalid --port "${values.port}".`);

  const server = await startLocalLlmServer({ port, host: values.host, control: values.control });
  process.stdout.write(`local-llm listening on ${server.baseURL}\n`);
  const shutdown = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`local-llm: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
