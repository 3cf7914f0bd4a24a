// Markdown reader (Spring AI's MarkdownDocumentReader), one document per section: a heading and
// everything up to the next heading, with the heading path (`['Guide', 'Install']`) as metadata.
// It works on marked's block tokens, so a fenced code block is one token and is never cut, even
// when it contains lines that look like headings (lex-markdown.ts: a paragraph of megabytes too).
import type { Token, Tokens } from 'marked';
import { lexMarkdown } from './lex-markdown.js';
import type { RagDocument } from './rag-types.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { decodeUtf8 } from './read-text.js';

export interface ReadMarkdownOptions {
  source: string;
  /** Read a leading `---` YAML block into metadata (default true). */
  frontMatter?: boolean;
  /** A thematic break (`---`) also starts a new document (Spring's `withHorizontalRuleCreateDocument`). */
  splitOnHorizontalRule?: boolean;
  /** Code blocks become their own documents with `codeLanguage` metadata (default: kept inline). */
  separateCodeBlocks?: boolean;
  metadata?: Record<string, unknown>;
}

interface Section {
  headingPath: string[];
  /** The heading line, kept in the text so a chunk still says what it is about. */
  heading?: string;
  parts: string[];
  codeLanguage?: string;
}

export function readMarkdown(
  input: string | Uint8Array,
  options: ReadMarkdownOptions,
): RagDocument[] {
  const raw =
    typeof input === 'string'
      ? input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
      : decodeUtf8(input, options.source);
  const { data, body } =
    options.frontMatter === false ? { data: {}, body: raw } : parseFrontMatter(raw);
  const tokens = lexMarkdown(body);
  const base: Record<string, unknown> = { ...options.metadata, ...data, source: options.source };
  if (base.title === undefined) {
    const h1 = tokens.find((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 1);
    if (h1) base.title = inlineText(h1.tokens);
  }

  const sections: Section[] = [];
  const stack: { depth: number; text: string }[] = [];
  let current: Section = { headingPath: [], parts: [] };
  // A heading with no body of its own (`# Guide` right before `## Install`) is no document.
  const flush = (next: Section) => {
    if (current.parts.join('').trim()) sections.push(current);
    current = next;
  };
  for (const token of tokens) {
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      while (stack.length > 0 && stack[stack.length - 1]!.depth >= heading.depth) stack.pop();
      stack.push({ depth: heading.depth, text: inlineText(heading.tokens) });
      const line = `${'#'.repeat(heading.depth)} ${inlineText(heading.tokens)}`;
      flush({ headingPath: stack.map((h) => h.text), heading: line, parts: [] });
    } else if (token.type === 'hr' && options.splitOnHorizontalRule) {
      flush({ headingPath: current.headingPath, parts: [] });
    } else if (token.type === 'code' && options.separateCodeBlocks) {
      const path = current.headingPath;
      flush({
        headingPath: path,
        parts: [token.raw],
        codeLanguage: (token as Tokens.Code).lang || '',
      });
      flush({ headingPath: path, parts: [] });
    } else {
      current.parts.push(token.raw);
    }
  }
  flush({ headingPath: [], parts: [] });

  return sections.map((section) => {
    const metadata: Record<string, unknown> = { ...base, headingPath: section.headingPath };
    // `section` is what a citation shows: the whole path, since "Install" alone is ambiguous.
    if (section.headingPath.length > 0) metadata.section = section.headingPath.join(' > ');
    if (section.codeLanguage !== undefined) metadata.codeLanguage = section.codeLanguage;
    const body = section.parts.join('').trim();
    return { text: section.heading ? `${section.heading}\n\n${body}` : body, metadata };
  });
}

/** A heading's text without its inline markup (`**Install** \`npm\`` → `Install npm`). */
function inlineText(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if ('tokens' in token && Array.isArray(token.tokens)) return inlineText(token.tokens);
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
    })
    .join('')
    .trim();
}
