import { TAXONOMY_KINDS, type Article, type TaxonomyKind } from "./article.js";
import { buildArchive, type YearGroup } from "./archive.js";
import { prefixBodyLinks } from "./body-links.js";
import { formatDisplayDate, formatMonth, formatMonthName, htmlDate, type ArticleDate } from "./dates.js";
import type { Issue } from "./errors.js";
import { buildFeedPages } from "./feeds.js";
import { buildArticleMetadata } from "./news-metadata.js";
import { madePage, type ArticleCard, type ArticlePage, type DateView, type Link, type ListingPage, type PageSource, type PageSpec, type TermLink } from "./pages.js";
import { partHash, setPartKey, textHash } from "./part-hash.js";
import { pageCount, pageRange, paginatePage } from "./pagination.js";
import type { SiteSettings } from "./settings.js";
import { buildSitemapPages, type SitemapOptions } from "./sitemap.js";
import { slugify } from "./slugs.js";
import { compareLabels, compareNewestFirst } from "./sort.js";
import { buildTaxonomy, type Taxonomy } from "./taxonomy.js";
import {
  ARCHIVE_URL,
  FRONT_PAGE_URL,
  NOT_FOUND_URL,
  SEARCH_URL,
  articleUrl,
  hubUrl,
  monthUrl,
  pageUrl,
  searchUrl,
  termFeedUrl,
  termUrl,
  yearUrl,
} from "./urls.js";

/** An article with its place on the site. */
export interface PlacedArticle extends Article {
  readonly slug: string;
  readonly url: string;
  readonly card: ArticleCard;
}

/** Maps a name to its canonical spelling, or null to drop it (the site-wide aliases file). */
export type NameResolver = (kind: TaxonomyKind, name: string) => string | null;

export interface SiteModel {
  /** Newest first. */
  readonly articles: readonly PlacedArticle[];
  readonly taxonomies: Readonly<Record<TaxonomyKind, Taxonomy<PlacedArticle>>>;
  readonly archive: readonly YearGroup<PlacedArticle>[];
  /** Every page of the site; article pages and feeds make their specs only when asked. */
  readonly pages: readonly PageSource[];
  readonly warnings: readonly Issue[];
}

const TAXONOMY_TITLES: Record<TaxonomyKind, { hub: string; crumb: string; filter: string }> = {
  people: { hub: "People", crumb: "People", filter: "person" },
  places: { hub: "Places", crumb: "Places", filter: "place" },
  tags: { hub: "Tags", crumb: "Tags", filter: "tag" },
};

const HOME: Link = { label: "Home", url: FRONT_PAGE_URL };

export function dateView(date: ArticleDate): DateView {
  return { display: formatDisplayDate(date), iso: htmlDate(date) };
}

/** `toLocaleString("en")`, made once: that call builds a formatter each time. */
const ENGLISH_COUNT = new Intl.NumberFormat("en");

export function countPhrase(count: number, singular = "article", plural = "articles"): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}

/** A count as the site and the command line write it: `19,706`. */
export function formatCount(count: number): string {
  return ENGLISH_COUNT.format(count);
}

/**
 * The taxonomy names of an article after the aliases file: renamed, dropped, and de-duplicated by
 * slug, so "José Martí" and "Jose Marti" in one article make one link to their one page.
 */
function resolvedNames(article: Article, kind: TaxonomyKind, resolve: NameResolver | undefined): readonly string[] {
  const names = article[kind];
  // The schema already keeps one spelling per slug; only the aliases file can make two meet.
  if (!resolve) return names;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const resolved = resolve(kind, name);
    if (resolved === null) continue;
    const key = slugify(resolved);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(resolved);
    }
  }
  return out;
}

/**
 * Gives each article its URL. Two articles of the same day with the same title slug get `-2`,
 * `-3`, … in file-path order (so adding a file never renames an older one's page), with a warning.
 */
