// GET /metrics in Prometheus text format.
import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { HeaderSink } from '../common/ai-provider-header.js';
import { MetricsService } from './metrics.service.js';

@ApiTags('ops')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(MetricsService) private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics: token counters and process metrics' })
  @ApiProduces('text/plain')
  async scrape(@Res({ passthrough: true }) res: HeaderSink): Promise<string> {
    res.setHeader('Content-Type', this.metrics.registry.contentType);
    return this.metrics.registry.metrics();
  }
}
