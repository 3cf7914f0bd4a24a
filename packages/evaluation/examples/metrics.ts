// The deterministic metrics, with their references' conventions: SQuAD exact match and token F1
// (Chinese counted per character), ROUGE-L, sentence BLEU, edit distance, and a pairwise judge that
// keeps a verdict only when both answer orders agree.
import { createProvider } from '@repo/providers';
import {
  bleu,
  createPairwiseJudge,
  exactMatch,
  levenshtein,
  rougeL,
  tokenF1,
} from '@repo/evaluation';

const round = (value: number) => Math.round(value * 1000) / 1000;

export async function main() {
  const pairwise = createPairwiseJudge({ model: createProvider('local').chat() });
  const verdict = await pairwise.compare({
    question: 'What is the capital of France?',
    a: 'Paris is the capital of France.',
    b: 'France is a country in Europe.',
    reference: 'The capital of France is Paris.',
  });
  return {
    exactMatch: exactMatch('The Eiffel Tower!', ['Eiffel Tower', 'Tour Eiffel']),
    f1: round(tokenF1('in Paris, France', 'Paris')),
    f1Chinese: round(tokenF1('首都北京', '北京是首都')),
    rougeL: round(rougeL('the cat sat on the mat', 'the cat is on the mat').f),
    bleu: round(bleu('the cat sat on the mat', 'the cat sat on a mat')),
    levenshtein: levenshtein('kitten', 'sitting'),
    pairwise: { winner: verdict.winner, method: verdict.method },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await main());
