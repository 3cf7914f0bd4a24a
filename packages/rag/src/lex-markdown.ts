// marked's block lexer, with a way out for input it cannot take: its regular expressions overflow
// the stack on one paragraph of a few megabytes (a 9 MB paragraph, or 100,000 nested `>`), a
// RangeError. Then the text is lexed again one blank-line-separated segment at a time, and a
// segment over MAX_LEXED characters, or one that still overflows, is kept as a plain paragraph.
// In that fallback a code fence with blank lines inside may be read as several blocks; the text
// itself is never lost, since the reader builds sections from each token's raw text.
import { Lexer, type Token, type Tokens } from 'marked';

/** Characters of one segment handed to marked in the fallback. */
const MAX_LEXED = 65_536;

export function lexMarkdown(body: string): Token[] {
  try {
    return new Lexer().lex(body);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
  }
  const tokens: Token[] = [];
  for (const segment of body.split(/(?<=\n[ \t]*\n)/)) {
    if (segment.length <= MAX_LEXED) {
      try {
        tokens.push(...new Lexer().lex(segment));
        continue;
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
      }
    }
    tokens.push(plainParagraph(segment));
  }
  return tokens;
}

function plainParagraph(raw: string): Tokens.Paragraph {
  return { type: 'paragraph', raw, text: raw.trim(), tokens: [] };
}
