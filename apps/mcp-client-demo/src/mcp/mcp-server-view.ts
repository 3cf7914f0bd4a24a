// What the API shows of a server's status: everything but the child's pid, which says nothing to
// a caller and changes on every start.
import type { McpServerStatus } from '@repo/mcp';

export type McpServerView = Omit<McpServerStatus, 'pid'>;

export function toServerView({ pid: _pid, ...view }: McpServerStatus): McpServerView {
  return view;
}
