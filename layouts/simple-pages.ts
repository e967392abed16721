import { html } from "../src/html.js";
import type { NotFoundPage, SearchPage } from "../src/pages.js";
import { SEARCH_INDEX_DIR, SHARD_LIST_FILE } from "../src/search/index-layout.js";
import { DATE_ANCHOR_ID, TERM_ANCHOR_PREFIX } from "../src/search/page-attributes.js";
import { ARCHIVE_URL, FRONT_PAGE_URL, SEARCH_URL, hubUrl } from "../src/urls.js";
import { renderDocument } from "./base.js";
import type { RenderContext } from "./context.js";

export function renderNotFoundPage(page: NotFoundPage, ctx: RenderContext): string {
  const main = html`<h1>Page not found</h1>
<p>There is no page at this address. It may have moved when an article was renamed.</p>
<p>Try the <a href="${ctx.link(FRONT_PAGE_URL)}">front page</a>, the <a href="${ctx.link(ARCHIVE_URL)}">archive</a>, or the search box above.</p>`;
  return renderDocument(page, ctx, { main });
}

/**
 * The search page: a form that works as a plain GET form, and `layouts/assets/search.js`, which
 * reads the query from the URL and runs Pagefind in the browser (docs/search.md). Every URL the
 * script needs comes from here, through `ctx.link`, so it works under a path prefix.
 */
export function renderSearchPage(page: SearchPage, ctx: RenderContext): string {
  const { link } = ctx;
  const main = html`<h1>Search</h1>
<div id="search" class="search" data-index="${link(`/${SEARCH_INDEX_DIR}/`)}" data-site-root="${link(FRONT_PAGE_URL)}" data-search-page="${link(SEARCH_URL)}" data-term-anchor="${TERM_ANCHOR_PREFIX}" data-date-anchor="${DATE_ANCHOR_ID}">
<noscript><p>Search runs in your browser and needs JavaScript. Without it, browse by <a href="${link(hubUrl("people"))}">people</a>, <a href="${link(hubUrl("places"))}">places</a>, <a href="${link(hubUrl("tags"))}">tags</a> or the <a href="${link(ARCHIVE_URL)}">archive</a>.</p></noscript>
<form class="search-form" role="search" action="${link(SEARCH_URL)}" method="get" hidden>
<p class="search-query">
<label for="search-q">Words to find</label>
<input id="search-q" type="search" name="q" autocomplete="off">
<button type="submit">Search</button>
</p>
<p class="search-options">
<label for="search-year">Year</label>
<select id="search-year" name="year"><option value="">Any year</option></select>
<label for="search-sort">Order</label>
<select id="search-sort" name="sort"><option value="">Best match first</option><option value="newest">Newest first</option><option value="oldest">Oldest first</option></select>
</p>
</form>
<div class="search-filters" hidden></div>
<p class="search-status" role="status" aria-live="polite"></p>
<ol class="search-results"></ol>
<p class="search-more-row"><button type="button" class="search-more" hidden>More results</button></p>
</div>`;
  // The shard list is the first thing the script needs: fetch it while the page still loads. The
  // script is async in the head so it runs as soon as it arrives, not after the page's stylesheet
  // and layout, and asks for Pagefind's files from there (it finds the list by this link's id).
  const head = html`<link rel="preload" id="search-shard-list" href="${link(`/${SEARCH_INDEX_DIR}/${SHARD_LIST_FILE}`)}" as="fetch" crossorigin>
${ctx.searchScriptUrl ? html`<script type="module" async src="${link(ctx.searchScriptUrl)}"></script>` : ""}`;
  return renderDocument(page, ctx, { main, head });
}
