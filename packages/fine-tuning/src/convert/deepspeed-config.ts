// The DeepSpeed ZeRO configs a bundle ships, as LLaMA-Factory's examples/deepspeed/ds_z*_config.json
// and the Hugging Face Trainer take them: "auto" lets the trainer fill batch sizes, clipping and
// precision from its own arguments, so the config only says how model states are sharded.
import type { ZeroStage } from '@repo/training-math';

export function deepspeedFileName(stage: ZeroStage): string {
  return `ds_z${stage}_config.json`;
}

export function deepspeedConfig(stage: ZeroStage): Record<string, unknown> {
  const zero: Record<string, unknown> =
    stage === 3
      ? {
          stage: 3,
          overlap_comm: false,
          contiguous_gradients: true,
          sub_group_size: 1e9,
          reduce_bucket_size: 'auto',
          stage3_prefetch_bucket_size: 'auto',
          stage3_param_persistence_threshold: 'auto',
          stage3_max_live_parameters: 1e9,
          stage3_max_reuse_distance: 1e9,
          stage3_gather_16bit_weights_on_model_save: true,
        }
      : stage === 0
        ? { stage: 0 }
        : {
            stage,
            allgather_partitions: true,
            allgather_bucket_size: 5e8,
            overlap_comm: false,
            reduce_scatter: true,
            reduce_bucket_size: 5e8,
            contiguous_gradients: true,
            round_robin_gradients: true,
          };
  return {
    train_batch_size: 'auto',
    train_micro_batch_size_per_gpu: 'auto',
    gradient_accumulation_steps: 'auto',
    gradient_clipping: 'auto',
    zero_allow_untested_optimizer: true,
    fp16: {
      enabled: 'auto',
      loss_scale: 0,
      loss_scale_window: 1000,
      initial_scale_power: 16,
      hysteresis: 2,
      min_loss_scale: 1,
    },
    bf16: { enabled: 'auto' },
    zero_optimization: zero,
  };
}
