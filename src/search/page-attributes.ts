import type { TermLink } from "../pages.js";

/**
 * What an article page tells Pagefind besides its text: the filter keys, and anchors for labels. The
 * search page (`layouts/assets/search.js`) reads the same names from the URL, so they are the URL's
 * query parameters too: `/search/?q=gallant&person=yoav-gallant`.
 */
export type SearchFilterKey = "person" | "place" | "tag";

/** URL query parameters the search page understands, besides the filters. */
export const SEARCH_PARAMS = ["q", "person", "place", "tag", "year", "sort"] as const;

/** A term's slug: the last segment of its page URL (`/people/yoav-gallant/` → `yoav-gallant`). */
export function termSlugOf(term: Pick<TermLink, "url">): string {
  const parts = term.url.split("/").filter((part) => part !== "");
  return parts[parts.length - 1] ?? "";
}

/**
 * Labels travel to the search page as Pagefind *anchors*, not metadata. Pagefind (since 1.5)
 * indexes every `data-pagefind-meta` value as searchable words: a `terms` JSON made every page
 * match "person", "place" and "tag" and added thousands of run-together junk words to the index.
 * An element with an `id` inside the indexed `<article>` reaches a result's fragment as
 * `{id, text}` instead, and its text is the page's own text, indexed once as it already was.
 * So each term link's id names its filter and slug, and its text is the label; the date's
 * `<time>` has a fixed id. The search page reads both prefixes from its `data-` attributes.
 */
export const TERM_ANCHOR_PREFIX = "term-";
export const DATE_ANCHOR_ID = "article-date";

/** `term-person-yoav-gallant`: unique in a page (a term is listed once per filter). */
export function termAnchorId(key: SearchFilterKey, term: Pick<TermLink, "url">): string {
  return `${TERM_ANCHOR_PREFIX}${key}-${termSlugOf(term)}`;
}
