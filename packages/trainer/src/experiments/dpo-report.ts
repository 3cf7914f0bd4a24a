// What the DPO experiment writes: the margin and accuracy charts, the answers side by side, and
// the summary: the measured figures of both runs and what the answers did, in sentences chosen by
// the numbers (a run that did not degenerate is reported as such).
import { fixed, markdownTable, percent, writeChart, writeSummary } from './experiment.js';
import type { DpoData } from './dpo.js';
import { stepSeries } from './run-training.js';
import { writeSamples } from './samples.js';

export async function writeDpoReport(
  outDir: string,
  data: DpoData,
): Promise<{ charts: string[]; summary: string }> {
  const { runs } = data;
  const perRate = (metric: string, suffix = '') =>
    runs.map((run) => ({
      name: `lr ${run.learningRate}${suffix}`,
      points: stepSeries(run.steps, metric),
    }));
  const note = `β ${data.beta}, batch ${data.batchSize} pairs, ${data.steps} steps from the SFT model, same seed`;
  const charts = [
    await writeChart(outDir, 'dpo.svg', {
      title: 'DPO: implicit reward margin per step',
      xLabel: 'step',
      yLabel: 'margin β·Δlog-ratio (chosen − rejected)',
      series: perRate('margin'),
      notes: [note],
    }),
    await writeChart(outDir, 'dpo-accuracy.svg', {
      title: 'DPO: reward accuracy (chosen scored above rejected)',
      xLabel: 'step',
      yLabel: 'accuracy',
      series: [
        ...perRate('accuracy', ', batch'),
        ...perRate('validation.accuracy', ', validation'),
      ],
      notes: [note],
    }),
  ];
  await writeSamples(outDir, data.samples, {
    title: 'DPO at a low and a too-high learning rate: the same held-out prompts',
    intro: [`Starting point: ${data.sft}. ${note}.`],
    models: ['SFT model', ...runs.map((r) => `DPO, lr ${r.learningRate}`)],
    rows: data.samples.map((s) => ({ prompt: s.prompt, answers: [s.sft, s.low, s.high] })),
  });
  const summary = dpoSummary(data);
  await writeSummary(outDir, summary);
  return { charts, summary };
}

function dpoSummary(data: DpoData): string {
  const [low, high] = data.runs;
  const lines = [
    '# DPO',
    '',
    `From ${data.ranSft ? 'an SFT checkpoint this experiment fine-tuned first' : 'the SFT checkpoint given'}` +
      ` (also the frozen reference): ${data.steps} steps on data/preferences.jsonl, batch ${data.batchSize} pairs, ` +
      `β ${data.beta}, AdamW without weight decay, the same seed at both learning rates.`,
    '',
    markdownTable(
      [
        'learning rate',
        'validation accuracy',
        'validation margin',
        'implicit reward chosen / rejected',
        'answers: repeated trigrams',
        'mean length',
        '"Sure." / "好的。" style',
        'shouting (!!!)',
        'seconds',
      ],
      [
        [
          'SFT model (start)',
          'n/a',
          'n/a',
          'n/a',
          percent(data.sftTraits.repetition),
          data.sftTraits.length.toFixed(0),
          percent(data.sftTraits.trainedStyle),
          percent(data.sftTraits.shouting),
          '',
        ],
        ...data.runs.map((r) => [
          r.learningRate,
          fixed(r.final.validationAccuracy, 2),
          fixed(r.final.validationMargin),
          `${fixed(r.final.validationChosen)} / ${fixed(r.final.validationRejected)}`,
          percent(r.traits.repetition),
          r.traits.length.toFixed(0),
          percent(r.traits.trainedStyle),
          percent(r.traits.shouting),
          r.seconds.toFixed(1),
        ]),
      ],
    ),
    '',
  ];
  if (low && high) {
    const chosen = high.final.validationChosen;
    lines.push(
      `At ${high.learningRate} the validation margin reached ${fixed(high.final.validationMargin)} against ` +
        `${fixed(low.final.validationMargin)} at ${low.learningRate}; accuracy ` +
        `${fixed(high.final.validationAccuracy, 2)} against ${fixed(low.final.validationAccuracy, 2)}.`,
    );
    if (chosen !== undefined)
      lines.push(
        chosen < 0
          ? `At the high rate the chosen answers' implicit reward is negative (${fixed(chosen)}): the model ` +
              'made even the preferred answers less likely than the SFT model did, and won the margin by ' +
              'pushing the rejected ones down further (over-optimisation of the DPO objective).'
          : `At the high rate the chosen answers' implicit reward stayed positive (${fixed(chosen)}).`,
      );
    const more = high.traits.repetition - low.traits.repetition;
    lines.push(
      more > 0.05
        ? `Its answers repeat themselves more: ${percent(high.traits.repetition)} repeated trigrams against ` +
            `${percent(low.traits.repetition)} at the low rate (see samples.html).`
        : `In this run its answers did not repeat themselves more than the low rate's ` +
            `(${percent(high.traits.repetition)} against ${percent(low.traits.repetition)} repeated trigrams; see samples.html).`,
    );
  }
  lines.push('', 'Charts: dpo.svg (margin per step), dpo-accuracy.svg (accuracy per step).', '');
  return lines.join('\n');
}