export function placeArticles(articles: readonly Article[], resolve?: NameResolver): { placed: PlacedArticle[]; warnings: Issue[] } {
  const byPath = [...articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const taken = new Map<string, string>();
  const warnings: Issue[] = [];
  const placed: PlacedArticle[] = [];
  for (const article of byPath) {
    const base = article.titleSlug;
    let slug = base;
    let url = articleUrl(article.date.day, slug);
    for (let n = 2; taken.has(url); n++) {
      slug = `${base}-${n}`;
      url = articleUrl(article.date.day, slug);
    }
    if (slug !== base) {
      warnings.push({
        file: article.file,
        severity: "warning",
        field: "title",
        reason: `another article of ${article.date.day} (${taken.get(articleUrl(article.date.day, base))}) has the same title slug "${base}"; this one is published at ${url}`,
        ruleId: "urls:duplicate-slug",
        actual: base,
        expected: "a title that differs from other articles of the same day",
      });
    }
    taken.set(url, article.file);
    // Every field named, in one order, optional ones too: all placed articles share one shape,
    // however their source objects were made (parsed now, or read back from the cache's JSON), so
    // the code that walks 10,000 of them stays fast.
    placed.push({
      title: article.title,
      date: article.date,
      updated: article.updated,
      people: resolvedNames(article, "people", resolve),
      places: resolvedNames(article, "places", resolve),
      tags: resolvedNames(article, "tags", resolve),
      summary: article.summary,
      byline: article.byline,
      source: article.source,
      draft: article.draft,
      imported: article.imported,
      file: article.file,
      contentHash: article.contentHash,
      titleSlug: article.titleSlug,
      body: article.body,
      excerpt: article.excerpt,
      wordCount: article.wordCount,
      slug,
      url,
      card: articleCard(article, url),
    });
  }
  placed.sort(compareNewestFirst);
  return { placed, warnings };
}

/** An article as listings show it. Its fields come from the article and its URL, so those are its key. */
function articleCard(article: Article, url: string): ArticleCard {
  const card = { title: article.title, url, date: dateView(article.date), excerpt: article.excerpt };
  setPartKey(card, textHash(article.contentHash + url));
  return card;
}

export interface SiteModelOptions {
  readonly sitemap?: SitemapOptions;
}

export function buildSiteModel(articles: readonly Article[], settings: SiteSettings, resolve?: NameResolver, options: SiteModelOptions = {}): SiteModel {
  const { placed, warnings } = placeArticles(articles, resolve);
  const taxonomies = {
    people: buildTaxonomy("people", placed, (a) => a.people),
    places: buildTaxonomy("places", placed, (a) => a.places),
    tags: buildTaxonomy("tags", placed, (a) => a.tags),
  };
  const archive = buildArchive(placed, (a) => a.date);
  const pages: PageSource[] = [];
  const perPage = settings.perPage;
  const made = (specs: readonly PageSpec[]) => {
    for (const spec of specs) pages.push(madePage(spec));
  };
  // One by one, not spread: the front page of a big archive has tens of thousands of pages.
  const listed = (sources: readonly PageSource[]) => {
    for (const source of sources) pages.push(source);
  };

  // Articles, with their neighbours in time.
  placed.forEach((article, index) => pages.push(new ArticlePageSource(article, placed[index - 1], placed[index + 1], taxonomies, settings)));

  // Front page.
  listed(
    listingPages({
      variant: "front",
      items: placed.map((a) => a.card),
      perPage,
      firstUrl: FRONT_PAGE_URL,
      title: settings.title,
      heading: settings.title,
      breadcrumbs: [],
      description: settings.description,
    }),
  );

  // People, places, tags: hubs and one listing per term.
  for (const kind of TAXONOMY_KINDS) {
    const taxonomy = taxonomies[kind];
    const names = TAXONOMY_TITLES[kind];
    const hubCrumbs = [HOME];
    made([{
      kind: "hub",
      taxonomy: kind,
      url: hubUrl(kind),
      title: names.hub,
      heading: `${names.hub} (${ENGLISH_COUNT.format(taxonomy.terms.length)})`,
      breadcrumbs: hubCrumbs,
      description: `Every ${names.filter} in the archive, A–Z, with the number of articles.`,
      groups: groupByLetter(taxonomy.terms.map((term) => ({ label: term.label, url: termUrl(kind, term.slug), count: term.articles.length }))),
    }]);
    for (const term of taxonomy.terms) {
      const count = term.articles.length;
      const heading = kind === "tags" ? `${countPhrase(count)} tagged ${term.label}` : `${countPhrase(count)} mentioning ${term.label}`;
      listed(
        listingPages({
          variant: "term",
          taxonomy: kind,
          items: term.articles.map((a) => a.card),
          perPage,
          firstUrl: termUrl(kind, term.slug),
          title: term.label,
          heading,
          breadcrumbs: [HOME, { label: names.crumb, url: hubUrl(kind) }],
          description: heading,
          feedUrl: termFeedUrl(kind, term.slug),
          searchUrl: searchUrl({ [names.filter]: term.slug }),
        }),
      );
    }
  }

  // Years and months, and the archive hub.
  for (const year of archive) {
    const months: TermLink[] = year.months.map((m) => ({ label: formatMonthName(m.month), url: monthUrl(m.year, m.month), count: m.articles.length }));
    const heading = `${countPhrase(year.articles.length)} from ${year.year}`;
    listed(
      listingPages({
        variant: "year",
        items: year.articles.map((a) => a.card),
        perPage,
        firstUrl: yearUrl(year.year),
        title: year.year,
        heading,
        breadcrumbs: [HOME, { label: "Archive", url: ARCHIVE_URL }],
        description: heading,
        months,
      }),
    );
    for (const month of year.months) {
      const label = formatMonth(month.year, month.month);
      const monthHeading = `${countPhrase(month.articles.length)} from ${label}`;
      listed(
        listingPages({
          variant: "month",
          items: month.articles.map((a) => a.card),
          perPage,
          firstUrl: monthUrl(month.year, month.month),
          title: label,
          heading: monthHeading,
          breadcrumbs: [HOME, { label: "Archive", url: ARCHIVE_URL }, { label: month.year, url: yearUrl(month.year) }],
          description: monthHeading,
        }),
      );
    }
  }
  made([{
    kind: "archive",
    url: ARCHIVE_URL,
    title: "Archive",
    heading: `Archive: ${countPhrase(placed.length)}`,
    breadcrumbs: [HOME],
    description: "Every year and month of the archive, with the number of articles.",
    years: archive.map((year) => ({
      label: year.year,
      url: yearUrl(year.year),
      count: year.articles.length,
      months: year.months.map((m) => ({ label: formatMonthName(m.month), url: monthUrl(m.year, m.month), count: m.articles.length })),
    })),
  },
  { kind: "search", url: SEARCH_URL, title: "Search", breadcrumbs: [HOME], description: "Search the archive." },
  { kind: "not-found", url: NOT_FOUND_URL, title: "Page not found", breadcrumbs: [HOME] }]);

  // Files for machines: feeds, then the sitemap of every page above, and robots.txt naming it.
  pages.push(...buildFeedPages({ articles: placed, taxonomies }, settings));
  made(buildSitemapPages(pages, placed, settings, options.sitemap));

  return { articles: placed, taxonomies, archive, pages, warnings };
}

/** Every spec of the model, made: for tests and tools that look at the whole site at once. */
export function pageSpecs(model: Pick<SiteModel, "pages">): PageSpec[] {
  return model.pages.map((page) => page.spec());
}

type TermLinks = Readonly<Record<TaxonomyKind, readonly Link[]>>;

/**
 * An article page is a function of the article (its content hash stands for its fields), its URL,
 * the labels and URLs of its terms, and its neighbours' cards: that is its identity, so the spec
 * (body, JSON-LD) is made only when the page is rendered. A class rather than closures: there is
 * one per article.
 */
class ArticlePageSource implements PageSource<ArticlePage> {
  readonly kind = "article";
  private readonly terms: TermLinks;

  constructor(
    private readonly article: PlacedArticle,
    private readonly newer: PlacedArticle | undefined,
    private readonly older: PlacedArticle | undefined,
    taxonomies: SiteModel["taxonomies"],
    private readonly settings: SiteSettings,
  ) {
    this.terms = { people: termLinks(article, "people", taxonomies), places: termLinks(article, "places", taxonomies), tags: termLinks(article, "tags", taxonomies) };
  }

  get url(): string {
    return this.article.url;
  }

  identity(): string {
    const { article, newer, older, terms } = this;
    // Fixed-length part keys, and NUL (which no hash or URL holds) between the fields.
    let text = `${article.contentHash}\0${article.url}`;
    for (const kind of TAXONOMY_KINDS) {
      text += "\0";
      for (const link of terms[kind]) text += partHash(link);
    }
    return `${text}\0${newer ? partHash(newer.card) : ""}\0${older ? partHash(older.card) : ""}`;
  }

  spec(): ArticlePage {
    return buildArticlePage(this.article, this.terms, this.newer, this.older, this.settings);
  }
}

/** Each term's link, made once and shared by every article page that names the term. */
const termLinkCache = new WeakMap<object, Link>();

function termLinks(article: PlacedArticle, kind: TaxonomyKind, taxonomies: SiteModel["taxonomies"]): Link[] {
  const links: Link[] = [];
  for (const name of article[kind]) {
    const term = taxonomies[kind].bySlug.get(slugify(name))!;
    let link = termLinkCache.get(term);
    if (!link) {
      link = { label: term.label, url: termUrl(kind, term.slug) };
      setPartKey(link, textHash(`${link.label}\0${link.url}`));
      termLinkCache.set(term, link);
    }
    links.push(link);
  }
  return links;
}

function buildArticlePage(
  article: PlacedArticle,
  { people, places, tags }: TermLinks,
  newer: PlacedArticle | undefined,
  older: PlacedArticle | undefined,
  settings: SiteSettings,
): ArticlePage {
  const year = article.date.day.slice(0, 4);
  const month = article.date.day.slice(5, 7);
  return {
    kind: "article",
    url: article.url,
    title: article.title,
    description: article.summary ?? article.excerpt,
    metadata: buildArticleMetadata(article, { people, places, tags }, settings),
    breadcrumbs: [HOME, { label: year, url: yearUrl(year) }, { label: formatMonth(year, month), url: monthUrl(year, month) }],
    article: {
      title: article.title,
      date: dateView(article.date),
      ...(article.updated && article.updated.day !== article.date.day ? { updated: dateView(article.updated) } : {}),
      ...(article.byline ? { byline: article.byline } : {}),
      ...(article.source ? { source: article.source } : {}),
      ...(article.summary ? { summary: article.summary } : {}),
      excerpt: article.excerpt,
      people,
      places,
      tags,
      // Site paths in the body get the path prefix here, as the layouts give it to every other link.
      bodyHtml: prefixBodyLinks(article.body.html, settings.pathPrefix),
      year,
      ...(newer ? { newer: newer.card } : {}),
      ...(older ? { older: older.card } : {}),
    },
  };
}

interface ListingInput {
  variant: ListingPage["variant"];
  taxonomy?: TaxonomyKind;
  items: ArticleCard[];
  perPage: number;
  firstUrl: string;
  title: string;
  heading: string;
  breadcrumbs: Link[];
  description: string;
  months?: TermLink[];
  feedUrl?: string;
  searchUrl?: string;
}

/**
 * A listing's pages. A page is a function of the listing's fields (the same on every page), its
 * number, the page count and its own cards: that is its identity, so a rebuild keys every listing
 * page without making its spec, and makes specs only for the pages it renders.
 */
function listingPages(input: ListingInput): ListingPageSource[] {
  const listing = new Listing(input);
  return Array.from({ length: listing.total }, (_, i) => new ListingPageSource(listing, i + 1));
}

/** What every page of one listing shares. */
class Listing {
  readonly total: number;
  #key: string | undefined;
  #monthsKey: string | undefined;

  constructor(readonly input: ListingInput) {
    this.total = pageCount(input.items.length, input.perPage);
  }

  /** A hash of the fields every page shows (cards and the month list aside). */
  key(): string {
    if (this.#key === undefined) {
      const { items: _items, months: _months, ...fields } = this.input;
      this.#key = textHash(JSON.stringify(fields));
    }
    return this.#key;
  }

  /** A hash of the month list, which only the first page shows. */
  monthsKey(): string {
    this.#monthsKey ??= this.input.months ? textHash(JSON.stringify(this.input.months)) : "";
    return this.#monthsKey;
  }
}

class ListingPageSource implements PageSource<ListingPage> {
  readonly kind = "listing";
  readonly url: string;

  constructor(
    private readonly listing: Listing,
    private readonly number: number,
  ) {
    this.url = pageUrl(listing.input.firstUrl, number);
  }

  identity(): string {
    const { listing, number } = this;
    const { items, perPage } = listing.input;
    // Fixed-length keys, and NUL (which no hash holds) between the fields.
    let text = `listing\0${listing.key()}\0${number === 1 ? listing.monthsKey() : ""}\0${number}\0${listing.total}\0`;
    const { start, end } = pageRange(items.length, perPage, number);
    for (let i = start; i < end; i++) text += partHash(items[i]!);
    return text;
  }

  cards(): readonly ArticleCard[] {
    const { items, perPage } = this.listing.input;
    const { start, end } = pageRange(items.length, perPage, this.number);
    return items.slice(start, end);
  }

  spec(): ListingPage {
    const input = this.listing.input;
    const page = paginatePage(input.items, input.perPage, input.firstUrl, this.number);
    return {
      kind: "listing",
      variant: input.variant,
      url: page.url,
      title: page.number > 1 ? `${input.title} (page ${page.number} of ${page.total})` : input.title,
      heading: input.heading,
      description: input.description,
      breadcrumbs: page.number > 1 ? [...input.breadcrumbs, { label: input.title, url: input.firstUrl }] : input.breadcrumbs,
      items: page.items,
      pagination: {
        number: page.number,
        total: page.total,
        firstUrl: page.firstUrl,
        lastUrl: page.lastUrl,
        ...(page.previousUrl ? { previousUrl: page.previousUrl } : {}),
        ...(page.nextUrl ? { nextUrl: page.nextUrl } : {}),
      },
      ...(input.taxonomy ? { taxonomy: input.taxonomy } : {}),
      ...(input.months && page.number === 1 ? { months: input.months } : {}),
      ...(input.feedUrl ? { feedUrl: input.feedUrl } : {}),
      ...(input.searchUrl ? { searchUrl: input.searchUrl } : {}),
    };
  }
}

/** A–Z groups for the hubs; names that start with no letter go under "#". */
function groupByLetter(terms: TermLink[]): { letter: string; terms: TermLink[] }[] {
  const groups = new Map<string, TermLink[]>();
  for (const term of terms) {
    const first = term.label.normalize("NFD").replace(/[\u0300-\u036f]/g, "").charAt(0).toUpperCase();
    const letter = /[A-Z]/.test(first) ? first : "#";
    const group = groups.get(letter) ?? [];
    group.push(term);
    groups.set(letter, group);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === "#" ? 1 : b === "#" ? -1 : compareLabels(a, b))).map(([letter, list]) => ({ letter, terms: list }));
}
