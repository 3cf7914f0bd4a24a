// Escaping for the JUnit and HTML reports. Model output, vars and reasons are untrusted text: every
// character that could open markup is escaped, and the characters XML 1.0 forbids (C0 controls
// other than tab/LF/CR, lone surrogates, U+FFFE/U+FFFF) are dropped — one stray ESC from a model's
// ANSI colours would otherwise make the whole JUnit file unparseable for the CI server.

const FORBIDDEN_IN_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const TEXT_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  // A parser turns a raw CR into LF; the reference keeps it.
  '\r': '&#13;',
};

const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '"': '&quot;',
  "'": '&#39;',
  // Attribute-value normalisation turns raw tabs and newlines into spaces; references survive it.
  '\n': '&#10;',
  '\t': '&#9;',
};

/** Drops the characters XML 1.0 does not allow anywhere, even escaped. */
export function stripForbiddenChars(text: string): string {
  return text.replace(FORBIDDEN_IN_XML, '');
}

/** Escapes text content for XML and HTML. */
export function escapeText(text: string): string {
  return stripForbiddenChars(text).replace(/[&<>\r]/g, (char) => TEXT_ENTITIES[char] ?? char);
}

/** Escapes a double- or single-quoted attribute value for XML and HTML. */
export function escapeAttribute(text: string): string {
  return stripForbiddenChars(text).replace(
    /[&<>"'\r\n\t]/g,
    (char) => ATTRIBUTE_ENTITIES[char] ?? char,
  );
}
