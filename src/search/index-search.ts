import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { listFiles } from "../output/write-site.js";
import { readPagefindVersion, resolvePagefindBinary, runPagefind, SearchIndexError } from "./pagefind-cli.js";
import { PAGEFIND_ENTRY_FILE, SEARCH_INDEX_DIR, SHARD_LIST_FILE, type ShardList } from "./index-layout.js";
import { planSearchShards, type SearchShard } from "./shard-plan.js";
import { recutBundleWordIndex } from "./word-index-chunks.js";
import { forEachWithLimit } from "../concurrency.js";
import { stepReporter, type ProgressListener } from "../build-progress.js";

/**
 * Builds the site's search index into the staged tree, one Pagefind index per shard (see
 * shard-plan.ts), under `pagefind/` (see index-layout.ts).
 *
 * A shard's folder is named by a hash of everything its index is made from (Pagefind's version,
 * the language, each article page's path and bytes), so an unchanged shard has the same folder name
 * build after build. The staged tree is the build before last and `_site/` the last build; a shard
 * found in either is kept or hard-linked instead of re-indexed, so adding one article re-indexes one
 * shard. The name is also the cache key a browser sees: a shard's files never change under a URL.
 */

/** Bumped when what Dateline asks of Pagefind or does to its output changes (flags, pruning, chunking), to re-index every shard. */
const INDEX_FORMAT = "dateline-search-2";
/** Pagefind's UI bundles: Dateline has its own search page, so they are not published. */
const UNUSED_BUNDLE_FILE = /^pagefind-(component-ui|modular-ui|ui|highlight)\.(js|css)$|^playground$/;

/** Sharding knobs; the defaults suit any archive size. */
export interface SearchTuning {
  readonly maxShardArticles?: number;
  readonly tailShardArticles?: number;
  /** Uncompressed bytes per word-index chunk (see word-index-chunks.ts). */
  readonly wordChunkBytes?: number;
  /** Pagefind processes at once. Each holds one shard's index in memory. */
  readonly concurrency?: number;
}

export interface SearchIndexOptions extends SearchTuning {
  /** The staged site (complete HTML); the index is written into its `pagefind/`. */
  readonly stagedDir: string;
  /** The live site, whose shards may be reused (hard-linked) when the staged tree lacks them. */
  readonly outputDir?: string;
  /** Every output path of the site, when the caller knows them; listed from `stagedDir` otherwise. */
  readonly paths?: Iterable<string>;
  /** A hash of a staged file's bytes, when the caller knows it; the file is read otherwise. */
  readonly hashOf?: (path: string) => string | undefined;
  /** The site's language tag; its primary subtag is Pagefind's `--force-language`. */
  readonly language: string;
  readonly log?: (line: string) => void;
  /** Told how many articles of the changed shards are indexed so far (each shard as it ends). */
  readonly onProgress?: ProgressListener;
}

export interface SearchIndexReport {
  readonly articles: number;
  readonly shards: number;
  /** Shards Pagefind indexed in this build. */
  readonly indexed: number;
  /** Shards kept from the staged tree or linked from the live site. */
  readonly reused: number;
}

/** Two Pagefind processes at once: ~0.75 GiB each at the shard cap, and the machine has 2 cores. */
const DEFAULT_CONCURRENCY = 2;

