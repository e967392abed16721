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

// The same helpers from their own files: the package's main module loads the whole plugin (and with
// it much of Eleventy), about 0.5 s at start-up that a build which renders nothing should not pay.
declare module "@11ty/eleventy-plugin-rss/src/dateRfc3339.js" {
  /** RFC 3339 in UTC without milliseconds: "2024-04-11T00:00:00Z" (Atom dates). */
  export default function dateToRfc3339(date: Date): string;
}
declare module "@11ty/eleventy-plugin-rss/src/absoluteUrl.js" {
  /** `new URL(url, base).toString()`, or `url` unchanged when it cannot be resolved. */
  export default function absoluteUrl(url: string, base: string): string;
}
declare module "@11ty/eleventy-plugin-rss/src/getNewestCollectionItemDate.js" {
  /** The newest `date` of the items, or the fallback (else now) when there are none. */
  export default function getNewestCollectionItemDate(items: readonly { date: Date }[], emptyFallbackDate?: Date): Date;
}
