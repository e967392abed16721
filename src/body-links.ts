import resolveUrl from "@11ty/eleventy-plugin-rss/src/absoluteUrl.js";
import { escapeHtml } from "./html.js";
import { withPathPrefix } from "./urls.js";

/**
 * The URLs inside an article body (`href` of links, `src` of images), rewritten for where the body
 * is shown: with the path prefix on the site, absolute in feeds.
 *
 * Bodies are Dateline's own markdown-it output with raw HTML off, so the only double-quoted
 * `href="…"`/`src="…"` in them are real attributes: a `"` in text or code is always written
 * `&quot;`. That is what lets this work on the string without an HTML parser.
 */
const ATTRIBUTE_URL = /(\s(?:href|src))="([^"]*)"/g;
const ATTRIBUTE_ENTITIES: Record<string, string> = { "&quot;": '"', "&lt;": "<", "&gt;": ">", "&#39;": "'", "&amp;": "&" };

export function rewriteBodyUrls(bodyHtml: string, rewrite: (url: string) => string): string {
  return bodyHtml.replace(ATTRIBUTE_URL, (_match, attribute: string, value: string) => {
    const url = value.replace(/&(?:quot|lt|gt|#39|amp);/g, (entity) => ATTRIBUTE_ENTITIES[entity]!);
    return `${attribute}="${escapeHtml(rewrite(url))}"`;
  });
}

/** A site path (`/2023/05/01/x/`), as opposed to a protocol-relative `//host/x` or a relative link. */
function isSitePath(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//");
}

/**
 * A link an article makes (in its body, or as its `source.url`) as its page writes it: a site path
 * gets the path prefix, as every other link on the page does; anything else is left as written.
 */
export function linkOnArticlePage(url: string, pathPrefix: string): string {
  return isSitePath(url) ? withPathPrefix(pathPrefix, url) : url;
}

/**
 * The same link made absolute, for a feed reader or JSON-LD: a site path on the site's address
 * (with its prefix), a relative link against the article's own absolute URL.
 */
export function absoluteArticleLink(url: string, articleUrl: string, absoluteSiteUrl: (url: string) => string): string {
  return isSitePath(url) ? absoluteSiteUrl(url) : resolveUrl(url, articleUrl);
}

/** Site paths in a body get the path prefix. */
export function prefixBodyLinks(bodyHtml: string, pathPrefix: string): string {
  if (pathPrefix === "/") return bodyHtml;
  return rewriteBodyUrls(bodyHtml, (url) => linkOnArticlePage(url, pathPrefix));
}

/** Every URL in a body made absolute for a feed reader. */
export function absolutizeBodyLinks(bodyHtml: string, articleUrl: string, absoluteSiteUrl: (url: string) => string): string {
  return rewriteBodyUrls(bodyHtml, (url) => absoluteArticleLink(url, articleUrl, absoluteSiteUrl));
}
