// A tiny element builder: text always goes in as text nodes (never innerHTML), attributes through
// setAttribute, `on<event>` functions as listeners. Enough for a page with no framework.
type Child = Node | string | number | null | undefined | false;
type PropValue = string | number | boolean | undefined | ((event: never) => void);
export type Props = Record<string, PropValue>;

function applyProps(element: Element, props: Props): void {
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function')
      element.addEventListener(name.slice(2).toLowerCase(), value as EventListener);
    else if (name === 'value' && 'value' in element)
      (element as HTMLInputElement).value = `${value}`;
    else element.setAttribute(name, value === true ? '' : `${value}`);
  }
}

function append(element: Element, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'object' ? child : document.createTextNode(`${child}`));
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  applyProps(element, props);
  append(element, children);
  return element;
}

/** Replaces an element's content. */
export function show(target: Element, ...children: Child[]): void {
  target.replaceChildren();
  append(target, children);
}
