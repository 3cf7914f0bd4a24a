// Statistics gathered in the validation pass, over the rows that passed validation (the rows a
// job would train on): sizes, token distributions, billing tokens at the model's cap, role and
// tool use, duplicates, line endings.
import type { DatasetFormat } from '../formats.js';
import { Distribution, type Summary } from './distribution.js';
import type { ExampleSummary } from './examine-line.js';
import type { EncodingName } from './model-limits.js';

export interface DatasetStats {
  format: DatasetFormat | undefined;
  encoding: EncodingName;
  /** The per-example cap used for `overContext` and `billingTokens`. */
  contextTokens: number;
  lines: number;
  /** Lines without any error (a BOM or bad byte included): what would be trained on. */
  examples: number;
  invalidExamples: number;
  messagesPerExample: Summary;
  tokensPerExample: Summary;
  assistantTokensPerExample: Summary;
  /** Σ min(contextTokens, tokens) over examples: what one epoch bills. */
  billingTokens: number;
  overContext: number;
  roles: Record<string, number>;
  toolCalls: number;
  examplesWithTools: number;
  missingSystem: number;
  missingUser: number;
  duplicates: number;
  lineEndings: { lf: number; crlf: number };
}

export class StatsCollector {
  lines = 0;
  invalidExamples = 0;
  duplicates = 0;
  missingSystem = 0;
  missingUser = 0;
  readonly lineEndings = { lf: 0, crlf: 0 };
  private readonly messages = new Distribution();
  private readonly tokens = new Distribution();
  private readonly assistant = new Distribution();
  private readonly roles: Record<string, number> = {};
  private billingTokens = 0;
  private overContext = 0;
  private toolCalls = 0;
  private examplesWithTools = 0;

  constructor(
    private readonly encoding: EncodingName,
    private readonly contextTokens: number,
  ) {}

  addExample(example: ExampleSummary): void {
    const { tokens } = example;
    this.messages.add(example.messages);
    this.tokens.add(tokens.total);
    this.assistant.add(tokens.assistant);
    this.billingTokens += Math.min(this.contextTokens, tokens.total);
    if (tokens.longest > this.contextTokens) this.overContext += 1;
    for (const role of example.roles) this.roles[role] = (this.roles[role] ?? 0) + 1;
    this.toolCalls += example.toolCalls;
    if (example.toolCalls > 0 || example.hasTools) this.examplesWithTools += 1;
    if (example.missingSystem) this.missingSystem += 1;
    if (example.missingUser) this.missingUser += 1;
  }

  finish(format: DatasetFormat | undefined): DatasetStats {
    const tokens = this.tokens.summary();
    return {
      format,
      encoding: this.encoding,
      contextTokens: this.contextTokens,
      lines: this.lines,
      examples: tokens.count,
      invalidExamples: this.invalidExamples,
      messagesPerExample: this.messages.summary(),
      tokensPerExample: tokens,
      assistantTokensPerExample: this.assistant.summary(),
      billingTokens: this.billingTokens,
      overContext: this.overContext,
      roles: { ...this.roles },
      toolCalls: this.toolCalls,
      examplesWithTools: this.examplesWithTools,
      missingSystem: this.missingSystem,
      missingUser: this.missingUser,
      duplicates: this.duplicates,
      lineEndings: { ...this.lineEndings },
    };
  }
}
