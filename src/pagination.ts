import { pageUrl } from "./urls.js";

/** One page of a listing: the front page, a person's articles, a month. */
export interface ListingPage<T> {
  readonly url: string;
  /** 1-based. */
  readonly number: number;
  readonly total: number;
  readonly items: readonly T[];
  readonly firstUrl: string;
  readonly lastUrl: string;
  readonly previousUrl?: string;
  readonly nextUrl?: string;
}

/**
 * Splits a listing into pages of `perPage` at `firstPageUrl`, `…/page/2/`, … An empty listing
 * still has its first page, so its URL never 404s.
 */
export function paginate<T>(items: readonly T[], perPage: number, firstPageUrl: string): ListingPage<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a whole number from 1; got ${perPage}`);
  const total = Math.max(1, Math.ceil(items.length / perPage));
  const lastUrl = pageUrl(firstPageUrl, total);
  const pages: ListingPage<T>[] = [];
  for (let number = 1; number <= total; number++) {
    pages.push({
      url: pageUrl(firstPageUrl, number),
      number,
      total,
      items: items.slice((number - 1) * perPage, number * perPage),
      firstUrl: firstPageUrl,
      lastUrl,
      ...(number > 1 ? { previousUrl: pageUrl(firstPageUrl, number - 1) } : {}),
      ...(number < total ? { nextUrl: pageUrl(firstPageUrl, number + 1) } : {}),
    });
  }
  return pages;
}
