/** `['messages', 0, 'role']` → `messages[0].role`: how every error names a field. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, key) => {
    if (typeof key === 'number') return `${field}[${key}]`;
    return field ? `${field}.${String(key)}` : String(key);
  }, '');
}
