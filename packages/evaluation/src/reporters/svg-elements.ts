// SVG elements for the report's charts, as strings: numbers rounded to a tenth (smaller file, no
// float noise), every text escaped. Each chart is `role="img"` named by its <title> and described
// by its <desc>; bars carry their own <title> tooltip.
import { escapeAttribute, escapeText } from './escape-markup.js';

/** Every chart is this wide in SVG units; CSS scales it down on narrow screens. */
export const CHART_WIDTH = 640;

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export function renderSvg(
  id: string,
  title: string,
  description: string,
  height: number,
  body: string[],
): string {
  return [
    `<svg id="${escapeAttribute(id)}" class="chart" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" viewBox="0 0 ${CHART_WIDTH} ${height}" width="${CHART_WIDTH}" height="${height}">`,
    `<title id="${id}-title">${escapeText(title)}</title>`,
    `<desc id="${id}-desc">${escapeText(description)}</desc>`,
    ...body,
    '</svg>',
  ].join('\n');
}

export function renderRect(
  x: number,
  y: number,
  width: number,
  height: number,
  className: string,
  tip: string,
): string {
  return `<rect class="${className}" x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}"><title>${escapeText(tip)}</title></rect>`;
}

export function renderLine(
  x1: number,
  y1: number,
  x2: number,
  y2: number,
  className: string,
): string {
  return `<line class="${className}" x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}"/>`;
}

export function renderLabel(
  x: number,
  y: number,
  text: string,
  anchor: 'start' | 'middle' | 'end',
): string {
  return `<text class="label" x="${round(x)}" y="${round(y)}" text-anchor="${anchor}">${escapeText(text)}</text>`;
}
