// Training examples as JSONL lines in each format. Keys are written in a fixed order so that the
// same data always gives the same bytes (diffable exports, exact tests).
import type { ExampleFamily, ExportFormat, TrainingExample } from './export-types.js';
import { assistantTurn, toTrainingMessages } from './training-messages.js';

/** Which kind of example each format is made of. */
export const FAMILY_OF: Record<ExportFormat, ExampleFamily> = {
  'sft-openai': 'sft',
  'dpo-openai': 'pair',
  'dpo-trl': 'pair',
  'rm-pairs': 'pair',
  kto: 'unpaired',
};

export function formatLine(format: ExportFormat, example: TrainingExample): string {
  const prompt = toTrainingMessages(example.prompt);
  switch (example.type) {
    case 'sft':
      return JSON.stringify({ messages: [...prompt, assistantTurn(example.answer)] });
    case 'unpaired':
      return JSON.stringify({
        prompt,
        completion: [assistantTurn(example.completion)],
        label: example.label,
      });
    case 'pair': {
      const chosen = assistantTurn(example.chosen);
      const rejected = assistantTurn(example.rejected);
      const scores = example.scores && {
        score_chosen: example.scores[0],
        score_rejected: example.scores[1],
      };
      if (format === 'dpo-openai')
        // OpenAI rejects keys it does not know, so the scores stay in TRL's formats only.
        return JSON.stringify({
          input: { messages: prompt },
          preferred_output: [chosen],
          non_preferred_output: [rejected],
        });
      if (format === 'rm-pairs')
        // TRL's RewardTrainer recommends the implicit prompt: each side is the whole conversation.
        return JSON.stringify({
          chosen: [...prompt, chosen],
          rejected: [...prompt, rejected],
          ...scores,
        });
      return JSON.stringify({ prompt, chosen: [chosen], rejected: [rejected], ...scores });
    }
  }
}
