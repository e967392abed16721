import type { ArticleDate } from "./dates.js";

/** The date taxonomy: years newest first, each with its months newest first. One pass. */
export interface MonthGroup<A> {
  readonly year: string;
  readonly month: string;
  readonly articles: readonly A[];
}

export interface YearGroup<A> {
  readonly year: string;
  readonly articles: readonly A[];
  readonly months: readonly MonthGroup<A>[];
}

/** `articles` must be sorted newest first; groups keep that order. */
export function buildArchive<A>(articles: readonly A[], dateOf: (article: A) => ArticleDate): YearGroup<A>[] {
  const years: { year: string; articles: A[]; months: { year: string; month: string; articles: A[] }[] }[] = [];
  for (const article of articles) {
    const day = dateOf(article).day;
    const year = day.slice(0, 4);
    const month = day.slice(5, 7);
    let yearGroup = years[years.length - 1];
    if (!yearGroup || yearGroup.year !== year) {
      yearGroup = { year, articles: [], months: [] };
      years.push(yearGroup);
    }
    yearGroup.articles.push(article);
    let monthGroup = yearGroup.months[yearGroup.months.length - 1];
    if (!monthGroup || monthGroup.month !== month) {
      monthGroup = { year, month, articles: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.articles.push(article);
  }
  return years;
}
