import type { Link, TermLink } from "../pages.js";

/**
 * What an article page tells Pagefind besides its text: the filter keys and the `terms` meta. The
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

interface ArticleTerms {
  readonly people: readonly Link[];
  readonly places: readonly Link[];
  readonly tags: readonly Link[];
}

/**
 * The `terms` meta: `{"person":[["yoav-gallant","Yoav Gallant"]],…}`. Filter values are slugs (what
 * a URL holds); this gives the search page the labels to show for them, from the same names the
 * article page shows. Pagefind keeps everything after the first colon of the attribute, commas
 * included, so JSON survives as it is.
 */
export function searchTermsMeta(article: ArticleTerms): string {
  const pairs = (terms: readonly Link[]) => terms.map((term) => [termSlugOf(term), term.label]);
  return JSON.stringify({ person: pairs(article.people), place: pairs(article.places), tag: pairs(article.tags) });
}
