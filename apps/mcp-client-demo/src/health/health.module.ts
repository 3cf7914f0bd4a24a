// /health (Terminus).
import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { McpModule } from '../mcp/mcp.module.js';
import { HealthController } from './health.controller.js';

@Module({ imports: [TerminusModule, McpModule], controllers: [HealthController] })
export class HealthModule {}
