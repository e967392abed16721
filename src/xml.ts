/**
 * XML documents as data, and the one function that writes them. Feeds and sitemaps are built as
 * trees of `XmlElement` and serialised here, so every text and attribute value is escaped in one
 * place and no document can be broken by what an article contains.
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes?: Readonly<Record<string, string | undefined>>;
  /** Elements and text; text is escaped when written. */
  readonly children?: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Builds an element; attributes whose value is `undefined` are left out. */
export function xmlElement(name: string, attributes: Readonly<Record<string, string | undefined>> = {}, children: readonly XmlNode[] = []): XmlElement {
  return { name, attributes, children };
}

/** An element holding only text. */
export function xmlText(name: string, text: string, attributes: Readonly<Record<string, string | undefined>> = {}): XmlElement {
  return { name, attributes, children: [text] };
}

/**
 * XML 1.0 allows only tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF; anything
 * else (NUL, other C0 controls, lone surrogates, U+FFFE, U+FFFF) makes a parser reject the whole
 * document. Such characters cannot be escaped either (`&#0;` is just as invalid), so they are
 * dropped. With the `u` flag a lone surrogate is its own code point and is matched here.
 */
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// The same class without `g`, for a stateless test: almost no text needs the (slower) replace.
const HAS_FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

export function stripInvalidXmlChars(text: string): string {
  return HAS_FORBIDDEN.test(text) ? text.replace(FORBIDDEN_IN_XML, "") : text;
}

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Escapes text for element content and double-quoted attributes, after dropping forbidden characters. */
export function escapeXml(text: string): string {
  const clean = stripInvalidXmlChars(text);
  return /[&<>"']/.test(clean) ? clean.replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!) : clean;
}

/**
 * Writes a document: the XML declaration, then the tree. Elements holding only elements are
 * indented one per line (readable, and diffs between builds stay small); text stays inline.
 */
export function serializeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  writeElement(root, "", out);
  out.push("\n");
  return out.join("");
}

function writeElement(element: XmlElement, indent: string, out: string[]): void {
  let open = `<${element.name}`;
  const attributes = element.attributes;
  if (attributes) {
    for (const name in attributes) {
      const value = attributes[name];
      if (value !== undefined) open += ` ${name}="${escapeXml(value)}"`;
    }
  }
  const children = element.children ?? [];
  if (children.length === 0) {
    out.push(`${indent}${open}/>`);
    return;
  }
  if (typeof children[0] !== "string" && children.every((child) => typeof child !== "string")) {
    out.push(`${indent}${open}>\n`);
    const inner = indent + "  ";
    for (const child of children) {
      writeElement(child as XmlElement, inner, out);
      out.push("\n");
    }
    out.push(`${indent}</${element.name}>`);
    return;
  }
  out.push(`${indent}${open}>`);
  for (const child of children) {
    if (typeof child === "string") out.push(escapeXml(child));
    else writeElement(child, "", out);
  }
  out.push(`</${element.name}>`);
}
