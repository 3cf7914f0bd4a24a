#!/usr/bin/env python3
"""The peer of `npm run bench -- fine-tuning` (bench/fine-tuning.bench.mjs runs it, one process per
file, and reads the one JSON line it prints).

  python3 bench/fine_tuning_cookbook.py '{"path": "/tmp/…/sft-100mb.jsonl"}'

OpenAI cookbook's examples/Chat_finetuning_data_prep.ipynb written out as a script, cell by cell:
load the whole JSONL into a list, the format-error checks (data_type, missing_messages_list,
message_missing_key, message_unrecognized_key, unrecognized_role, missing_content,
example_missing_assistant_message), the warnings and token counts with tiktoken's cl100k_base
(3 tokens per message, 1 more for a name, 3 per conversation), the numpy distributions and the
pricing cell. Prints go to a list instead of stdout.

One change, so that it finishes: the notebook expects a file that passed its format checks, and its
token cell raises TypeError on a tool-call row (`encoding.encode` of a `tool_calls` list or of a
null `content`). Rows with a format error are left out of the token cell here (`skippedForTokens`),
which is what a user of the notebook does after reading its error counts.

tiktoken reads cl100k_base from TIKTOKEN_CACHE_DIR (the bench writes it there: no network).
"""
import json
import resource
import sys
import time
from collections import defaultdict


def run(data_path):
    # The notebook's first cell imports these; the clock starts after it, as ours starts after
    # importing @repo/fine-tuning (both clocks include loading the cl100k_base table).
    import numpy as np
    import tiktoken  # for token counting

    started = time.perf_counter()
    out = []  # the notebook's print() lines

    # ## Data loading
    with open(data_path, "r", encoding="utf-8") as f:
        dataset = [json.loads(line) for line in f]
    loaded = time.perf_counter()

    # ## Format validation
    format_errors = defaultdict(int)
    failed = set()  # (added) indices of rows with a format error, left out of the token cell

    for index, ex in enumerate(dataset):
        before = sum(format_errors.values())
        if not isinstance(ex, dict):
            format_errors["data_type"] += 1
            failed.add(index)
            continue

        messages = ex.get("messages", None)
        if not messages:
            format_errors["missing_messages_list"] += 1
            failed.add(index)
            continue

        for message in messages:
            if "role" not in message or "content" not in message:
                format_errors["message_missing_key"] += 1

            if any(
                k not in ("role", "content", "name", "function_call", "weight") for k in message
            ):
                format_errors["message_unrecognized_key"] += 1

            if message.get("role", None) not in ("system", "user", "assistant", "function"):
                format_errors["unrecognized_role"] += 1

            content = message.get("content", None)
            function_call = message.get("function_call", None)

            if (not content and not function_call) or not isinstance(content, str):
                format_errors["missing_content"] += 1

        if not any(message.get("role", None) == "assistant" for message in messages):
            format_errors["example_missing_assistant_message"] += 1
        if sum(format_errors.values()) > before:
            failed.add(index)

    if format_errors:
        out.append("Found errors:")
        for k, v in format_errors.items():
            out.append(f"{k}: {v}")
    else:
        out.append("No errors found")
    checked = time.perf_counter()

    # ## Token Counting Utilities
    encoding = tiktoken.get_encoding("cl100k_base")

    # not exact!
    # simplified from https://github.com/openai/openai-cookbook/blob/main/examples/How_to_count_tokens_with_tiktoken.ipynb
    def num_tokens_from_messages(messages, tokens_per_message=3, tokens_per_name=1):
        num_tokens = 0
        for message in messages:
            num_tokens += tokens_per_message
            for key, value in message.items():
                num_tokens += len(encoding.encode(value))
                if key == "name":
                    num_tokens += tokens_per_name
        num_tokens += 3
        return num_tokens

    def num_assistant_tokens_from_messages(messages):
        num_tokens = 0
        for message in messages:
            if message["role"] == "assistant":
                num_tokens += len(encoding.encode(message["content"]))
        return num_tokens

    def print_distribution(values, name):
        out.append(f"\n#### Distribution of {name}:")
        out.append(f"min / max: {min(values)}, {max(values)}")
        out.append(f"mean / median: {np.mean(values)}, {np.median(values)}")
        out.append(f"p5 / p95: {np.quantile(values, 0.1)}, {np.quantile(values, 0.9)}")

    # ## Data Warnings and Token Counts
    n_missing_system = 0
    n_missing_user = 0
    n_messages = []
    convo_lens = []
    assistant_message_lens = []

    for index, ex in enumerate(dataset):
        if index in failed:  # (added) see the module docstring
            continue
        messages = ex["messages"]
        if not any(message["role"] == "system" for message in messages):
            n_missing_system += 1
        if not any(message["role"] == "user" for message in messages):
            n_missing_user += 1
        n_messages.append(len(messages))
        convo_lens.append(num_tokens_from_messages(messages))
        assistant_message_lens.append(num_assistant_tokens_from_messages(messages))

    out.append(f"Num examples missing system message: {n_missing_system}")
    out.append(f"Num examples missing user message: {n_missing_user}")
    print_distribution(n_messages, "num_messages_per_example")
    print_distribution(convo_lens, "num_total_tokens_per_example")
    print_distribution(assistant_message_lens, "num_assistant_tokens_per_example")
    n_too_long = sum(l > 4096 for l in convo_lens)
    out.append(
        f"\n{n_too_long} examples may be over the 4096 token limit, they will be truncated during fine-tuning"
    )

    # ## Cost Estimation
    MAX_TOKENS_PER_EXAMPLE = 4096

    TARGET_EPOCHS = 3
    MIN_TARGET_EXAMPLES = 100
    MAX_TARGET_EXAMPLES = 25000
    MIN_DEFAULT_EPOCHS = 1
    MAX_DEFAULT_EPOCHS = 25

    n_epochs = TARGET_EPOCHS
    n_train_examples = len(dataset)
    if n_train_examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES:
        n_epochs = min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES // n_train_examples)
    elif n_train_examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES:
        n_epochs = max(MIN_DEFAULT_EPOCHS, MAX_TARGET_EXAMPLES // n_train_examples)

    n_billing_tokens_in_dataset = sum(min(MAX_TOKENS_PER_EXAMPLE, length) for length in convo_lens)
    out.append(
        f"Dataset has ~{n_billing_tokens_in_dataset} tokens that will be charged for during training"
    )
    out.append(f"By default, you'll train for {n_epochs} epochs on this dataset")
    out.append(f"By default, you'll be charged for ~{n_epochs * n_billing_tokens_in_dataset} tokens")
    finished = time.perf_counter()

    return {
        "lines": len(dataset),
        "seconds": finished - started,
        "loadSeconds": loaded - started,
        "checkSeconds": checked - loaded,
        "tokenSeconds": finished - checked,
        "formatErrors": dict(format_errors),
        "skippedForTokens": len(failed),
        "tokens": int(sum(convo_lens)),
        "assistantTokens": int(sum(assistant_message_lens)),
        "missingSystem": n_missing_system,
        "missingUser": n_missing_user,
        "tiktoken": tiktoken.__version__,
        "python": sys.version.split()[0],
        "printed": len(out),
    }


if __name__ == "__main__":
    options = json.loads(sys.argv[1])
    result = run(options["path"])
    # ru_maxrss is in KiB on Linux: this process's high-water mark, the loaded dataset included.
    result["peakRssMiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
