import { html } from "../src/html.js";
import type { HubPage } from "../src/pages.js";
import { renderDocument } from "./base.js";
import type { RenderContext } from "./context.js";
import { renderTermList } from "./parts.js";

/** People, places, tags: every term A–Z with its number of articles. */
export function renderHubPage(page: HubPage, ctx: RenderContext): string {
  const anchor = (letter: string) => (letter === "#" ? "letter-other" : `letter-${letter.toLowerCase()}`);
  const main = html`<h1>${page.heading}</h1>
${page.groups.length === 0 ? html`<p class="empty">None yet.</p>` : html`<nav class="letters" aria-label="Jump to letter">
<ul>${page.groups.map((g) => html`<li><a href="#${anchor(g.letter)}">${g.letter}</a></li>`)}</ul>
</nav>
${page.groups.map(
  (g) => html`<section class="letter-group" aria-labelledby="${anchor(g.letter)}">
<h2 id="${anchor(g.letter)}">${g.letter}</h2>
${renderTermList(g.terms, ctx)}
</section>`,
)}`}`;
  return renderDocument(page, ctx, { main });
}
