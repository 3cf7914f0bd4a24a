// Relevancy judging of one answer (the seed's only feature).
import { Module } from '@nestjs/common';
import { RelevancyController } from './relevancy.controller.js';
import { RelevancyService } from './relevancy.service.js';

@Module({ controllers: [RelevancyController], providers: [RelevancyService] })
export class RelevancyModule {}
