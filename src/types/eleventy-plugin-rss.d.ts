// The plain helper functions of @11ty/eleventy-plugin-rss 3 that Dateline's feeds use. The package
// ships JavaScript only; these are its exports as `.eleventy.js` names them.
declare module "@11ty/eleventy-plugin-rss" {
  /** RFC 3339 in UTC without milliseconds: "2024-04-11T00:00:00Z" (Atom dates). */
  export function dateToRfc3339(date: Date): string;
  /** `new URL(url, base).toString()`, or `url` unchanged when it cannot be resolved. */
  export function absoluteUrl(url: string, base: string): string;
  /** The newest `date` of the items, or the fallback (else now) when there are none. */
  export function getNewestCollectionItemDate(items: readonly { date: Date }[], emptyFallbackDate?: Date): Date;
}
