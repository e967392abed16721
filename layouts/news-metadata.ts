import { html, inlineJson, type SafeHtml } from "../src/html.js";
import type { ArticlePage } from "../src/pages.js";
import type { RenderContext } from "./context.js";

/**
 * The head of an article page for social sites and search engines: Open Graph, a Twitter card and
 * the schema.org `NewsArticle` JSON-LD (data from `src/news-metadata.ts`, serialised by
 * `inlineJson` so a headline holding `</script>` stays text).
 */
export function renderArticleMetadata(page: ArticlePage, ctx: RenderContext): SafeHtml {
  const a = page.article;
  const description = page.description ?? a.excerpt;
  const meta = page.metadata;
  return html`<meta property="og:type" content="article">
<meta property="og:title" content="${a.title}">
<meta property="og:description" content="${description}">
<meta property="og:url" content="${ctx.absolute(page.url)}">
<meta property="og:site_name" content="${ctx.site.title}">
${meta ? html`<meta property="article:published_time" content="${meta.publishedTime}">
<meta property="article:modified_time" content="${meta.modifiedTime}">` : ""}
${a.tags.map((tag) => html`<meta property="article:tag" content="${tag.label}">
`)}<meta name="twitter:card" content="summary">
<meta name="twitter:title" content="${a.title}">
<meta name="twitter:description" content="${description}">
${meta ? html`<script type="application/ld+json">${inlineJson(meta.jsonLd)}</script>` : ""}`;
}
