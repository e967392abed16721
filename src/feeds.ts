import dateToRfc3339 from "@11ty/eleventy-plugin-rss/src/dateRfc3339.js";
import getNewestCollectionItemDate from "@11ty/eleventy-plugin-rss/src/getNewestCollectionItemDate.js";
import { TAXONOMY_KINDS } from "./article.js";
import { absolutizeBodyLinks } from "./body-links.js";
import { parseByline } from "./bylines.js";
import type { ArticleDate } from "./dates.js";
import type { AtomFeedPage, FeedAuthor, FeedDocument, FeedEntry, JsonFeedPage, PageSource } from "./pages.js";
import { textHash } from "./part-hash.js";
import type { SiteSettings } from "./settings.js";
import type { PlacedArticle, SiteModel } from "./site-model.js";
import { slugify } from "./slugs.js";
import { FEED_ATOM_URL, FEED_JSON_URL, FRONT_PAGE_URL, absoluteUrl, termFeedUrl, termUrl } from "./urls.js";

/**
 * The site's feeds as data: Atom and JSON Feed 1.1 of the newest articles, and one Atom feed per
 * person, place and tag. Each article's entry is built once and shared by every feed it is in, and
 * each term feed takes the first `feedLength` of the term's list (already newest first), so the
 * work grows with the archive, never with archive × terms.
 */

/** An article's later date: `updated` when it is after `date`. */
export function lastModified(article: { readonly date: ArticleDate; readonly updated?: ArticleDate | undefined }): ArticleDate {
  return article.updated && article.updated.epochMs > article.date.epochMs ? article.updated : article.date;
}

/** RFC 3339 in UTC, as Atom requires (a calendar day is its midnight UTC). */
export function feedDate(date: ArticleDate): string {
  return dateToRfc3339(new Date(date.epochMs));
}

export function buildFeedPages(model: Pick<SiteModel, "articles" | "taxonomies">, settings: SiteSettings): PageSource<AtomFeedPage | JsonFeedPage>[] {
  const absolute = (url: string) => absoluteUrl(settings.baseUrl, settings.pathPrefix, url);
  const tagLabel = (tag: string) => model.taxonomies.tags.bySlug.get(slugify(tag))?.label ?? tag;
  const entries = createEntryCache(absolute, tagLabel);
  const publisher: FeedAuthor[] = [{ name: settings.publisher, url: absolute(FRONT_PAGE_URL) }];
  const pages: PageSource<AtomFeedPage | JsonFeedPage>[] = [];

  // A feed is a function of its URL, its term's label and its entries: that is its identity, so
  // the document (with article bodies) is made only when the feed is rendered.
  const feedSource = (
    kind: "feed-atom" | "feed-json",
    url: string,
    articles: readonly PlacedArticle[],
    includeBody: boolean,
    label: string | null,
    header: () => Omit<FeedDocument, "updated" | "entries">,
  ): PageSource<AtomFeedPage | JsonFeedPage> => ({
    url,
    kind,
    identity: () => {
      // Entry identities are fixed-length hashes, so they are simply put one after another.
      let text = JSON.stringify([url, label]);
      for (const article of articles) text += entries.identity(article, includeBody);
      return text;
    },
    spec: () => {
      const made = articles.map((article) => entries.get(article, includeBody));
      const feed: FeedDocument = { ...header(), updated: newestUpdate(made), entries: made.map((cached) => cached.entry) };
      return { kind, url, feed };
    },
  });

  const newest = model.articles.slice(0, settings.feedLength);
  const siteFeedHeader = (url: string) => () => ({
    id: absolute(url),
    title: settings.title,
    description: settings.description,
    language: settings.language,
    homeUrl: absolute(FRONT_PAGE_URL),
    feedUrl: absolute(url),
    authors: publisher,
  });
  pages.push(feedSource("feed-atom", FEED_ATOM_URL, newest, true, null, siteFeedHeader(FEED_ATOM_URL)));
  pages.push(feedSource("feed-json", FEED_JSON_URL, newest, true, null, siteFeedHeader(FEED_JSON_URL)));

  const full = settings.termFeedContent === "full";
  for (const kind of TAXONOMY_KINDS) {
    for (const term of model.taxonomies[kind].terms) {
      const url = termFeedUrl(kind, term.slug);
      const what = kind === "tags" ? `tagged ${term.label}` : `mentioning ${term.label}`;
      pages.push(
        feedSource("feed-atom", url, term.articles.slice(0, settings.feedLength), full, term.label, () => ({
          id: absolute(url),
          title: `${term.label} — ${settings.title}`,
          description: `Articles ${what} in ${settings.title}, newest first.`,
          language: settings.language,
          homeUrl: absolute(termUrl(kind, term.slug)),
          feedUrl: absolute(url),
          authors: publisher,
        })),
      );
    }
  }
  return pages;
}

