import { linkOnArticlePage } from "../src/body-links.js";
import { html, trustedHtml } from "../src/html.js";
import type { ArticlePage, Link } from "../src/pages.js";
import { DATE_ANCHOR_ID, termAnchorId, termSlugOf, type SearchFilterKey } from "../src/search/page-attributes.js";
import { renderDocument } from "./base.js";
import type { RenderContext } from "./context.js";
import { renderArticleMetadata } from "./news-metadata.js";

export function renderArticlePage(page: ArticlePage, ctx: RenderContext): string {
  const a = page.article;
  const { link } = ctx;
  // Search (docs/search.md): each term link is also a Pagefind filter value, the term's slug, so a
  // search URL uses the same slugs as the term pages; its id carries the label to the search page
  // as a Pagefind anchor (see page-attributes.ts). The terms sit in a <div>, not a <footer>:
  // Pagefind skips <footer> (and <nav>) elements, their text and their anchors with them. The
  // list's own headings are not indexed: "Places" would make every article match "place".
  const termRow = (label: string, terms: readonly Link[], className: string, filter: SearchFilterKey) =>
    terms.length === 0
      ? ""
      : html`<div class="article-terms ${className}">
<dt data-pagefind-ignore>${label}</dt>
<dd><ul>${terms.map((t) => html`<li><a href="${link(t.url)}" id="${termAnchorId(filter, t)}" data-pagefind-filter="${filter}:${termSlugOf(t)}">${t.label}</a></li>`)}</ul></dd>
</div>`;
  const main = html`<article class="article" data-pagefind-body data-pagefind-filter="year:${a.year}">
<header class="article-header">
<h1>${a.title}</h1>
<p class="article-meta">
<time datetime="${a.date.iso}" id="${DATE_ANCHOR_ID}" data-pagefind-sort="date:${a.date.iso}">${a.date.display}</time>${a.updated ? html` · updated <time datetime="${a.updated.iso}">${a.updated.display}</time>` : ""}${a.byline ? html` · <span class="byline">${a.byline}</span>` : ""}
</p>
${a.summary ? html`<p class="article-summary">${a.summary}</p>` : ""}
</header>
<div class="article-body">
${trustedHtml(a.bodyHtml)}
</div>
<div class="article-footer">
${a.source ? html`<p class="article-source"><span data-pagefind-ignore>Source:</span> ${a.source.url ? html`<a href="${linkOnArticlePage(a.source.url, ctx.site.pathPrefix)}" rel="noopener noreferrer">${a.source.name ?? a.source.url}</a>` : a.source.name}</p>` : ""}
${a.people.length + a.places.length + a.tags.length > 0 ? html`<dl class="article-taxonomy">
${termRow("People", a.people, "people", "person")}
${termRow("Places", a.places, "places", "place")}
${termRow("Tags", a.tags, "tags", "tag")}
</dl>` : ""}
</div>
</article>
${a.newer || a.older ? html`<nav class="article-neighbours" aria-label="More articles">
<ul>
${a.older ? html`<li class="older"><span class="neighbour-label">Older</span> <a rel="prev" href="${link(a.older.url)}">${a.older.title}</a></li>` : ""}
${a.newer ? html`<li class="newer"><span class="neighbour-label">Newer</span> <a rel="next" href="${link(a.newer.url)}">${a.newer.title}</a></li>` : ""}
</ul>
</nav>` : ""}`;
  return renderDocument(page, ctx, { main, head: renderArticleMetadata(page, ctx) });
}
