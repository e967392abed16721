import type { TaxonomyKind } from "./article.js";

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
  readonly article: {
    readonly title: string;
    readonly date: DateView;
    readonly updated?: DateView;
    readonly byline?: string;
    readonly source?: { readonly name?: string; readonly url?: string };
    readonly summary?: string;
    readonly excerpt: string;
    readonly people: readonly TermLink[];
    readonly places: readonly TermLink[];
    readonly tags: readonly TermLink[];
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

export type PageSpec = ArticlePage | ListingPage | HubPage | ArchivePage | NotFoundPage | SearchPage;
