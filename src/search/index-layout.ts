/**
 * Where the search index sits in the built site, and the shard list the search page reads. Shared
 * by the indexer (src/search/index-search.ts), the search page layout and its script.
 *
 *   pagefind/shards.json           the list below
 *   pagefind/<from>.<hash>/        one Pagefind bundle per shard
 */
export const SEARCH_INDEX_DIR = "pagefind";
export const SHARD_LIST_FILE = "shards.json";

/** What `pagefind/shards.json` holds, and what `layouts/assets/search.js` reads. */
export interface ShardList {
  readonly version: 1;
  /** Oldest first. */
  readonly shards: readonly {
    /** Folder of the shard's Pagefind bundle, relative to `pagefind/`, ending in `/`. */
    readonly path: string;
    /** First and last month, `YYYY-MM`. */
    readonly from: string;
    readonly to: string;
    readonly years: readonly string[];
    readonly articles: number;
  }[];
}
