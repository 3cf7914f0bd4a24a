// What every feature module shares: the database and its stores, access rules, candidate models
// and the background generation (one instance each).
import { Global, Module } from '@nestjs/common';
import { CandidateModelsService } from '../campaigns/candidate-models.service.js';
import { GenerationService } from '../campaigns/generation.service.js';
import { FeedbackAccessService } from './feedback-access.service.js';
import { FeedbackDataProbe } from './feedback-data.probe.js';
import { FeedbackDataService } from './feedback-data.service.js';

const shared = [
  FeedbackDataService,
  FeedbackAccessService,
  CandidateModelsService,
  GenerationService,
  FeedbackDataProbe,
];

@Global()
@Module({ providers: shared, exports: shared })
export class CommonModule {}
