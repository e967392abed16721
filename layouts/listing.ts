import { html } from "../src/html.js";
import type { ListingPage } from "../src/pages.js";
import { renderDocument } from "./base.js";
import type { RenderContext } from "./context.js";
import { renderCards, renderPagination, renderPaginationHead, renderTermList } from "./parts.js";

/** Front page, person / place / tag pages, year and month pages. */
export function renderListingPage(page: ListingPage, ctx: RenderContext): string {
  const { link } = ctx;
  const main = html`<h1>${page.heading}</h1>
${page.searchUrl || page.feedUrl ? html`<p class="listing-actions">${page.searchUrl ? html`<a href="${link(page.searchUrl)}">Search within these articles</a>` : ""}${page.searchUrl && page.feedUrl ? " · " : ""}${page.feedUrl ? html`<a href="${link(page.feedUrl)}">Follow with a feed</a>` : ""}</p>` : ""}
${page.months && page.months.length > 0 ? html`<section class="months" aria-labelledby="months-heading">
<h2 id="months-heading">Months</h2>
${renderTermList(page.months, ctx, "terms months-list")}
</section>` : ""}
${page.pagination.total > 1 ? html`<p class="page-position">Page ${page.pagination.number} of ${page.pagination.total}, newest first</p>` : ""}
${renderCards(page.items, ctx)}
${renderPagination(page.pagination, ctx)}`;
  const head = html`${renderPaginationHead(page.pagination, ctx)}
${page.feedUrl ? html`<link rel="alternate" type="application/atom+xml" title="${page.heading}" href="${link(page.feedUrl)}">` : ""}`;
  return renderDocument(page, ctx, { main, head });
}
