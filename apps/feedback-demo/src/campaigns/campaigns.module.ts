// Campaigns: creation, candidate generation in the background, progress.
import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';

@Module({
  imports: [CommonModule],
  controllers: [CampaignsController],
  providers: [CampaignsService],
})
export class CampaignsModule {}
