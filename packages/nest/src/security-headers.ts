// The usual security headers on every answer, from helmet (the library made for it): nosniff, a
// strict Content-Security-Policy (no inline script, no other origin: a page of ours that echoes
// model output cannot be turned into script), frame-ancestors 'none', no referrer, same-origin
// resource policy. Two of helmet's defaults are off because the demos speak plain HTTP on
// loopback: HSTS (meaningless without TLS) and upgrade-insecure-requests (would rewrite the
// pages' own http:// requests). A route may still send its own stricter CSP (report.html does).
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type Next = (error?: unknown) => void;

interface RecordedHeaders {
  set: Array<[string, string]>;
  removed: string[];
}

export function securityHeaders() {
  const middleware = helmet({
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { upgradeInsecureRequests: null, frameAncestors: ["'none'"] },
    },
  });
  // With these options every answer gets the same headers, so helmet runs once, here, and each
  // request gets its recording: one function instead of helmet's chain of eleven (a share of
  // chat-demo's CPU per request in the chat bench).
  const recorded = recordHeaders(middleware);
  if (!recorded) return middleware;
  // Names in lower case (HTTP's are case-insensitive): setHeader lower-cases every name it is
  // given, which copies a name with capitals on every call and returns a lower-case one as it is.
  const names = recorded.set.map(([name]) => name.toLowerCase());
  const values = recorded.set.map(([, value]) => value);
  return (_req: IncomingMessage, res: ServerResponse, next: Next): void => {
    for (let i = 0; i < names.length; i++) res.setHeader(names[i]!, values[i]!);
    for (const name of recorded.removed) res.removeHeader(name);
    next();
  };
}

/** What `middleware` does to a response, when it does it at once and the same way every time. */
function recordHeaders(
  middleware: (req: IncomingMessage, res: ServerResponse, next: Next) => void,
): RecordedHeaders | undefined {
  const recorded: RecordedHeaders = { set: [], removed: [] };
  let plain = true;
  const res = {
    setHeader(name: string, value: unknown) {
      if (typeof value === 'string') recorded.set.push([name, value]);
      else plain = false;
    },
    removeHeader(name: string) {
      recorded.removed.push(name);
    },
  };
  let finished = false;
  middleware({} as IncomingMessage, res as unknown as ServerResponse, (error) => {
    finished = error === undefined;
  });
  return finished && plain ? recorded : undefined;
}
