import { html } from "../src/html.js";

/**
 * The banner `npm start` puts on every page while the last build failed: the site shown is the last
 * good one, and the reason it is not the newest is on screen, not only in the terminal.
 */
export function renderBuildErrorBanner(message: string): string {
  return html`<div role="alert" style="position:sticky;top:0;z-index:1000;margin:0;padding:0.75rem 1rem;background:#7a1c0c;color:#fff;font:0.875rem/1.4 ui-monospace,monospace;max-height:50vh;overflow:auto">
<strong style="font:600 1rem system-ui,sans-serif">The last build failed — this is the last good site.</strong>
<pre style="white-space:pre-wrap;margin:0.5rem 0 0">${message}</pre>
</div>`.value;
}

/** Puts the banner at the start of a page's body (or at the start of the page when it has none). */
export function withBuildErrorBanner(page: string, message: string): string {
  const banner = renderBuildErrorBanner(message);
  const body = /<body[^>]*>/i.exec(page);
  return body ? page.slice(0, body.index + body[0].length) + banner + page.slice(body.index + body[0].length) : banner + page;
}
