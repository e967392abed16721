import type { TaxonomyKind } from "./article.js";
import type { ArticleMetadata } from "./news-metadata.js";

/**
 * Page specs: everything a layout needs to present one page, already shaped. Layouts only loop and
 * print; no page computes anything from the article list.
 */

export interface DateView {
  /** "11 April 2024". */
  readonly display: string;
  /** For `<time datetime>`. */
  readonly iso: string;
}

export interface Link {
  readonly label: string;
  readonly url: string;
}

export interface TermLink extends Link {
  readonly count: number;
}

/** An article as it appears in lists, shared by every listing it is on. */
export interface ArticleCard {
  readonly title: string;
  readonly url: string;
  readonly date: DateView;
  readonly excerpt: string;
}

export interface PaginationView {
  readonly number: number;
  readonly total: number;
  readonly firstUrl: string;
  readonly lastUrl: string;
  readonly previousUrl?: string;
  readonly nextUrl?: string;
}

interface PageBase {
  /** Site URL without the path prefix; also where the page is written. */
  readonly url: string;
  /** The `<title>` text, without the site name. */
  readonly title: string;
  readonly breadcrumbs: readonly Link[];
  /** Short description for `<meta name="description">`. */
  readonly description?: string;
}

export interface ArticlePage extends PageBase {
  readonly kind: "article";
  /** Open Graph times and schema.org JSON-LD for the head. */
  readonly metadata?: ArticleMetadata;
  readonly article: {
    readonly title: string;
    readonly date: DateView;
    readonly updated?: DateView;
    readonly byline?: string;
    readonly source?: { readonly name?: string; readonly url?: string };
    readonly summary?: string;
    readonly excerpt: string;
    // Links without counts: an article page shows none, and a count in its spec would re-render
    // every article sharing a term whenever one article is added (issue 7).
    readonly people: readonly Link[];
    readonly places: readonly Link[];
    readonly tags: readonly Link[];
    /** Rendered body; site paths in its links already carry the path prefix. */
    readonly bodyHtml: string;
    readonly year: string;
    readonly newer?: ArticleCard;
    readonly older?: ArticleCard;
  };
}

export type ListingVariant = "front" | "term" | "year" | "month";

export interface ListingPage extends PageBase {
  readonly kind: "listing";
  readonly variant: ListingVariant;
  readonly heading: string;
  readonly items: readonly ArticleCard[];
  readonly pagination: PaginationView;
  readonly taxonomy?: TaxonomyKind;
  /** Year pages: the year's months with counts. */
  readonly months?: readonly TermLink[];
  /** Term pages: their own feed, and the search page filtered on them. */
  readonly feedUrl?: string;
  readonly searchUrl?: string;
}

export interface HubPage extends PageBase {
  readonly kind: "hub";
  readonly taxonomy: TaxonomyKind;
  readonly heading: string;
  readonly groups: readonly { readonly letter: string; readonly terms: readonly TermLink[] }[];
}

export interface ArchivePage extends PageBase {
  readonly kind: "archive";
  readonly heading: string;
  readonly years: readonly (TermLink & { readonly months: readonly TermLink[] })[];
}

export interface NotFoundPage extends PageBase {
  readonly kind: "not-found";
}

export interface SearchPage extends PageBase {
  readonly kind: "search";
}

/** Pages shown in a browser: framed by `layouts/base.ts`. */
export type HtmlPageSpec = ArticlePage | ListingPage | HubPage | ArchivePage | NotFoundPage | SearchPage;

/**
 * A feed as data, shared by the Atom and JSON Feed layouts. Every URL in it is absolute, dates are
 * RFC 3339 instants, and `contentHtml` already has its links made absolute.
 */
export interface FeedDocument {
  /** Permanent id of the feed: its own absolute URL. */
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly language: string;
  /** The HTML page the feed follows (front page, or a person's page). */
  readonly homeUrl: string;
  /** Absolute URL of this feed, for `rel="self"`. */
  readonly feedUrl: string;
  /** The newest `updated` of its entries. */
  readonly updated: string;
  readonly authors: readonly FeedAuthor[];
  readonly entries: readonly FeedEntry[];
}

export interface FeedAuthor {
  readonly name: string;
  readonly url?: string;
}

export interface FeedEntry {
  /** The article's absolute URL, which is also its permanent id. */
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly published: string;
  readonly updated: string;
  readonly summary: string;
  /** Full body, when the feed carries full content. */
  readonly contentHtml?: string;
  /** From the byline; empty when the article has none (the feed's author stands in). */
  readonly authors: readonly FeedAuthor[];
  /** The article's tags. */
  readonly categories: readonly { readonly label: string; readonly url: string }[];
}

export interface AtomFeedPage {
  readonly kind: "feed-atom";
  readonly url: string;
  readonly feed: FeedDocument;
}

export interface JsonFeedPage {
  readonly kind: "feed-json";
  readonly url: string;
  readonly feed: FeedDocument;
}

/** One `<url>` of a sitemap, or one `<sitemap>` of a sitemap index. */
export interface SitemapEntry {
  /** Absolute. */
  readonly url: string;
  /** W3C date or date-time. */
  readonly lastmod?: string;
}

export interface SitemapPage {
  readonly kind: "sitemap";
  readonly url: string;
  readonly entries: readonly SitemapEntry[];
}

export interface SitemapIndexPage {
  readonly kind: "sitemap-index";
  readonly url: string;
  readonly sitemaps: readonly SitemapEntry[];
}

export interface RobotsPage {
  readonly kind: "robots";
  readonly url: string;
  /** Absolute URL of the sitemap (or sitemap index). */
  readonly sitemapUrl: string;
}

/** Files for machines: feeds, sitemaps, robots.txt. Written at their `url` like any page. */
export type FilePageSpec = AtomFeedPage | JsonFeedPage | SitemapPage | SitemapIndexPage | RobotsPage;

export type PageSpec = HtmlPageSpec | FilePageSpec;

/**
 * A page of the site before its spec is made. A build keys every page by what its bytes depend on
 * and renders only the pages whose key changed, so the specs that carry article bodies (article
 * pages, feeds: most of a big site's bytes) are made only for the pages that are rendered.
 */
export interface PageSource<S extends PageSpec = PageSpec> {
  readonly url: string;
  readonly kind: S["kind"];
  /**
   * Everything the page's bytes depend on besides the render context and the code, as text: two
   * builds that give a page the same identity render it to the same bytes. Absent for specs that
   * are cheap to make, which then stand for themselves (`build-cache/page-plan.ts`).
   */
  readonly identity?: () => string;
  readonly spec: () => S;
  /** A listing page's cards, without making its spec (the sitemap dates a listing by them). */
  readonly cards?: () => readonly ArticleCard[];
}

/** A page whose spec is already made. */
class MadePage<S extends PageSpec> implements PageSource<S> {
  constructor(private readonly made: S) {}
  get url(): string {
    return this.made.url;
  }
  get kind(): S["kind"] {
    return this.made.kind;
  }
  spec(): S {
    return this.made;
  }
}

export function madePage<S extends PageSpec>(spec: S): PageSource<S> {
  return new MadePage(spec);
}
