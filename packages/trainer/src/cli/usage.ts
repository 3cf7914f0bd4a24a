// The help text of `ai-train` and of each verb (`ai-train <verb> --help`).
const TRAINING_FLAGS = `  --steps <n>              optimizer steps
  --batch-size <n>         sequences (or preference pairs) per step
  --lr <x>                 peak learning rate (warmup, then cosine decay)
  --warmup-steps <n>       default: a tenth of the steps
  --optimizer <name>       sgd, momentum, adam, adamw (default), lion or lomo
  --seed <n>               the same seed and data give the same run (default 1)
  --eval-every <n>         validation loss every n steps (default: ten times a run)
  --peak-gflops <x>        this CPU's peak (e.g. from npm run bench -- trainer): report MFU
  --checkpoint-every <n>   resumable checkpoint every n steps (default: only at the end)
  --json                   print every event as one JSON line (for scripts)`;

const AFTER = `Ctrl-C stops after the current step with a checkpoint; \`ai-train resume RUN_DIR\` continues.`;

export const USAGE: Record<string, string> = {
  main: `Usage: ai-train <command> [flags]     (ai-train <command> --help for its flags)

Train a tiny character-level GPT on this machine (CPU, WebAssembly).
  pretrain     a new model on text files
  sft          fine-tune a model on chat JSONL (OpenAI's fine-tuning format)
  reward       a reward model on preference pairs
  dpo          align a model on preference pairs (Direct Preference Optimization)
  resume       continue a stopped run
  sample       chat with a checkpoint (streams the answer)
  params       parameters, FLOPs, Chinchilla tokens and memory for a model shape
  experiment   run a ready-made experiment: optimizers, scaling, sft or dpo

Exit codes: 0 done, 1 the run failed, 2 bad flags or data, 130 stopped with Ctrl-C.`,

  pretrain: `Usage: ai-train pretrain --data <file.txt> [--data <file.txt>…] --out <RUN_DIR> [flags]

Pretrains a new model on UTF-8 text (English, Chinese, anything: characters are the tokens).
  --data <file>            text to train on (repeatable)
  --out <dir>              the run folder (must not hold a run already)
  --layers <n>             transformer blocks (default 2)
  --d-model <n>            width (default 64)
  --heads <n>              attention heads, dividing --d-model (default 4)
  --context <n>            tokens per sequence (default 128)
  --vocabulary-from <file> more files whose characters get tokens (repeatable): the data you will
                           fine-tune on later
${TRAINING_FLAGS}
Default steps 1000, batch size 16, learning rate 3e-3.
${AFTER}`,

  sft: `Usage: ai-train sft --data <chat.jsonl> --out <RUN_DIR> [--base <CHECKPOINT>] [flags]

Supervised fine-tuning: the loss counts only the assistant's answers (a message with "weight": 0
is not trained on).
  --base <dir>             the checkpoint to start from (default: the shipped base model)
  --data <file>            chat JSONL, one {"messages": [...]} per line
  --out <dir>              the run folder
${TRAINING_FLAGS}
Default steps 200, batch size 16, learning rate 1e-3.
${AFTER}`,

  reward: `Usage: ai-train reward --data <prefs.jsonl> --out <RUN_DIR> [--base <CHECKPOINT>] [flags]

Trains a reward model (Bradley–Terry: the chosen answer should score above the rejected one).
  --base <dir>             the checkpoint to start from (default: the shipped base model)
  --data <file>            preference JSONL: {"input": {"messages": [...]},
                           "preferred_output": [...], "non_preferred_output": [...]} per line
  --out <dir>              the run folder
${TRAINING_FLAGS}
Default steps 150, batch size 8, learning rate 1e-3.
${AFTER}`,

  dpo: `Usage: ai-train dpo --data <prefs.jsonl> --out <RUN_DIR> [--base <CHECKPOINT>] [flags]

Direct Preference Optimization against a frozen copy of the base model.
  --base <dir>             the checkpoint to start from, usually an SFT model
                           (default: the shipped base model)
  --data <file>            preference JSONL (as for reward)
  --out <dir>              the run folder
  --beta <x>               how far the policy may move from the reference (default 0.1)
  --sft-mix <x>            add this times the SFT loss on the chosen answers (default 0)
${TRAINING_FLAGS}
Default steps 150, batch size 8, learning rate 5e-5.
${AFTER}`,

  resume: `Usage: ai-train resume <RUN_DIR> [--json]

Continues a stopped run from its last checkpoint, with the settings in RUN_DIR/run.json.`,

  sample: `Usage: ai-train sample <CHECKPOINT_DIR | RUN_DIR> "<prompt>" [flags]

Answers the prompt as the assistant, streaming the text (a run folder means its final/ model).
  --system <text>          a system message first
  --temperature <x>        0 = always the most likely token (default 0.8)
  --top-k <n>              keep only the k most likely tokens
  --top-p <x>              nucleus sampling (default 1)
  --max-tokens <n>         default 64
  --seed <n>               default 1: the same seed gives the same answer`,

  params: `Usage: ai-train params --layers <L> --d-model <d> [--vocab <V>] [--context <T>] [--tokens <D>]

The arithmetic of a GPT-2-shaped model (from @repo/training-math): exact parameters against
12·L·d², training FLOPs (6·N·D), Chinchilla-optimal tokens and the memory of training it.
  --vocab <n>              vocabulary (default 50257, GPT-2's)
  --context <n>            positions (default 1024)
  --tokens <n>             training tokens (default: Chinchilla-optimal, 20 per parameter)`,

  experiment: `Usage: ai-train experiment <optimizers|scaling|sft|dpo> [--out <DIR>] [--quick]

Runs one of the workshop's experiments and writes its SVG charts, data and summary.md.
  optimizers   the six optimizers on the same model and data: loss per step, state memory
  scaling      loss against model size at the same tokens, with a fitted power law
  sft          the base model before and after SFT, answering held-out prompts
  dpo          DPO from an SFT model at a low and a too-high learning rate
  --out <dir>              where to write (default: experiments/<name>)
  --quick                  tiny models and a few steps: seconds, figures mean little
  --base <dir>             sft and dpo: the checkpoint to start from (default: the shipped base
                           model)`,
};
