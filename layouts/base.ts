import { html, type SafeHtml } from "../src/html.js";
import type { HtmlPageSpec, Link } from "../src/pages.js";
import { ARCHIVE_URL, FEED_ATOM_URL, FEED_JSON_URL, FRONT_PAGE_URL, SEARCH_URL, hubUrl } from "../src/urls.js";
import type { RenderContext } from "./context.js";

export interface DocumentParts {
  readonly main: SafeHtml;
  /** Extra elements for `<head>` (pagination links, a term's feed, metadata). */
  readonly head?: SafeHtml;
}

/** The frame of every HTML page: head, header with search, breadcrumbs, main, footer. */
export function renderDocument(page: HtmlPageSpec, ctx: RenderContext, parts: DocumentParts): string {
  const { site, link } = ctx;
  const title = page.kind === "listing" && page.variant === "front" && page.pagination.number === 1 ? site.title : `${page.title} — ${site.title}`;
  const isNotFound = page.kind === "not-found";
  return (
    "<!DOCTYPE html>\n" +
    html`<html lang="${site.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
${page.description ? html`<meta name="description" content="${page.description}">` : ""}
${isNotFound ? "" : html`<link rel="canonical" href="${ctx.absolute(page.url)}">`}
<link rel="stylesheet" href="${link(ctx.stylesheetUrl)}">
<link rel="alternate" type="application/atom+xml" title="${site.title}" href="${link(FEED_ATOM_URL)}">
<link rel="alternate" type="application/feed+json" title="${site.title}" href="${link(FEED_JSON_URL)}">
${parts.head ?? ""}
</head>
<body>
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap header-row">
<a class="site-name" href="${link(FRONT_PAGE_URL)}">${site.title}</a>
<nav class="site-nav" aria-label="Sections">
<ul>
<li><a href="${link(ARCHIVE_URL)}">Archive</a></li>
<li><a href="${link(hubUrl("people"))}">People</a></li>
<li><a href="${link(hubUrl("places"))}">Places</a></li>
<li><a href="${link(hubUrl("tags"))}">Tags</a></li>
</ul>
</nav>
<form class="site-search" role="search" action="${link(SEARCH_URL)}" method="get">
<label for="site-search-q" class="visually-hidden">Search the archive</label>
<input id="site-search-q" type="search" name="q" placeholder="Search the archive">
<button type="submit">Search</button>
</form>
</div>
</header>
${renderBreadcrumbs(page.breadcrumbs, ctx)}
<main id="main" class="wrap" tabindex="-1">
${parts.main}
</main>
<footer class="site-footer">
<div class="wrap">
<p>${site.title} · <a href="${link(FEED_ATOM_URL)}">Atom feed</a> · <a href="${link(FEED_JSON_URL)}">JSON feed</a></p>
</div>
</footer>
</body>
</html>
`.value
  );
}

function renderBreadcrumbs(crumbs: readonly Link[], ctx: RenderContext): SafeHtml | string {
  if (crumbs.length === 0) return "";
  return html`<nav class="breadcrumbs wrap" aria-label="Breadcrumb">
<ol>
${crumbs.map((crumb) => html`<li><a href="${ctx.link(crumb.url)}">${crumb.label}</a></li>`)}
</ol>
</nav>`;
}
