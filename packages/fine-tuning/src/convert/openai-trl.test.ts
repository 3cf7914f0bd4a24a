import { InvalidInputError } from '@repo/core';
import { describe, expect, it } from 'vitest';
import {
  CHOSEN,
  FEEDBACK_EXPORTS,
  REJECTED,
  SYSTEM,
  USER,
} from './__fixtures__/feedback-exports.js';
import { collect, DPO_ROW, SFT_ROW, TOOL_ROW } from './__fixtures__/rows.js';
import { convertLine, convertLines, readRow, writeRow } from './convert-rows.js';

describe('OpenAI ⇄ TRL', () => {
  it('round-trips OpenAI SFT through TRL byte for byte (Chinese, system message, tools)', async () => {
    const lines = [JSON.stringify(SFT_ROW), JSON.stringify(TOOL_ROW)];
    const trl = await collect(convertLines(lines, { from: 'openai', to: 'trl' }));
    expect(trl.map((line) => JSON.parse(line))).toEqual([
      { messages: SFT_ROW.messages },
      { messages: TOOL_ROW.messages, tools: TOOL_ROW.tools },
    ]);
    expect(await collect(convertLines(trl, { from: 'trl', to: 'openai' }))).toEqual(lines);
  });

  it('writes OpenAI DPO as a TRL preference row with an explicit prompt, and back', () => {
    const trl = convertLine(JSON.stringify(DPO_ROW), { from: 'openai', to: 'trl' });
    expect(JSON.parse(trl)).toEqual({
      prompt: DPO_ROW.input.messages,
      chosen: DPO_ROW.preferred_output,
      rejected: DPO_ROW.non_preferred_output,
    });
    expect(convertLine(trl, { from: 'trl', to: 'openai' })).toBe(JSON.stringify(DPO_ROW));
  });

  it("reads every @repo/feedback export: they are OpenAI's and TRL's rows", () => {
    const pair = { kind: 'preference', prompt: [SYSTEM, USER], chosen: CHOSEN, rejected: REJECTED };
    expect(readRow('openai', JSON.parse(FEEDBACK_EXPORTS['dpo-openai']))).toEqual(pair);
    expect(readRow('trl', JSON.parse(FEEDBACK_EXPORTS['dpo-trl']))).toEqual(pair);
    expect(readRow('trl', JSON.parse(FEEDBACK_EXPORTS['rm-pairs']))).toEqual(pair);
    expect(readRow('trl', JSON.parse(FEEDBACK_EXPORTS.kto))).toEqual({
      kind: 'binary',
      prompt: [SYSTEM, USER],
      completion: REJECTED,
      label: false,
    });
    const sft = readRow('openai', JSON.parse(FEEDBACK_EXPORTS['sft-openai']));
    expect(sft.kind === 'conversation' && sft.messages.map((m) => m.role)).toEqual([
      'system',
      'user',
      'assistant',
    ]);
    // The same vote written as TRL (explicit or implicit prompt) converts to feedback's own OpenAI line.
    for (const format of ['dpo-trl', 'rm-pairs'] as const)
      expect(convertLine(FEEDBACK_EXPORTS[format], { from: 'trl', to: 'openai' })).toBe(
        FEEDBACK_EXPORTS['dpo-openai'],
      );
  });

  it('reads TRL prompt-completion as one conversation and drops reward-pair scores', () => {
    const row = { prompt: [USER], completion: [CHOSEN] };
    expect(readRow('trl', row)).toEqual({ kind: 'conversation', messages: [USER, CHOSEN] });
    const scored = {
      ...JSON.parse(FEEDBACK_EXPORTS['dpo-trl']),
      score_chosen: 4.5,
      score_rejected: 2,
    };
    expect(readRow('trl', scored)).toMatchObject({ kind: 'preference', chosen: CHOSEN });
  });

  it('refuses what cannot be represented, naming the line and the reason', async () => {
    const kto = FEEDBACK_EXPORTS.kto;
    const error = await collect(convertLines(['', kto], { from: 'trl', to: 'openai' })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).details).toEqual([
      {
        field: 'line 2: label',
        reason:
          'cannot be represented in OpenAI fine-tuning files (no unpaired preference format); write TRL or LLaMA-Factory KTO',
      },
    ]);
    expect(() => readRow('trl', { prompt: '天空是', completion: '蓝色的。' }, { line: 7 })).toThrow(
      'Line 7: prompt is standard (plain-text) TRL; only conversational rows have roles to convert',
    );
    expect(() =>
      readRow('openai', { ...SFT_ROW, parallel_tool_calls: false }, { line: 3 }),
    ).toThrow(/^Line 3: row.parallel_tool_calls is not a key this format has/);
    expect(() => convertLine('{"messages": [', { from: 'openai', to: 'trl', line: 9 })).toThrow(
      /^Line 9: row is not valid JSON/,
    );
    expect(() =>
      writeRow('openai', { kind: 'binary', prompt: [USER], completion: CHOSEN, label: true }),
    ).toThrow(/^label cannot/);
  });

  it('refuses an implicit-prompt pair whose sides do not share the prompt', () => {
    const pair = {
      chosen: [USER, CHOSEN],
      rejected: [{ role: 'user', content: '别的问题' }, REJECTED],
    };
    expect(() => readRow('trl', pair, { line: 4 })).toThrow(
      'Line 4: rejected must repeat the chosen conversation up to its last message (implicit prompt)',
    );
  });
});
