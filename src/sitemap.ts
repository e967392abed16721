import { TAXONOMY_KINDS, type TaxonomyKind } from "./article.js";
import type { ArticleDate } from "./dates.js";
import { feedDate, lastModified } from "./feeds.js";
import type { ArticleCard, PageSource, RobotsPage, SitemapEntry, SitemapIndexPage, SitemapPage } from "./pages.js";
import type { SiteSettings } from "./settings.js";
import type { PlacedArticle } from "./site-model.js";
import { ROBOTS_URL, SITEMAP_URL, absoluteUrl, sitemapPartUrl } from "./urls.js";

/**
 * `/sitemap.xml` and `/robots.txt`. The sitemap lists every article and every index page (each
 * page of a paginated listing too) with `lastmod`: an article's own last change, an index page's
 * newest listed article. Past the protocol's 50,000 URLs per file it becomes a sitemap index of
 * `/sitemap-1.xml`, `/sitemap-2.xml`, ….
 */

/** sitemaps.org: "no more than 50,000 URLs" per sitemap file. */
export const SITEMAP_URL_LIMIT = 50_000;

export interface SitemapOptions {
  /** URLs per sitemap file before it is split (tests use a small one). */
  readonly maxUrlsPerFile?: number;
}

/** W3C datetime for `lastmod`: the day alone when the article gave only a day, else the instant in UTC. */
export function sitemapDate(date: ArticleDate): string {
  return date.iso === date.day ? date.day : feedDate(date);
}

interface Stamp {
  readonly epochMs: number;
  readonly text: string;
}

function newer(a: Stamp | undefined, b: Stamp | undefined): Stamp | undefined {
  if (!a) return b;
  if (!b) return a;
  return b.epochMs > a.epochMs ? b : a;
}

function stampOf(article: PlacedArticle): Stamp {
  const date = lastModified(article);
  return { epochMs: date.epochMs, text: sitemapDate(date) };
}

/** Which pages a crawler should find: articles and indexes, not search or the 404 page. */
function isListed(page: PageSource): boolean {
  return page.kind === "article" || page.kind === "listing" || page.kind === "hub" || page.kind === "archive";
}

export function buildSitemapPages(
  pages: readonly PageSource[],
  articles: readonly PlacedArticle[],
  settings: SiteSettings,
  options: SitemapOptions = {},
): (SitemapPage | SitemapIndexPage | RobotsPage)[] {
  const limit = options.maxUrlsPerFile ?? SITEMAP_URL_LIMIT;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`maxUrlsPerFile must be a whole number ≥ 1; got ${limit}`);
  const absolute = (url: string) => absoluteUrl(settings.baseUrl, settings.pathPrefix, url);

  // One pass over the articles: each one's stamp, the newest per taxonomy (for its hub) and overall.
  // By card: a listing's items are the articles' own card objects, and an object key hashes for free.
  const byCard = new Map<ArticleCard, Stamp>();
  const byUrl = new Map<string, Stamp>();
  const newestOfKind: Partial<Record<TaxonomyKind, Stamp>> = {};
  let newestOverall: Stamp | undefined;
  for (const article of articles) {
    const stamp = stampOf(article);
    byUrl.set(article.url, stamp);
    byCard.set(article.card, stamp);
    newestOverall = newer(newestOverall, stamp);
    for (const kind of TAXONOMY_KINDS) if (article[kind].length > 0) newestOfKind[kind] = newer(newestOfKind[kind], stamp);
  }

  const entries: SitemapEntry[] = [];
  for (const page of pages) {
    if (!isListed(page)) continue;
    let stamp: Stamp | undefined;
    if (page.kind === "article") stamp = byUrl.get(page.url);
    else if (page.cards) for (const card of page.cards()) stamp = newer(stamp, byCard.get(card) ?? byUrl.get(card.url));
    else {
      // Hubs and the archive are made eagerly and small: looking at their spec costs nothing.
      const spec = page.spec();
      if (spec.kind === "listing") for (const item of spec.items) stamp = newer(stamp, byUrl.get(item.url));
      else if (spec.kind === "hub") stamp = newestOfKind[spec.taxonomy];
      else stamp = newestOverall;
    }
    entries.push(stamp ? { url: absolute(page.url), lastmod: stamp.text } : { url: absolute(page.url) });
  }

  const out: (SitemapPage | SitemapIndexPage | RobotsPage)[] = [];
  if (entries.length <= limit) {
    out.push({ kind: "sitemap", url: SITEMAP_URL, entries });
  } else {
    const parts: SitemapEntry[] = [];
    for (let start = 0, n = 1; start < entries.length; start += limit, n++) {
      const chunk = entries.slice(start, start + limit);
      out.push({ kind: "sitemap", url: sitemapPartUrl(n), entries: chunk });
      let newest: string | undefined;
      let newestMs = -Infinity;
      for (const entry of chunk) {
        if (entry.lastmod === undefined) continue;
        const ms = Date.parse(entry.lastmod);
        if (ms > newestMs) {
          newestMs = ms;
          newest = entry.lastmod;
        }
      }
      parts.push(newest ? { url: absolute(sitemapPartUrl(n)), lastmod: newest } : { url: absolute(sitemapPartUrl(n)) });
    }
    out.push({ kind: "sitemap-index", url: SITEMAP_URL, sitemaps: parts });
  }
  out.push({ kind: "robots", url: ROBOTS_URL, sitemapUrl: absolute(SITEMAP_URL) });
  return out;
}
