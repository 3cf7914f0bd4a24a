// Terminal column widths, so the console table lines up when descriptions or reasons are Chinese:
// CJK ideographs, kana, Hangul and full-width forms take two columns (East Asian Width W/F), as do
// emoji shown as pictures; combining marks and zero-width characters take none.

const WIDE =
  /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{20000}-\u{3FFFD}]|\p{Emoji_Presentation}/u;
const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}\p{Cc}]/u;

function measureChar(char: string): number {
  if (ZERO_WIDTH.test(char)) return 0;
  return WIDE.test(char) ? 2 : 1;
}

/** Columns `text` takes in a terminal: 2 per CJK or full-width character, 0 per combining mark. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += measureChar(char);
  return width;
}

/** Cuts `text` to at most `maxWidth` columns, ending with `…` when something was cut. */
export function truncateToWidth(text: string, maxWidth: number): string {
  if (displayWidth(text) <= maxWidth) return text;
  let kept = '';
  let width = 0;
  for (const char of text) {
    const charWidth = measureChar(char);
    if (width + charWidth > maxWidth - 1) break;
    kept += char;
    width += charWidth;
  }
  return `${kept}…`;
}

/** Pads `text` with spaces to `width` columns, on the right (`end`) or on the left (`start`). */
export function padToWidth(text: string, width: number, side: 'start' | 'end' = 'end'): string {
  const padding = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return side === 'end' ? text + padding : padding + text;
}
