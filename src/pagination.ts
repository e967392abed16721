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

/** How many pages `count` items fill at `perPage`: at least one, so an empty listing's URL never 404s. */
export function pageCount(count: number, perPage: number): number {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError(`perPage must be a whole number from 1; got ${perPage}`);
  return Math.max(1, Math.ceil(count / perPage));
}

/** The range of `items` that page `number` (1-based) shows. */
export function pageRange(count: number, perPage: number, number: number): { readonly start: number; readonly end: number } {
  return { start: (number - 1) * perPage, end: Math.min(count, number * perPage) };
}

/** Page `number` of a listing split into pages of `perPage` at `firstPageUrl`, `…/page/2/`, … */
export function paginatePage<T>(items: readonly T[], perPage: number, firstPageUrl: string, number: number): ListingPage<T> {
  const total = pageCount(items.length, perPage);
  if (!Number.isInteger(number) || number < 1 || number > total) throw new RangeError(`page must be a whole number from 1 to ${total}; got ${number}`);
  const { start, end } = pageRange(items.length, perPage, number);
  return {
    url: pageUrl(firstPageUrl, number),
    number,
    total,
    items: items.slice(start, end),
    firstUrl: firstPageUrl,
    lastUrl: pageUrl(firstPageUrl, total),
    ...(number > 1 ? { previousUrl: pageUrl(firstPageUrl, number - 1) } : {}),
    ...(number < total ? { nextUrl: pageUrl(firstPageUrl, number + 1) } : {}),
  };
}

/** Every page of a listing (see `paginatePage`). */
export function paginate<T>(items: readonly T[], perPage: number, firstPageUrl: string): ListingPage<T>[] {
  const total = pageCount(items.length, perPage);
  return Array.from({ length: total }, (_, i) => paginatePage(items, perPage, firstPageUrl, i + 1));
}
