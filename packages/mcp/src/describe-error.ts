// Turns what the SDK and Node throw into one readable reason. The raw messages are poor on their
// own: "fetch failed" hides ECONNREFUSED in `cause`, and a timeout says "Request timed out".
import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';

export function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof McpError && error.code === ErrorCode.RequestTimeout)
    return `no answer within ${timeoutMs} ms`;
  if (error instanceof McpError && error.code === ErrorCode.ConnectionClosed)
    return 'the connection closed';
  if (error instanceof StreamableHTTPError && (error.code === 401 || error.code === 403))
    return `HTTP ${error.code}: the server refused the credentials; check this server's "headers"`;
  if (!(error instanceof Error)) return String(error);
  const errno = error as NodeJS.ErrnoException;
  if (errno.code === 'ENOENT' && errno.syscall?.startsWith('spawn'))
    return `command not found (${error.message}); check "command" and PATH`;
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
}
