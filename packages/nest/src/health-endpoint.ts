// The decorators of every demo app's GET /health in one (Spring Boot actuator's health endpoint):
// Terminus' no-cache health check, without Terminus' own Swagger docs (they would load
// @nestjs/swagger at boot; ours load it on the first /docs visit), the documented responses and
// the `?deep=true` flag of AiHealthIndicator.
import { applyDecorators } from '@nestjs/common';
import { HealthCheck } from '@nestjs/terminus';
import {
  ApiOkResponse,
  ApiOperation,
  ApiQuery,
  ApiServiceUnavailableResponse,
} from './api-docs.js';

export interface HealthEndpointOptions {
  /** The OpenAPI summary. */
  summary: string;
  /** Default: "Every check is up". */
  ok?: string;
  /** Default: "A check is down (the body says which)"; `false` when the route never answers 503. */
  down?: string | false;
  /** Documents `?deep=true` (default true). */
  deep?: boolean;
}

export function HealthEndpoint(options: HealthEndpointOptions): MethodDecorator {
  const { summary, ok = 'Every check is up', down, deep = true } = options;
  return applyDecorators(
    HealthCheck({ noCache: true, swaggerDocumentation: false }),
    ApiOkResponse({ description: ok }),
    ...(down === false
      ? []
      : [
          ApiServiceUnavailableResponse({
            description: down ?? 'A check is down (the body says which)',
          }),
        ]),
    ApiOperation({ summary }),
    ...(deep ? [ApiQuery({ name: 'deep', required: false, enum: ['true', 'false'] })] : []),
  );
}
