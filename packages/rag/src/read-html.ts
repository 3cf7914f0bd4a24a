// HTML reader (Spring AI's JsoupDocumentReader). Two ways to find the text: a CSS `selector`
// (cheerio), or by default the page's readable main content (Mozilla Readability over linkedom,
// which drops navigation, footers and ads). Scripts, styles, nav and footer never reach the text.
// Meta tags (title, description, author, keywords) and the content's links become metadata.
import { Readability } from '@mozilla/readability';
import { InvalidInputError } from '@repo/core';
import { load, type CheerioAPI } from 'cheerio';
import { parseHTML } from 'linkedom';
import type { RagDocument } from './rag-types.js';
import { decodeUtf8 } from './read-text.js';

export interface ReadHtmlOptions {
  source: string;
  /** CSS selector for the content, e.g. `article p` (default: Readability's main content). */
  selector?: string;
  /** With a selector: one document per matched element instead of one for all (Spring's `groupByElement`). */
  groupByElement?: boolean;
  /** Meta tag names copied into metadata (default title, description, author, keywords). */
  metaTags?: string[];
  /** Add the content's links as metadata `links` (default true). */
  includeLinks?: boolean;
  /** The page's URL: metadata `url`, and the base for resolving relative links. */
  url?: string;
  metadata?: Record<string, unknown>;
}

const DEFAULT_META_TAGS = ['description', 'author', 'keywords'];
const NOISE =
  'script, style, noscript, template, iframe, nav, footer, header nav, aside[role=navigation]';
const BLOCKS =
  'p, div, section, article, li, tr, h1, h2, h3, h4, h5, h6, pre, blockquote, dd, dt, table';

export function readHtml(input: string | Uint8Array, options: ReadHtmlOptions): RagDocument[] {
  const html = typeof input === 'string' ? input : decodeUtf8(input, options.source);
  const $ = load(html);
  const metadata = pageMetadata($, options);
  $(NOISE).remove();

  if (options.selector) {
    const elements = select($, options.selector);
    const groups = options.groupByElement ? elements.map((el) => [el]) : [elements];
    return groups
      .filter((group) => group.length > 0)
      .map((group, index) => {
        const html = group.map((el) => $.html(el)).join('\n');
        const extra = options.groupByElement ? { elementIndex: index } : {};
        return fragmentDocument(html, { ...metadata, ...extra }, options);
      });
  }

  // Readability mutates its document, so it gets its own parse of the cleaned page.
  const { document } = parseHTML($.html());
  const article = new Readability(document as unknown as Document).parse();
  if (!metadata.title && article?.title) metadata.title = article.title;
  return [fragmentDocument(article?.content ?? $('body').html() ?? '', metadata, options)];
}

function select($: CheerioAPI, selector: string) {
  try {
    return $(selector).toArray();
  } catch (error) {
    throw new InvalidInputError(
      `Invalid CSS selector "${selector}": ${(error as Error).message}`,
      [{ field: 'selector', reason: 'is not a valid CSS selector' }],
      { cause: error },
    );
  }
}

function fragmentDocument(
  html: string,
  metadata: Record<string, unknown>,
  options: ReadHtmlOptions,
): RagDocument {
  const $ = load(html, null, false);
  if (options.includeLinks === false) return { text: fragmentText($), metadata };
  // Links first: fragmentText rewrites the fragment.
  const links = linksOf($, options.url);
  return { text: fragmentText($), metadata: { ...metadata, links } };
}

function pageMetadata($: CheerioAPI, options: ReadHtmlOptions): Record<string, unknown> {
  const metadata: Record<string, unknown> = { ...options.metadata, source: options.source };
  if (options.url) metadata.url = options.url;
  const title =
    $('head > title').first().text().trim() || $('meta[property="og:title"]').attr('content');
  if (title) metadata.title = title.trim();
  const lang = $('html').attr('lang');
  if (lang) metadata.lang = lang;
  for (const name of options.metaTags ?? DEFAULT_META_TAGS) {
    const value = $(`meta[name="${name}" i], meta[property="og:${name}" i]`)
      .first()
      .attr('content');
    if (value === undefined) continue;
    metadata[name] = name === 'keywords' ? splitKeywords(value) : value.trim();
  }
  return metadata;
}

function splitKeywords(value: string): string[] {
  return value
    .split(/[,，、]/)
    .map((k) => k.trim())
    .filter(Boolean);
}

/**
 * Block elements become paragraphs, `<br>` a line break; other whitespace (source line breaks,
 * indentation) collapses to one space as a browser renders it, except inside `<pre>`.
 * Private-use characters, which HTML parsing keeps, mark the breaks and park the code.
 */
function fragmentText($: CheerioAPI): string {
  const preformatted: string[] = [];
  $('br').replaceWith(LINE_BREAK);
  $('pre').each((_, el) => {
    const index = preformatted.push($(el).text().replace(/\n+$/, '')) - 1;
    $(el).replaceWith(`${PARAGRAPH}${CODE}${index}${CODE}${PARAGRAPH}`);
  });
  $(BLOCKS).each((_, el) => {
    $(el).prepend(PARAGRAPH).append(PARAGRAPH);
  });
  return $.root()
    .text()
    .replace(/\s+/g, ' ')
    .replace(/ ?\uE002[\uE002 ]*/g, '\n\n')
    .replace(/ ?\uE001 ?/g, '\n')
    .replace(/\uE000(\d+)\uE000/g, (_, i: string) => preformatted[Number(i)] ?? '')
    .trim();
}

const CODE = '\uE000';
const LINE_BREAK = '\uE001';
const PARAGRAPH = '\uE002';

function linksOf($: CheerioAPI, base: string | undefined): string[] {
  const links = new Set<string>();
  $('a[href]').each((_, a) => {
    const href = $(a).attr('href')?.trim();
    if (!href || href.startsWith('#') || /^(javascript|mailto):/i.test(href)) return;
    try {
      links.add(base ? new URL(href, base).href : href);
    } catch {
      links.add(href); // not resolvable against the base: keep it as written
    }
  });
  return [...links];
}
