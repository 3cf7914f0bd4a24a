// GET /api/eval/suites: the bundled suites a run can name.
import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@repo/nest';
import { SuitesService, type BundledSuite } from './suites.service.js';

@ApiTags('suites')
@Controller('api/eval')
export class SuitesController {
  constructor(@Inject(SuitesService) private readonly suites: SuitesService) {}

  @Get('suites')
  @ApiOperation({ summary: 'Bundled suites: name, description, case count, providers' })
  list(): Promise<BundledSuite[]> {
    return this.suites.list();
  }
}
