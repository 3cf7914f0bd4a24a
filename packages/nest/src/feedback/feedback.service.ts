// Records an end user's thumbs, rating or correction on an answer: the target is found (and
// written, if the advisor still holds it) first, so an unknown id is a 404 naming `responseId`;
// then the store's idempotent append (same id and body: a retry; same id, other body: 409).
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Annotator, FeedbackInput } from '@repo/feedback';
import type { RecordCorrectionDto } from './dto/record-correction.dto.js';
import type { RecordRatingDto } from './dto/record-rating.dto.js';
import type { RecordThumbsDto } from './dto/record-thumbs.dto.js';
import { FEEDBACK_MODULE_OPTIONS } from './feedback-module-definition.js';
import type { FeedbackModuleOptions } from './feedback-module-options.js';
import { FeedbackStoreService } from './feedback-store.service.js';
import { FeedbackTargetsService } from './feedback-targets.service.js';
import {
  toFeedbackView,
  toTargetView,
  type RecordedFeedbackView,
  type ResponseFeedbackView,
} from './feedback-views.js';

type Common = Pick<
  RecordThumbsDto,
  | 'id'
  | 'responseId'
  | 'annotator'
  | 'annotatorKind'
  | 'comment'
  | 'campaignId'
  | 'taskId'
  | 'timeSpentMs'
>;
type Targeted = Extract<FeedbackInput, { kind: 'thumbs' | 'rating' | 'correction' }>;
/** What only one kind has (`value`, `scores`, `text`): the rest is common to the three. */
type KindFields<I = Targeted> = I extends Targeted
  ? Omit<I, 'id' | 'annotator' | 'targetId' | 'comment'>
  : never;

@Injectable()
export class FeedbackService {
  constructor(
    @Inject(FeedbackStoreService) private readonly stores: FeedbackStoreService,
    @Inject(FeedbackTargetsService) private readonly targets: FeedbackTargetsService,
    @Inject(FEEDBACK_MODULE_OPTIONS) private readonly options: FeedbackModuleOptions,
  ) {}

  thumbs({ value, reasons, ...common }: RecordThumbsDto): Promise<RecordedFeedbackView> {
    return this.record(common, { kind: 'thumbs', value, ...(reasons ? { reasons } : {}) });
  }

  rating({ scale, scores, ...common }: RecordRatingDto): Promise<RecordedFeedbackView> {
    return this.record(common, { kind: 'rating', scale: scale as 5 | 7, scores });
  }

  correction({ text, ...common }: RecordCorrectionDto): Promise<RecordedFeedbackView> {
    return this.record(common, { kind: 'correction', text });
  }

  async response(responseId: string): Promise<ResponseFeedbackView> {
    const target = await this.targets.resolve(responseId);
    const store = await this.stores.store();
    const feedback: ResponseFeedbackView['feedback'] = [];
    for await (const row of store.streamFeedback({ responseId, limit: 1000 }))
      feedback.push(toFeedbackView(row));
    return { target: toTargetView(target), feedback };
  }

  private async record(common: Common, fields: KindFields): Promise<RecordedFeedbackView> {
    const { id, responseId, annotator, annotatorKind, comment, ...provenance } = common;
    await this.targets.resolve(responseId);
    const input: FeedbackInput = {
      ...fields,
      // Without a client id a retry cannot be recognised: it is stored again (documented).
      id: id ?? randomUUID(),
      targetId: responseId,
      annotator: {
        ...this.annotator(annotator),
        ...(annotatorKind ? { kind: annotatorKind } : {}),
      },
      ...(comment === undefined ? {} : { comment }),
      ...definedOnly(provenance),
    };
    const store = await this.stores.store();
    const { feedback, created } = await store.recordFeedback(input);
    return { feedback: toFeedbackView(feedback), created };
  }

  private annotator(id: string | undefined): Annotator {
    return { id: id ?? this.options.defaultAnnotator ?? 'anonymous', kind: 'end_user' };
  }
}

/** The optional fields that were sent (the store tells an absent field from an undefined one). */
function definedOnly<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== undefined),
  ) as Partial<T>;
}
