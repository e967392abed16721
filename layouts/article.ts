import { html, trustedHtml } from "../src/html.js";
import type { ArticlePage, TermLink } from "../src/pages.js";
import { renderDocument } from "./base.js";
import type { RenderContext } from "./context.js";
import { renderArticleMetadata } from "./news-metadata.js";

export function renderArticlePage(page: ArticlePage, ctx: RenderContext): string {
  const a = page.article;
  const { link } = ctx;
  const termRow = (label: string, terms: readonly TermLink[], className: string) =>
    terms.length === 0
      ? ""
      : html`<div class="article-terms ${className}">
<dt>${label}</dt>
<dd><ul>${terms.map((t) => html`<li><a href="${link(t.url)}">${t.label}</a></li>`)}</ul></dd>
</div>`;
  const main = html`<article class="article">
<header class="article-header">
<h1>${a.title}</h1>
<p class="article-meta">
<time datetime="${a.date.iso}">${a.date.display}</time>${a.updated ? html` · updated <time datetime="${a.updated.iso}">${a.updated.display}</time>` : ""}${a.byline ? html` · <span class="byline">${a.byline}</span>` : ""}
</p>
${a.summary ? html`<p class="article-summary">${a.summary}</p>` : ""}
</header>
<div class="article-body">
${trustedHtml(a.bodyHtml)}
</div>
<footer class="article-footer">
${a.source ? html`<p class="article-source">Source: ${a.source.url ? html`<a href="${a.source.url}" rel="noopener noreferrer">${a.source.name ?? a.source.url}</a>` : a.source.name}</p>` : ""}
${a.people.length + a.places.length + a.tags.length > 0 ? html`<dl class="article-taxonomy">
${termRow("People", a.people, "people")}
${termRow("Places", a.places, "places")}
${termRow("Tags", a.tags, "tags")}
</dl>` : ""}
</footer>
</article>
${a.newer || a.older ? html`<nav class="article-neighbours" aria-label="More articles">
<ul>
${a.older ? html`<li class="older"><span class="neighbour-label">Older</span> <a rel="prev" href="${link(a.older.url)}">${a.older.title}</a></li>` : ""}
${a.newer ? html`<li class="newer"><span class="neighbour-label">Newer</span> <a rel="next" href="${link(a.newer.url)}">${a.newer.title}</a></li>` : ""}
</ul>
</nav>` : ""}`;
  return renderDocument(page, ctx, { main, head: renderArticleMetadata(page, ctx) });
}
