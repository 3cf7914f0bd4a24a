// GET /api/fine-tuning/backends: where a job can run, and on which base models.
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@repo/nest';
import { BackendsService, LOCAL_BACKEND, type BackendInfo } from './backends.service.js';

@ApiTags('backends')
@Controller('api/fine-tuning/backends')
export class BackendsController {
  constructor(@Inject(BackendsService) private readonly backends: BackendsService) {}

  @Get()
  @ApiOperation({ summary: 'Job backends: local-llm always, OpenAI and DashScope with their keys' })
  list(): { default: string; backends: BackendInfo[] } {
    return { default: LOCAL_BACKEND, backends: this.backends.list() };
  }
}
