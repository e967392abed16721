import type { AtomFeedPage, FeedDocument, FeedEntry, JsonFeedPage } from "../src/pages.js";
import { serializeXml, xmlElement, xmlText, type XmlElement } from "../src/xml.js";

/**
 * Atom (RFC 4287) and JSON Feed 1.1 from one feed document. Both are written from data: Atom
 * through `serializeXml` (which escapes every value and drops characters XML forbids), JSON Feed
 * through `JSON.stringify`. Bodies travel as escaped HTML (`type="html"`), never as raw markup.
 */

const ATOM_NS = "http://www.w3.org/2005/Atom";
/** Named in every Atom feed; the output-folder check (src/output/output-guard.ts) recognises a Dateline site by it. */
export const GENERATOR = "Dateline";

export function renderAtomFeed(page: AtomFeedPage): string {
  const feed = page.feed;
  return serializeXml(
    xmlElement("feed", { xmlns: ATOM_NS, "xml:lang": feed.language }, [
      xmlText("id", feed.id),
      xmlText("title", feed.title, { type: "text" }),
      ...(feed.description ? [xmlText("subtitle", feed.description, { type: "text" })] : []),
      xmlText("updated", feed.updated),
      xmlElement("link", { rel: "self", type: "application/atom+xml", href: feed.feedUrl }),
      xmlElement("link", { rel: "alternate", type: "text/html", href: feed.homeUrl }),
      ...feed.authors.map((author) => atomPerson("author", author.name, author.url)),
      xmlText("generator", GENERATOR),
      ...feed.entries.map(atomEntry),
    ]),
  );
}

function atomPerson(element: string, name: string, uri: string | undefined): XmlElement {
  return xmlElement(element, {}, [xmlText("name", name), ...(uri ? [xmlText("uri", uri)] : [])]);
}

function atomEntry(entry: FeedEntry): XmlElement {
  return xmlElement("entry", {}, [
    xmlText("id", entry.id),
    xmlText("title", entry.title, { type: "text" }),
    xmlElement("link", { rel: "alternate", type: "text/html", href: entry.url }),
    xmlText("published", entry.published),
    xmlText("updated", entry.updated),
    ...entry.authors.map((author) => atomPerson("author", author.name, author.url)),
    ...entry.categories.map((category) => xmlElement("category", { term: category.label, label: category.label })),
    xmlText("summary", entry.summary, { type: "text" }),
    ...(entry.contentHtml !== undefined ? [xmlText("content", entry.contentHtml, { type: "html" })] : []),
  ]);
}

/** The object form of a JSON Feed 1.1 document (https://www.jsonfeed.org/version/1.1/). */
export function jsonFeedObject(feed: FeedDocument): Record<string, unknown> {
  return {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.feedUrl,
    ...(feed.description ? { description: feed.description } : {}),
    language: feed.language,
    authors: feed.authors.map((author) => ({ name: author.name, ...(author.url ? { url: author.url } : {}) })),
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: entry.title,
      // An item needs content_html or content_text; a summary-only feed gives the summary as text.
      ...(entry.contentHtml !== undefined ? { content_html: entry.contentHtml } : { content_text: entry.summary }),
      summary: entry.summary,
      date_published: entry.published,
      date_modified: entry.updated,
      ...(entry.authors.length > 0 ? { authors: entry.authors.map((author) => ({ name: author.name })) } : {}),
      ...(entry.categories.length > 0 ? { tags: entry.categories.map((category) => category.label) } : {}),
    })),
  };
}

export function renderJsonFeed(page: JsonFeedPage): string {
  return JSON.stringify(jsonFeedObject(page.feed), null, 2) + "\n";
}
