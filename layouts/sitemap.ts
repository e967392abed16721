import type { RobotsPage, SitemapEntry, SitemapIndexPage, SitemapPage } from "../src/pages.js";
import { serializeXml, xmlElement, xmlText } from "../src/xml.js";

/** Sitemaps as the sitemaps.org protocol 0.9 defines them, and robots.txt naming the sitemap. */

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";

function entryChildren(entry: SitemapEntry) {
  return [xmlText("loc", entry.url), ...(entry.lastmod ? [xmlText("lastmod", entry.lastmod)] : [])];
}

export function renderSitemap(page: SitemapPage): string {
  return serializeXml(xmlElement("urlset", { xmlns: SITEMAP_NS }, page.entries.map((entry) => xmlElement("url", {}, entryChildren(entry)))));
}

export function renderSitemapIndex(page: SitemapIndexPage): string {
  return serializeXml(xmlElement("sitemapindex", { xmlns: SITEMAP_NS }, page.sitemaps.map((entry) => xmlElement("sitemap", {}, entryChildren(entry)))));
}

export function renderRobots(page: RobotsPage): string {
  // Crawlers read robots.txt only at the host's root; under a path prefix this file is a template
  // for the host's own (see README › Publishing).
  return `User-agent: *\nDisallow:\n\nSitemap: ${page.sitemapUrl}\n`;
}
