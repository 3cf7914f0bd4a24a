// The annotator's API.
import { Module } from '@nestjs/common';
import { AnnotationController } from './annotation.controller.js';
import { AnnotationService } from './annotation.service.js';

@Module({ controllers: [AnnotationController], providers: [AnnotationService] })
export class AnnotationModule {}