interface CachedEntry {
  readonly entry: FeedEntry;
  readonly updatedMs: number;
}

/** Builds each article's entry at most once with its body and once without, and only when a rendered feed needs it. */
function createEntryCache(absolute: (url: string) => string, tagLabel: (tag: string) => string) {
  const withBody = new Map<string, CachedEntry>();
  const withoutBody = new Map<string, CachedEntry>();
  const identities = [new WeakMap<PlacedArticle, string>(), new WeakMap<PlacedArticle, string>()] as const;
  // Per tag name, its label as JSON: an archive repeats a few hundred tags tens of thousands of times.
  const tagKeys = new Map<string, string>();
  const tagKey = (tag: string) => {
    let key = tagKeys.get(tag);
    if (key === undefined) tagKeys.set(tag, (key = JSON.stringify(tagLabel(tag))));
    return key;
  };
  const categoriesOf = (article: PlacedArticle) => article.tags.map((tag) => ({ label: tagLabel(tag), url: absolute(termUrl("tags", slugify(tag))) }));
  const build = (article: PlacedArticle, includeBody: boolean): CachedEntry => {
    const url = absolute(article.url);
    const entry: FeedEntry = {
      id: url,
      url,
      title: article.title,
      published: feedDate(article.date),
      updated: feedDate(lastModified(article)),
      summary: article.summary ?? article.excerpt,
      ...(includeBody ? { contentHtml: absolutizeBodyLinks(article.body.html, url, absolute) } : {}),
      authors: article.byline ? parseByline(article.byline).map((author) => ({ name: author.name })) : [],
      categories: categoriesOf(article),
    };
    return { entry, updatedMs: lastModified(article).epochMs };
  };
  return {
    get(article: PlacedArticle, includeBody: boolean): CachedEntry {
      const cache = includeBody ? withBody : withoutBody;
      let cached = cache.get(article.url);
      if (!cached) {
        cached = build(article, includeBody);
        cache.set(article.url, cached);
      }
      return cached;
    },
    /** What an entry is a function of: the article (its content hash), its URL, its tags' labels. */
    identity(article: PlacedArticle, includeBody: boolean): string {
      const known = identities[includeBody ? 1 : 0];
      let identity = known.get(article);
      if (identity === undefined) {
        // A content hash and a URL hold no NUL; the labels are JSON strings, so they cannot run together.
        let text = `${article.contentHash}\0${article.url}\0${includeBody ? "body" : ""}`;
        for (const tag of article.tags) text += tagKey(tag);
        identity = textHash(text);
        known.set(article, identity);
      }
      return identity;
    },
  };
}

/**
 * The feed's `updated`: its newest entry's. An empty feed says the epoch rather than "now", so an
 * unchanged archive builds byte-identical feeds.
 */
function newestUpdate(entries: readonly CachedEntry[]): string {
  const newest = getNewestCollectionItemDate(
    entries.map((e) => ({ date: new Date(e.updatedMs) })),
    new Date(0),
  );
  return dateToRfc3339(newest);
}
