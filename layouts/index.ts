import type { PageSpec } from "../src/pages.js";
import { renderArchivePage } from "./archive.js";
import { renderArticlePage } from "./article.js";
import type { RenderContext } from "./context.js";
import { renderAtomFeed, renderJsonFeed } from "./feeds.js";
import { renderHubPage } from "./hub.js";
import { renderListingPage } from "./listing.js";
import { renderNotFoundPage, renderSearchPage } from "./simple-pages.js";
import { renderRobots, renderSitemap, renderSitemapIndex } from "./sitemap.js";

export type { RenderContext } from "./context.js";

/** Presents one page spec with the layout of its kind. */
export function renderPage(page: PageSpec, ctx: RenderContext): string {
  switch (page.kind) {
    case "article":
      return renderArticlePage(page, ctx);
    case "listing":
      return renderListingPage(page, ctx);
    case "hub":
      return renderHubPage(page, ctx);
    case "archive":
      return renderArchivePage(page, ctx);
    case "search":
      return renderSearchPage(page, ctx);
    case "not-found":
      return renderNotFoundPage(page, ctx);
    case "feed-atom":
      return renderAtomFeed(page);
    case "feed-json":
      return renderJsonFeed(page);
    case "sitemap":
      return renderSitemap(page);
    case "sitemap-index":
      return renderSitemapIndex(page);
    case "robots":
      return renderRobots(page);
  }
}
