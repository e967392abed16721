import { html } from "../src/html.js";
import type { NotFoundPage, SearchPage } from "../src/pages.js";
import { ARCHIVE_URL, FRONT_PAGE_URL } from "../src/urls.js";
import { renderDocument } from "./base.js";
import type { RenderContext } from "./context.js";

export function renderNotFoundPage(page: NotFoundPage, ctx: RenderContext): string {
  const main = html`<h1>Page not found</h1>
<p>There is no page at this address. It may have moved when an article was renamed.</p>
<p>Try the <a href="${ctx.link(FRONT_PAGE_URL)}">front page</a>, the <a href="${ctx.link(ARCHIVE_URL)}">archive</a>, or the search box above.</p>`;
  return renderDocument(page, ctx, { main });
}

export function renderSearchPage(page: SearchPage, ctx: RenderContext): string {
  const main = html`<h1>Search</h1>
<div id="search">
<noscript><p>Search runs in your browser and needs JavaScript. Without it, browse by <a href="${ctx.link("/people/")}">people</a>, <a href="${ctx.link("/places/")}">places</a>, <a href="${ctx.link("/tags/")}">tags</a> or the <a href="${ctx.link(ARCHIVE_URL)}">archive</a>.</p></noscript>
</div>`;
  return renderDocument(page, ctx, { main });
}
