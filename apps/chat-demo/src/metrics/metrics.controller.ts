// GET /metrics in Prometheus text format.
import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { HeaderSink } from '../common/ai-provider-header.js';
import { MetricsService } from './metrics.service.js';
import { ApiOperation, ApiProduces, ApiTags } from '@repo/nest';

@ApiTags('ops')
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(MetricsService) private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({ summary: 'Prometheus metrics: token counters and process metrics' })
  @ApiProduces('text/plain')
  async scrape(@Res({ passthrough: true }) res: HeaderSink): Promise<string> {
    const { contentType, body } = await this.metrics.scrape();
    res.setHeader('Content-Type', contentType);
    return body;
  }
}
