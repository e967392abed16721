/**
 * Splits the archive's article pages into search shards: runs of whole months, oldest first. Each
 * shard becomes one Pagefind index, built by its own Pagefind process and merged in the browser
 * (docs/search.md has the measurements behind these numbers).
 *
 * - Memory: Pagefind holds a whole index in memory while it builds it (~0.15 MB an article page
 *   here), so a cap on articles per shard caps the indexer's memory at any archive size.
 * - Bytes: a query costs the browser one index chunk per word *per shard* (~35 KB each at 5,000
 *   articles a shard, nearly as much for a small shard), so shards are as large as memory allows.
 * - Rebuilds: months are packed greedily from the oldest into groups of up to `maxArticles`. Only
 *   the last group still grows (new articles land in recent months); the groups before it are
 *   sealed, and their indexes are carried forward build after build. The open group is cut into
 *   blocks of up to `tailArticles`: the block still filling is one shard, so adding an article
 *   re-indexes at most `tailArticles` pages; the completed blocks before it are one more shard,
 *   re-indexed once per completed block; a full open group is sealed as one shard. So an archive of
 *   N articles has at most N / `maxArticles` + 2 shards.
 */

/** Articles per sealed shard: ~0.75 GiB of Pagefind memory (measured 1.5 GiB for 10,000 pages). */
export const MAX_SHARD_ARTICLES = 5_000;
/** Articles per shard of the open group: what one new article costs to re-index (~3 ms a page). */
export const TAIL_SHARD_ARTICLES = 1_000;

export interface ShardLimits {
  readonly maxArticles?: number;
  readonly tailArticles?: number;
}

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

export function planSearchShards(outputPaths: Iterable<string>, limits: ShardLimits = {}): SearchShard[] {
  const maxArticles = limits.maxArticles ?? MAX_SHARD_ARTICLES;
  const tailArticles = Math.min(limits.tailArticles ?? TAIL_SHARD_ARTICLES, maxArticles);
  const byMonth = new Map<string, string[]>();
  for (const path of outputPaths) {
    const month = articleMonthOf(path);
    if (month === null) continue;
    const list = byMonth.get(month);
    if (list) list.push(path);
    else byMonth.set(month, [path]);
  }
  const months = [...byMonth.keys()].sort();
  const sizeOf = (month: string) => byMonth.get(month)!.length;
  const groups = packMonths(months, sizeOf, maxArticles);
  const open = groups.pop();
  if (open) {
    // The open group as at most two shards: its completed blocks of `tailArticles` as one, and the
    // block still filling. The first changes only when a block completes, the second every time.
    const blocks = packMonths(open, sizeOf, tailArticles);
    const filling = blocks.pop()!;
    if (blocks.length > 0) groups.push(blocks.flat());
    groups.push(filling);
  }

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

/** Greedy, oldest first; a month is never split, so a month larger than the cap is a group of its own. */
function packMonths(months: readonly string[], sizeOf: (month: string) => number, cap: number): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  let count = 0;
  for (const month of months) {
    const size = sizeOf(month);
    if (current.length > 0 && count + size > cap) {
      groups.push(current);
      current = [];
      count = 0;
    }
    current.push(month);
    count += size;
  }
  if (current.length > 0) groups.push(current);
  return groups;
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
