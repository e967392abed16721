import { html, type SafeHtml } from "../src/html.js";
import type { ArticleCard, PaginationView, TermLink } from "../src/pages.js";
import type { RenderContext } from "./context.js";

/** Small pieces shared by several layouts. */

export function renderCards(items: readonly ArticleCard[], ctx: RenderContext): SafeHtml {
  if (items.length === 0) return html`<p class="empty">No articles yet.</p>`;
  return html`<ol class="cards">
${items.map(
  (item) => html`<li class="card">
<h2 class="card-title"><a href="${ctx.link(item.url)}">${item.title}</a></h2>
<p class="card-meta"><time datetime="${item.date.iso}">${item.date.display}</time></p>
${item.excerpt ? html`<p class="card-excerpt">${item.excerpt}</p>` : ""}
</li>`,
)}
</ol>`;
}

export function renderPagination(pagination: PaginationView, ctx: RenderContext): SafeHtml | string {
  if (pagination.total <= 1) return "";
  return html`<nav class="pagination" aria-label="Pagination">
<ul>
${pagination.previousUrl ? html`<li><a rel="prev" href="${ctx.link(pagination.previousUrl)}">← Newer</a></li>` : ""}
<li aria-current="page">Page ${pagination.number} of ${pagination.total}</li>
${pagination.nextUrl ? html`<li><a rel="next" href="${ctx.link(pagination.nextUrl)}">Older →</a></li>` : ""}
</ul>
</nav>`;
}

export function renderPaginationHead(pagination: PaginationView, ctx: RenderContext): SafeHtml {
  return html`${pagination.previousUrl ? html`<link rel="prev" href="${ctx.link(pagination.previousUrl)}">` : ""}
${pagination.nextUrl ? html`<link rel="next" href="${ctx.link(pagination.nextUrl)}">` : ""}`;
}

export function renderTermList(terms: readonly TermLink[], ctx: RenderContext, className = "terms"): SafeHtml {
  return html`<ul class="${className}">
${terms.map((term) => html`<li><a href="${ctx.link(term.url)}">${term.label}</a> <span class="count">${term.count.toLocaleString("en")}<span class="visually-hidden"> ${term.count === 1 ? "article" : "articles"}</span></span></li>`)}
</ul>`;
}
