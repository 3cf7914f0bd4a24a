#!/usr/bin/env python3
"""The Python side of `npm run bench -- trainer` (bench/trainer.bench.mjs runs it; each call is its
own process and prints one JSON line).

  python3 bench/trainer_torch.py peak '{"size": 1024, "repeats": 10}'
      This CPU's float32 matmul peak through numpy's native BLAS: the best of `repeats` size×size
      matmuls. The bench sets OMP/OPENBLAS/MKL_NUM_THREADS=1 for a one-core figure.
  python3 bench/trainer_torch.py train '{"layers": 2, "dModel": 64, "heads": 4, "context": 128,
                                         "vocabSize": 2000, "batch": 16, "steps": 20,
                                         "warmup": 3, "threads": 1}'
      The peer: @repo/trainer's tiny GPT (GPT-2's layout, as packages/trainer/src/model/tf-gpt.ts
      writes it) in PyTorch on the CPU, trained the way train.ts does a step (forward, backward,
      clip the global norm to 1, AdamW with weight decay 0.01). Steps warmup..steps-2 are timed,
      the window the bench times ours over. Random token ids: the speed does not depend on the
      text.
"""
import json
import resource
import sys
import time


def peak(options):
    import numpy as np

    n = options.get("size", 1024)
    rng = np.random.default_rng(1)
    a = rng.standard_normal((n, n), dtype=np.float32)
    b = rng.standard_normal((n, n), dtype=np.float32)
    best = float("inf")
    for _ in range(options.get("repeats", 10) + 1):  # the first call warms BLAS up
        started = time.perf_counter()
        np.matmul(a, b)
        best = min(best, time.perf_counter() - started)
    return {"flops": 2 * n**3 / best, "bestMs": best * 1000, "size": n}


def train(options):
    import math

    import torch
    import torch.nn.functional as F
    from torch import nn

    torch.set_num_threads(options["threads"])
    torch.manual_seed(1)
    d, heads, layers, context = (options[k] for k in ("dModel", "heads", "layers", "context"))
    vocab, batch = options["vocabSize"], options["batch"]

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.ln1 = nn.LayerNorm(d, eps=1e-5)
            self.qkv = nn.Linear(d, 3 * d)  # the fused QKV [d, 3d] with its bias
            self.wo = nn.Linear(d, d)
            self.ln2 = nn.LayerNorm(d, eps=1e-5)
            self.fc = nn.Linear(d, 4 * d)
            self.proj = nn.Linear(4 * d, d)

        def forward(self, x, mask):
            B, T, _ = x.shape
            q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
            q, k, v = (t.view(B, T, heads, d // heads).transpose(1, 2) for t in (q, k, v))
            # Written out, as ours is (no fused scaled_dot_product_attention kernel).
            scores = (q @ k.transpose(-2, -1)) / math.sqrt(d // heads) + mask[:T, :T]
            merged = (scores.softmax(-1) @ v).transpose(1, 2).reshape(B, T, d)
            x = x + self.wo(merged)
            return x + self.proj(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))

    class Gpt(nn.Module):
        def __init__(self):
            super().__init__()
            self.wte = nn.Embedding(vocab, d)
            self.wpe = nn.Embedding(context, d)
            self.blocks = nn.ModuleList(Block() for _ in range(layers))
            self.lnf = nn.LayerNorm(d, eps=1e-5)
            self.register_buffer(
                "mask", torch.triu(torch.full((context, context), -1e9), diagonal=1)
            )

        def forward(self, ids):
            T = ids.shape[1]
            x = self.wte(ids) + self.wpe(torch.arange(T))
            for block in self.blocks:
                x = block(x, self.mask)
            return self.lnf(x) @ self.wte.weight.T  # the head tied to the token embedding

    model = Gpt()
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3, weight_decay=0.01)
    generator = torch.Generator().manual_seed(1)
    step_seconds = []
    for _ in range(options["steps"]):
        started = time.perf_counter()
        tokens = torch.randint(0, vocab, (batch, context + 1), generator=generator)
        logits = model(tokens[:, :-1])
        loss = F.cross_entropy(logits.reshape(-1, vocab), tokens[:, 1:].reshape(-1))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        loss.item()
        step_seconds.append(time.perf_counter() - started)
    timed = step_seconds[options["warmup"] : options["steps"] - 1]
    return {
        "parameters": sum(p.numel() for p in model.parameters()),
        "tokensPerSecond": len(timed) * batch * context / sum(timed),
        "stepMs": 1000 * sum(timed) / len(timed),
        "timedSteps": len(timed),
        "threads": torch.get_num_threads(),
        "torch": torch.__version__,
    }


if __name__ == "__main__":
    mode, options = sys.argv[1], json.loads(sys.argv[2] if len(sys.argv) > 2 else "{}")
    result = {"peak": peak, "train": train}[mode](options)
    # ru_maxrss is in KiB on Linux: this process's high-water mark, torch's libraries included.
    result["peakRssMiB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))
