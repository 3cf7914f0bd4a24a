// Datasets: uploads to the data folder (multer, disk storage, bounded), validation, the reports.
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG } from '@repo/nest';
import type { AppConfig } from '../app-config.js';
import { AppDataService } from '../common/app-data.service.js';
import { CommonModule } from '../common/common.module.js';
import { DatasetsController } from './datasets.controller.js';
import { multerOptions } from './upload-limits.js';

@Module({
  imports: [
    CommonModule,
    MulterModule.registerAsync({
      imports: [CommonModule],
      inject: [APP_CONFIG, AppDataService],
      useFactory: (config: AppConfig, data: AppDataService) => multerOptions(config, data.uploads),
    }),
  ],
  controllers: [DatasetsController],
})
export class DatasetsModule {}
