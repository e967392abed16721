import { html } from "../src/html.js";
import type { ArchivePage } from "../src/pages.js";
import { renderDocument } from "./base.js";
import type { RenderContext } from "./context.js";
import { renderTermList } from "./parts.js";

/** Every year and month with counts. */
export function renderArchivePage(page: ArchivePage, ctx: RenderContext): string {
  const main = html`<h1>${page.heading}</h1>
${page.years.length === 0 ? html`<p class="empty">No articles yet.</p>` : ""}
${page.years.map(
  (year) => html`<section class="archive-year" aria-labelledby="year-${year.label}">
<h2 id="year-${year.label}"><a href="${ctx.link(year.url)}">${year.label}</a> <span class="count">${year.count.toLocaleString("en")}<span class="visually-hidden"> ${year.count === 1 ? "article" : "articles"}</span></span></h2>
${renderTermList(year.months, ctx, "terms months-list")}
</section>`,
)}`;
  return renderDocument(page, ctx, { main });
}