export async function indexSearch(options: SearchIndexOptions): Promise<SearchIndexReport> {
  const root = join(options.stagedDir, SEARCH_INDEX_DIR);
  const paths = options.paths ?? (await listFiles(options.stagedDir));
  const shards = planSearchShards(paths, {
    ...(options.maxShardArticles !== undefined ? { maxArticles: options.maxShardArticles } : {}),
    ...(options.tailShardArticles !== undefined ? { tailArticles: options.tailShardArticles } : {}),
  });
  const language = pagefindLanguage(options.language);
  const binary = resolvePagefindBinary();
  const version = await readPagefindVersion(binary);

  const named: { shard: SearchShard; folder: string }[] = [];
  for (const shard of shards) {
    const hash = await hashShard(shard, version, language, options);
    named.push({ shard, folder: `${shard.from}.${hash.slice(0, 12)}` });
  }

  await mkdir(root, { recursive: true });
  const present = new Set(await readdir(root));
  const toIndex: typeof named = [];
  let reused = 0;
  for (const entry of named) {
    if (present.has(entry.folder)) {
      reused++;
      continue;
    }
    const live = options.outputDir ? join(options.outputDir, SEARCH_INDEX_DIR, entry.folder) : null;
    if (live && (await isDirectory(live))) {
      await linkTree(live, join(root, entry.folder));
      reused++;
    } else {
      toIndex.push(entry);
    }
  }

  const report = stepReporter(options.onProgress, "search", toIndex.reduce((sum, { shard }) => sum + shard.paths.length, 0), 1);
  let indexedArticles = 0;
  report?.(0);
  await forEachWithLimit(toIndex, options.concurrency ?? DEFAULT_CONCURRENCY, async ({ shard, folder }) => {
    const started = performance.now();
    // Built beside its final name, then renamed: a folder with a shard's name is always complete.
    const temporary = join(root, `.tmp-${folder}`);
    await rm(temporary, { recursive: true, force: true });
    await runPagefind(binary, { site: options.stagedDir, glob: shard.glob, outputPath: temporary, language });
    await checkPageCount(temporary, shard, language);
    for (const name of await readdir(temporary)) {
      if (UNUSED_BUNDLE_FILE.test(name)) await rm(join(temporary, name), { recursive: true, force: true });
    }
    await recutBundleWordIndex(temporary, language, options.wordChunkBytes);
    await rename(temporary, join(root, folder));
    report?.((indexedArticles += shard.paths.length));
    options.log?.(`search: indexed ${shard.paths.length} articles of ${shard.from}…${shard.to} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  });

  // Shards of older builds, and anything a killed build left, go.
  const wanted = new Set([...named.map((entry) => entry.folder), SHARD_LIST_FILE]);
  for (const name of await readdir(root)) {
    if (!wanted.has(name)) await rm(join(root, name), { recursive: true, force: true });
  }
  const shardEntries: ShardList["shards"][number][] = [];
  for (const { shard, folder } of named) {
    const preload = await preloadFiles(join(root, folder), folder, language);
    shardEntries.push({ path: `${folder}/`, from: shard.from, to: shard.to, years: shard.years, articles: shard.paths.length, preload });
  }
  const list: ShardList = { version: 1, shards: shardEntries };
  await writeFile(join(root, SHARD_LIST_FILE), JSON.stringify(list) + "\n");
  return { articles: shards.reduce((sum, shard) => sum + shard.paths.length, 0), shards: shards.length, indexed: toIndex.length, reused };
}

/** Files under `pagefind/`: the indexer keeps, reuses and removes them itself. */
export function isSearchIndexPath(path: string): boolean {
  return path.startsWith(SEARCH_INDEX_DIR + "/");
}

/** `en-GB` → `en`: Pagefind's stemmers are per language, and every shard must share one. */
export function pagefindLanguage(tag: string): string {
  return (tag.split("-")[0] ?? "en").toLowerCase() || "en";
}

async function hashShard(shard: SearchShard, version: string, language: string, options: SearchIndexOptions): Promise<string> {
  const hash = createHash("sha256").update(`${INDEX_FORMAT}\0${version}\0${language}\0`);
  for (const path of shard.paths) {
    const known = options.hashOf?.(path);
    const fileHash = known || createHash("sha1").update(await readFile(join(options.stagedDir, path))).digest("hex");
    hash.update(`${path}\0${fileHash}\0`);
  }
  return hash.digest("hex");
}

interface PagefindEntry {
  readonly languages: Record<string, { readonly hash: string; readonly wasm?: string; readonly page_count: number }>;
}

async function readEntry(bundle: string): Promise<PagefindEntry> {
  return JSON.parse(await readFile(join(bundle, PAGEFIND_ENTRY_FILE), "utf8")) as PagefindEntry;
}

/**
 * What Pagefind fetches before a shard can answer, by the names it will use: the entry (with the
 * shard's own cache tag, so it is cacheable: a shard's files never change under its folder name),
 * then the metadata and WebAssembly the entry names for the language.
 */
async function preloadFiles(bundle: string, folder: string, language: string): Promise<ShardList["shards"][number]["preload"]> {
  const index = (await readEntry(bundle)).languages[language];
  if (!index) throw new SearchIndexError(`search: the index in ${folder} has no language "${language}"`);
  return {
    entry: `${PAGEFIND_ENTRY_FILE}?ts=${shardCacheTag(folder)}`,
    meta: `pagefind.${index.hash}.pf_meta`,
    wasm: `wasm.${index.wasm ?? "unknown"}.pagefind`,
  };
}

/** `2001-01.9ddde2bdb846` → `9ddde2bdb846`: the content hash in a shard's folder name. */
function shardCacheTag(folder: string): string {
  return folder.slice(folder.lastIndexOf(".") + 1);
}

/** A glob that missed or over-matched pages would give a silently partial search. */
async function checkPageCount(bundle: string, shard: SearchShard, language: string): Promise<void> {
  const entry = await readEntry(bundle);
  const count = entry.languages[language]?.page_count ?? 0;
  if (count !== shard.paths.length) {
    throw new SearchIndexError(
      `search: Pagefind indexed ${count} pages for ${shard.from}…${shard.to} (glob ${shard.glob}); expected ${shard.paths.length} article pages\n` +
        `  hint: every article page must carry data-pagefind-body (layouts/article.ts)`,
    );
  }
}

async function isDirectory(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isDirectory() ?? false;
}

/**
 * Recreates `from` at `to` with hard links (a copy where links are refused). Safe because no build
 * ever writes into a shard's files: they are only created whole under a new name, or deleted.
 */
async function linkTree(from: string, to: string): Promise<void> {
  const temporary = `${to}.linking`;
  await rm(temporary, { recursive: true, force: true });
  const files = await listFiles(from);
  const dirs = new Set(files.map((file) => join(temporary, file, "..")));
  await mkdir(temporary, { recursive: true });
  for (const dir of dirs) await mkdir(dir, { recursive: true });
  await forEachWithLimit(files, 32, async (file) => {
    await link(join(from, file), join(temporary, file)).catch(() => copyFile(join(from, file), join(temporary, file)));
  });
  await rename(temporary, to);
}

