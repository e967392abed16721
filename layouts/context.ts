import type { SiteSettings } from "../src/settings.js";

/** What every layout may know besides its page: the site, and how to write a link. */
export interface RenderContext {
  readonly site: SiteSettings;
  /** A site URL as linked from a page: with the path prefix. */
  readonly link: (url: string) => string;
  /** A site URL made absolute on the base URL (canonical links, social cards). */
  readonly absolute: (url: string) => string;
  /** Site URL of the stylesheet (fingerprinted). */
  readonly stylesheetUrl: string;
  /** Site URL of the search page's script (fingerprinted); absent in contexts made for tests. */
  readonly searchScriptUrl?: string;
}
