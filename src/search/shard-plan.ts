/**
 * Splits the archive's article pages into search shards: runs of whole months, oldest first, each
 * holding at most `maxArticles` articles. Each shard becomes one Pagefind index, built by its own
 * Pagefind process and merged in the browser (docs/search.md says why).
 *
 * - Memory: Pagefind holds a whole index in memory while it builds it (~0.16 MB an article page
 *   here), so a cap on articles per shard is a cap on the indexer's peak memory at any archive size.
 * - Bytes: each shard costs the browser its own copy of the word chunk a query needs, so shards are
 *   as large as memory allows, and a small archive is a single index.
 * - Rebuilds: months are packed greedily from the oldest, so new articles (which land in recent
 *   months) change only the last shard; shards before it keep their contents and their hashes, and
 *   their indexes are carried forward instead of rebuilt.
 */

/** Articles per shard: ~0.8 GiB of Pagefind memory at most (measured 1.5 GiB for 10,000 pages). */
export const MAX_SHARD_ARTICLES = 5_000;

export interface SearchShard {
  /** First and last month held, `YYYY-MM`. The first names the shard: it moves least. */
  readonly from: string;
  readonly to: string;
  /** Years the shard has articles from (the search page merges only these for a year filter). */
  readonly years: readonly string[];
  /** Output paths of its article pages, sorted. */
  readonly paths: readonly string[];
  /** Pagefind `--glob` that matches exactly the article pages of these months. */
  readonly glob: string;
}

/**
 * Article pages are `YYYY/MM/DD/slug/index.html` (`articleUrl` in src/urls.ts); no other page has
 * two-digit month and day folders under a year.
 */
const ARTICLE_PAGE = /^(\d{4})\/(\d{2})\/\d{2}\/[^/]+\/index\.html$/;

/** The `YYYY-MM` of an article page's output path, or null for any other file. */
export function articleMonthOf(path: string): string | null {
  const match = ARTICLE_PAGE.exec(path);
  return match ? `${match[1]}-${match[2]}` : null;
}

export function planSearchShards(outputPaths: Iterable<string>, maxArticles: number = MAX_SHARD_ARTICLES): SearchShard[] {
  const byMonth = new Map<string, string[]>();
  for (const path of outputPaths) {
    const month = articleMonthOf(path);
    if (month === null) continue;
    const list = byMonth.get(month);
    if (list) list.push(path);
    else byMonth.set(month, [path]);
  }
  const months = [...byMonth.keys()].sort();
  const groups: string[][] = [];
  let current: string[] = [];
  let count = 0;
  for (const month of months) {
    const size = byMonth.get(month)!.length;
    // A month is never split: a month larger than the cap is a shard of its own.
    if (current.length > 0 && count + size > maxArticles) {
      groups.push(current);
      current = [];
      count = 0;
    }
    current.push(month);
    count += size;
  }
  if (current.length > 0) groups.push(current);

  return groups.map((group) => {
    const paths = group.flatMap((month) => byMonth.get(month)!).sort();
    return {
      from: group[0]!,
      to: group[group.length - 1]!,
      years: [...new Set(group.map((month) => month.slice(0, 4)))],
      paths,
      glob: globForMonths(group, months),
    };
  });
}

/**
 * A glob over the article pages of `group`: a year whose every month is in the group is one
 * `YYYY/*` alternative, other months are listed one by one.
 */
function globForMonths(group: readonly string[], allMonths: readonly string[]): string {
  const inGroup = new Set(group);
  const alternatives: string[] = [];
  const years = [...new Set(group.map((month) => month.slice(0, 4)))];
  for (const year of years) {
    const monthsOfYear = allMonths.filter((month) => month.startsWith(year + "-"));
    if (monthsOfYear.every((month) => inGroup.has(month))) alternatives.push(`${year}/*`);
    else for (const month of monthsOfYear.filter((m) => inGroup.has(m))) alternatives.push(`${year}/${month.slice(5)}`);
  }
  const folders = alternatives.length === 1 ? alternatives[0]! : `{${alternatives.join(",")}}`;
  return `${folders}/*/*/index.html`;
}
