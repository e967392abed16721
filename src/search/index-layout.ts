/**
 * Where the search index sits in the built site, and the shard list the search page reads. Shared
 * by the indexer (src/search/index-search.ts), the search page layout and its script.
 *
 *   pagefind/shards.json           the list below
 *   pagefind/<from>.<hash>/        one Pagefind bundle per shard
 */
export const SEARCH_INDEX_DIR = "pagefind";
export const SHARD_LIST_FILE = "shards.json";
/** Pagefind's entry file in each bundle, which names the language's metadata and WebAssembly. */
export const PAGEFIND_ENTRY_FILE = "pagefind-entry.json";

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
    /**
     * The files Pagefind loads before it can search this shard, relative to `path`: its entry, its
     * metadata and its WebAssembly. The search page preloads them all at once instead of letting
     * Pagefind discover them one round trip after another.
     */
    readonly preload: {
      /** `pagefind-entry.json?ts=<tag>`: the tag is Pagefind's `metaCacheTag`, fixed per shard. */
      readonly entry: string;
      readonly meta: string;
      readonly wasm: string;
    };
  }[];
}
