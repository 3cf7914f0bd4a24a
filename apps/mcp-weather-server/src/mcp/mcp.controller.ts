// /mcp: hands the request to the MCP Streamable HTTP handler, which answers it itself (JSON-RPC,
// 401 without the bearer token when MCP_AUTH_TOKEN is set, 405 for GET/DELETE: stateless).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { All, Controller, Inject, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@repo/nest';
import { McpHttpService } from './mcp-http.service.js';

@ApiTags('mcp')
@Controller('mcp')
export class McpController {
  constructor(@Inject(McpHttpService) private readonly mcp: McpHttpService) {}

  @All()
  @ApiOperation({
    summary:
      'MCP Streamable HTTP (JSON-RPC over POST; Accept: application/json, text/event-stream)',
  })
  serve(
    @Req() req: IncomingMessage & { body?: unknown },
    @Res() res: ServerResponse,
  ): Promise<void> {
    // express has parsed the JSON body already; the handler would otherwise read the stream.
    return this.mcp.handle(req, res, req.body);
  }
}
