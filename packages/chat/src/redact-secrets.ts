// Masks credentials in text that is about to be logged. Prompts and errors sometimes carry keys
// (a user pastes one, a tool echoes a header), and docs/conventions.md rule 10 says keys never reach logs.
const PATTERNS: Array<[RegExp, string]> = [
  [/\bsk-[A-Za-z0-9_-]{6,}/g, 'sk-***'],
  [/\bBearer\s+[A-Za-z0-9._~+/=-]+/gi, 'Bearer ***'],
  [/\b(api[_-]?key["']?\s*[=:]\s*["']?)[^\s"'&,;]+/gi, '$1***'],
  // Long hex strings and base64/url-safe tokens: keys, session tokens, signatures.
  [/\b[0-9a-f]{32,}\b/gi, '***'],
  [/[A-Za-z0-9+/_-]{40,}={0,2}/g, '***'],
];

export function redactSecrets(text: string): string {
  let redacted = text;
  for (const [pattern, replacement] of PATTERNS) redacted = redacted.replace(pattern, replacement);
  return redacted;
}
