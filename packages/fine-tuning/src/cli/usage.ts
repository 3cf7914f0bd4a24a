// The help text of `ai-ft` and of each verb (`ai-ft <verb> --help`).
const CHECK = `  --format <f>             sft, dpo or completion (default: detected from the first row)
  --model <name>           the model's context cap and tokenizer (e.g. gpt-4o-mini-2024-07-18)
  --validation <file>      a validation file: checked too, and compared with the training rows`;

const BACKEND = `  --backend <name>         openai (default), azure, local-llm, dashscope, together
  --base-url <url>         the API's address (required for azure and local-llm)
  --records <dir>          remember submissions here (idempotent resubmits across runs)
  --json                   JSON instead of text (follow: one JSON line per status or event)
API keys come from the environment only: OPENAI_API_KEY (openai, local-llm),
AZURE_OPENAI_API_KEY, DASHSCOPE_API_KEY, TOGETHER_API_KEY.`;

export const USAGE: Record<string, string> = {
  main: `Usage: ai-ft <command> [flags]     (ai-ft <command> --help for its flags)

Training files for fine-tuning: checked, measured, priced and converted before any upload.
  validate     every problem of a JSONL training file, with its line and field
  stats        examples, messages and tokens per example, roles, tools, duplicates
  estimate     what a hosted job would bill, or training an open model yourself takes
  convert      rows between openai, trl, sharegpt and alpaca
  split        a deterministic train/validation split
  dedupe       drop exact duplicate rows
  export       a LLaMA-Factory or TRL bundle with its DeepSpeed config
  submit       validate, upload and start a fine-tuning job (--follow to watch it)
  follow       a job's status and events until it ends
  list         recent jobs
  cancel       cancel a job

Exit codes: 0 done, 1 problems in the data, a failed job or a provider error, 2 bad flags or
arguments, 130 stopped following with Ctrl-C.`,

  validate: `Usage: ai-ft validate FILE [flags]

Prints every problem as "line N  code  field: reason", then the warnings and a summary.
Exit 0 when no errors were found (warnings do not fail the file), 1 when some were.
${CHECK}
  --max-errors <n>         errors listed per file (default 100; all are counted)
  --json                   the whole report as JSON`,

  stats: `Usage: ai-ft stats FILE [flags]

Statistics over the lines without errors: messages and tokens per example (p50, p95, max),
examples over the model's context cap, roles, tool use, duplicates, overlap with --validation.
${CHECK}
  --json                   the statistics as JSON`,

  estimate: `Usage: ai-ft estimate FILE --model <name> --prices <prices.json> [--epochs <n>]
       ai-ft estimate FILE --open-model --parameters <n> --gpus <n> --gpu-peak-tflops <x> --mfu <x>

A hosted job: the epochs (OpenAI's default rule unless --epochs), billed and charged tokens and the
price from the --prices file ({"currency": "USD", "models": {"<model>": {"trainingPerMillionTokens":
3}}}); prices are configuration, check they are current.
--open-model: FLOPs (6·N·D, 4·N·D with LoRA), hours and model-state memory per GPU.
  --epochs <n>             default: OpenAI's rule (hosted), 3 (open model)
  --lora                   open model: LoRA (needs --adapter-parameters)
  --zero-stage <0-3>       open model: full fine-tuning with ZeRO over the GPUs
  --price-per-gpu-hour <x> open model: adds the cost
${CHECK}
  --json                   the estimate as JSON`,

  convert: `Usage: ai-ft convert IN --from <format> --to <format> [--out OUT]

Streams the rows of IN from one format to another: openai, trl, sharegpt, alpaca. Nothing is lost
silently: a row the target cannot hold fails with its line and reason (exit 1, no output file).
  --out <file>             default: stdout`,

  split: `Usage: ai-ft split IN --validation-fraction <x> --train OUT1 --validation OUT2 [--seed <s>]

Each row's side comes from a hash of the seed and its content: the same input always gives the
same split, and duplicates never straddle it.`,

  dedupe: `Usage: ai-ft dedupe IN --out OUT [--json]

Keeps the first of each row (key order, spacing and Unicode form aside) and lists the dropped
lines with the line they repeat.`,

  export: `Usage: ai-ft export IN --format <llama-factory|trl> --method <sft|dpo> --model <name>
       --parameters <n> --gpus <n> --gpu-memory-gib <x> --out DIR [flags]

Writes the dataset, dataset_info.json and train_<method>.yaml (LLaMA-Factory) or a TRL script,
the DeepSpeed config and a README.txt with the memory plan.
  --from <format>          the rows of IN: openai (default), trl, sharegpt, alpaca
  --template <name>        LLaMA-Factory's chat template (qwen, llama3, …)
  --lora | --no-lora       force LoRA or full fine-tuning (default: full when it fits)
  --lora-rank <n>          default 8
  --dataset-name <name>    default <method>_data
  --json                   the bundle and plan as JSON`,

  submit: `Usage: ai-ft submit FILE --model <name> [flags]

Validates FILE (and --validation) here first: a file with errors is not uploaded (exit 1). Then
uploads the files and creates the job; prints its id, or follows it with --follow.
  --validation <file>      a validation file, uploaded with the training file
  --method <sft|dpo>       default: the provider's (supervised)
  --epochs <n>             default: the provider's
  --suffix <text>          part of the fine-tuned model's name
  --seed <n>
  --idempotency-key <key>  the same key returns the same job instead of a second one
  --follow                 follow the job to its end (exit 0 succeeded, 1 failed or cancelled)
  --poll-ms <n>            first wait between polls (default 2000; doubles while nothing changes)
${BACKEND}`,

  follow: `Usage: ai-ft follow JOB_ID [flags]

Prints each status change and event until the job ends: exit 0 when it succeeded, 1 when it
failed or was cancelled. Ctrl-C stops following (exit 130); the job goes on.
  --poll-ms <n>            first wait between polls (default 2000; doubles while nothing changes)
${BACKEND}`,

  list: `Usage: ai-ft list [--limit <n>] [flags]

Recent jobs, newest first: id, status (and the provider's own word), model, fine-tuned model.
${BACKEND}`,

  cancel: `Usage: ai-ft cancel JOB_ID [flags]

Asks the provider to cancel the job and prints its status.
${BACKEND}`,
};
