import { parseDocument } from "htmlparser2";
import type { Document, Element } from "domhandler";
import { findAll, getAttributeValue, textContent } from "domutils";

/** A small query layer over htmlparser2 for build tests: parse once, find elements, read text. */
export interface ParsedPage {
  readonly doc: Document;
  /** Elements with this tag name (lowercase), optionally filtered. */
  all(tag: string, where?: (el: Element) => boolean): Element[];
  /** Text of the elements with this tag, whitespace folded, entities decoded. */
  texts(tag: string, where?: (el: Element) => boolean): string[];
}

export function parseHtml(html: string): ParsedPage {
  const doc = parseDocument(html, { decodeEntities: true });
  const all = (tag: string, where?: (el: Element) => boolean) => findAll((el) => el.name === tag && (!where || where(el)), doc.children);
  return {
    doc,
    all,
    texts: (tag, where) => all(tag, where).map(textOf),
  };
}

export function textOf(el: Element | Document): string {
  return textContent(el).replace(/\s+/g, " ").trim();
}

export function attr(el: Element, name: string): string | undefined {
  return getAttributeValue(el, name);
}

export function hasClass(el: Element, name: string): boolean {
  return (attr(el, "class") ?? "").split(/\s+/).includes(name);
}

/** Is `el` inside an element matching `test` (e.g. the cards list)? */
export function isInside(el: Element, test: (ancestor: Element) => boolean): boolean {
  for (let node = el.parent; node; node = node.parent) {
    if (node.type === "tag" && test(node as Element)) return true;
  }
  return false;
}

export function allElements(page: ParsedPage): Element[] {
  return findAll(() => true, page.doc.children);
}
