import type { TaxonomyKind } from "./article.js";

/**
 * The one source of URL shapes. Every page, feed, sitemap entry and test builds its URLs here.
 * URLs are site-relative and end in `/` (served as `index.html` by any static host); the path
 * prefix and the site's base URL are applied at the edges by `withPathPrefix` and `absoluteUrl`.
 */

export const FRONT_PAGE_URL = "/";
export const ARCHIVE_URL = "/archive/";
export const SEARCH_URL = "/search/";
export const NOT_FOUND_URL = "/404.html";
export const FEED_ATOM_URL = "/feed.xml";
export const FEED_JSON_URL = "/feed.json";
export const SITEMAP_URL = "/sitemap.xml";
export const ROBOTS_URL = "/robots.txt";

const HUB_SEGMENT: Record<TaxonomyKind, string> = { people: "people", places: "places", tags: "tags" };

export function articleUrl(day: string, slug: string): string {
  const [year, month, date] = day.split("-");
  return `/${year}/${month}/${date}/${slug}/`;
}

export function hubUrl(kind: TaxonomyKind): string {
  return `/${HUB_SEGMENT[kind]}/`;
}

export function termUrl(kind: TaxonomyKind, slug: string): string {
  return `/${HUB_SEGMENT[kind]}/${slug}/`;
}

export function termFeedUrl(kind: TaxonomyKind, slug: string): string {
  return `${termUrl(kind, slug)}feed.xml`;
}

/** Part `n` (1-based) of a sitemap split in parts: `SITEMAP_URL` is then their index. */
export function sitemapPartUrl(n: number): string {
  return `/sitemap-${n}.xml`;
}

export function yearUrl(year: string): string {
  return `/${year}/`;
}

export function monthUrl(year: string, month: string): string {
  return `/${year}/${month}/`;
}

/** Page `n` (1-based) of a paginated listing whose first page is `firstPageUrl`. */
export function pageUrl(firstPageUrl: string, n: number): string {
  return n <= 1 ? firstPageUrl : `${firstPageUrl}page/${n}/`;
}

/** Characters that URLSearchParams writes as they are. */
const PLAIN_QUERY = /^[A-Za-z0-9_.-]+$/;

/** `/search/?person=antony-blinken`: the search page filtered on one term. */
export function searchUrl(filters: Readonly<Record<string, string>> = {}): string {
  const entries = Object.entries(filters);
  // Slugs need no escaping; every term page has one of these, so the common case skips URLSearchParams.
  if (entries.length === 1 && PLAIN_QUERY.test(entries[0]![0]) && PLAIN_QUERY.test(entries[0]![1])) return `${SEARCH_URL}?${entries[0]![0]}=${entries[0]![1]}`;
  const query = new URLSearchParams(filters).toString();
  return query ? `${SEARCH_URL}?${query}` : SEARCH_URL;
}

/** The file a URL is written to, relative to the output folder. */
export function outputPathForUrl(url: string): string {
  // A plain path (PLAIN_PATH: no query, no dot segment, nothing to decode) passes every check
  // below; the URLs Dateline makes are plain, and a build asks for 20,000 of them.
  if (url.startsWith("/") && PLAIN_PATH.test(url)) return fileForPath(url);
  const path = url.split(/[?#]/)[0] ?? url;
  // Whatever a title or name becomes, the file stays inside the output folder: no `..` or `.`
  // segment, no `//` (which would make the path absolute), no backslash or drive colon (Windows
  // separators), no control character, and no percent-encoded dot, slash or backslash that a
  // server would decode into one of these.
  const segments = path.split("/").slice(1);
  if (
    !path.startsWith("/") ||
    segments.some((part, i) => (part === "" && i < segments.length - 1) || part === ".." || part === ".") ||
    /[\\:\u0000-\u001F\u007F]|%2e|%2f|%5c|%00/i.test(path)
  ) {
    throw new Error(`not a site path: ${JSON.stringify(url)}`);
  }
  return fileForPath(path);
}

function fileForPath(path: string): string {
  const relative = path.slice(1);
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** Normalises a path prefix to `/`, or `/sub/path/` with both slashes. */
export function normalizePathPrefix(prefix: string | undefined): string {
  if (!prefix) return "/";
  const trimmed = prefix.trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/** A site URL as it appears in a link: with the path prefix the site is hosted under. */
export function withPathPrefix(pathPrefix: string, url: string): string {
  if (!url.startsWith("/")) return url;
  return pathPrefix === "/" ? url : pathPrefix + url.slice(1);
}

/** Paths the URL parser would leave as they are: segments of unreserved characters, none `.` or `..`. */
const PLAIN_PATH = /^(?:\/[A-Za-z0-9_~-][A-Za-z0-9._~-]*)*\/?$/;
const origins = new Map<string, string>();

/** A site URL made absolute on the site's base URL (for feeds, sitemaps, canonical links). */
export function absoluteUrl(baseUrl: string, pathPrefix: string, url: string): string {
  // The base URL is the site's origin; a root-relative path resolves against it alone. Most site
  // paths need no parsing (a sitemap has one per page): they are joined to the origin as they are.
  const path = withPathPrefix(pathPrefix, url);
  if (PLAIN_PATH.test(path)) {
    let origin = origins.get(baseUrl);
    if (origin === undefined) {
      origin = new URL(baseUrl).origin;
      origins.set(baseUrl, origin);
    }
    if (origin !== "null") return origin + path;
  }
  return new URL(path, baseUrl).href;
}

/**
 * Links in article bodies and `source.url`: only http(s) and relative URLs are followed. Anything
 * with another scheme (javascript:, data:, vbscript:, file:) is refused.
 */
export function isSafeLinkUrl(url: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside a scheme: "java\tscript:".
  const cleaned = url.replace(/[\u0000-\u0020\u007F-\u009F]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(cleaned);
  if (!scheme) return true;
  return scheme[1] === "http" || scheme[1] === "https";
}

/**
 * A relative URL an article may give as its `source.url`: a site path (`/2021/03/15/x/`) or a path
 * relative to the article (`./x`, `../../2021/`). Bare words are refused, since `example.org/story`
 * is far more often a web address missing its scheme than a path; so are `//host` and `/\host`
 * (browsers read both as another host), backslashes, whitespace and control characters.
 */
export function isRelativeSourceUrl(url: string): boolean {
  return /^(?:\/(?![/\\])|\.\.?\/)/.test(url) && !/[\u0000-\u0020\u007F-\u009F\\]/.test(url);
}

