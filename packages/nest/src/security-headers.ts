// The usual security headers on every answer, from helmet (the library made for it): nosniff, a
// strict Content-Security-Policy (no inline script, no other origin: a page of ours that echoes
// model output cannot be turned into script), frame-ancestors 'none', no referrer, same-origin
// resource policy. Two of helmet's defaults are off because the demos speak plain HTTP on
// loopback: HSTS (meaningless without TLS) and upgrade-insecure-requests (would rewrite the
// pages' own http:// requests). A route may still send its own stricter CSP (report.html does).
import helmet from 'helmet';

export function securityHeaders() {
  return helmet({
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      useDefaults: true,
      directives: { upgradeInsecureRequests: null, frameAncestors: ["'none'"] },
    },
  });
}
