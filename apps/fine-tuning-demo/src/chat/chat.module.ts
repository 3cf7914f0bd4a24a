// Chat side by side with base, fine-tuned and aliased models.
import { Module } from '@nestjs/common';
import { JobsModule } from '../jobs/jobs.module.js';
import { ChatController } from './chat.controller.js';

@Module({ imports: [JobsModule], controllers: [ChatController] })
export class ChatModule {}
