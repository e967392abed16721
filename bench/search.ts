import { readFile, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "../tests/helpers/browser.js";
import { startStaticServer } from "../tests/helpers/static-server.js";
import { SEARCH_INDEX_DIR, SHARD_LIST_FILE, type ShardList } from "../src/search/index-layout.js";
import { indexSearch, type SearchTuning } from "../src/search/index-search.js";

/**
 * Search figures for `npm run bench`, over a site already built (with or without its index):
 * indexing time and size on disk, and what a visitor's first query costs, measured in Chromium
 * against the site served on 127.0.0.1 — bytes over the wire (every request the page makes, the
 * HTML and scripts included) and milliseconds from navigation to the first results on screen.
 * Prints nothing and asserts nothing; the caller tabulates.
 */
export interface SearchBenchResult {
  readonly indexSeconds: number;
  readonly indexBytes: number;
  readonly firstQueryBytes: number;
  /**
   * Median over the repeats, and the fastest: from navigation to the first result on screen (each
   * result is shown as soon as it and those above it are in), and to the whole first page of them.
   */
  readonly firstResultsMs: number;
  readonly firstResultsMinMs: number;
  readonly firstPageMs: number;
  /** The median again with `latencyMs` added to every request, as over a real network. */
  readonly latencyMs: number;
  readonly firstResultsWithLatencyMs: number;
  /**
   * On the search page opened without a query (it loads Pagefind meanwhile): from submitting the
   * query to its results on screen, median and fastest, and the bytes that query fetched itself.
   */
  readonly typedResultsMs: number;
  readonly typedResultsMinMs: number;
  readonly typedQueryBytes: number;
  readonly shards: number;
  readonly query: string;
  readonly results: number;
  /** Bytes of the first query by kind: html, script, shard list, wasm, meta, index chunks, filters, fragments. */
  readonly breakdown: Readonly<Record<string, number>>;
}

export interface SearchBenchOptions extends SearchTuning {
  /** The words to search for; by default a person's name from an article in the middle of the archive. */
  readonly query?: string;
  /** Serve text gzipped, as hosts do (Pagefind's own files are compressed already). Default true. */
  readonly gzip?: boolean;
  /** The site's language tag (`<html lang>` of its front page by default). */
  readonly language?: string;
  /** Visits for the time to first results (min and median). Default 5. */
  readonly repeats?: number;
  /** Round-trip time added to every request for the "over a network" figure. Default 40 ms. */
  readonly latencyMs?: number;
}

export async function benchSearch(siteDir: string, options: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const language = options.language ?? (await siteLanguage(siteDir));
  // From nothing: a bench measures a full index, not a carried-forward one.
  await rm(join(siteDir, SEARCH_INDEX_DIR), { recursive: true, force: true });
  const started = performance.now();
  const report = await indexSearch({
    stagedDir: siteDir,
    language,
    ...(options.maxShardArticles !== undefined ? { maxShardArticles: options.maxShardArticles } : {}),
    ...(options.tailShardArticles !== undefined ? { tailShardArticles: options.tailShardArticles } : {}),
    ...(options.concurrency !== undefined ? { concurrency: options.concurrency } : {}),
  });
  const indexSeconds = (performance.now() - started) / 1000;
  const indexBytes = await folderBytes(join(siteDir, SEARCH_INDEX_DIR));
  const query = options.query ?? (await pickQuery(siteDir));

  const server = await startStaticServer(siteDir, { gzip: options.gzip ?? true });
  const browser = await launchChromium();
  try {
    const url = `${server.url}/search/?q=${encodeURIComponent(query)}`;
    // Each visit in a fresh context: a first visit, nothing cached. The figures are noisy on a busy
    // 2-core machine, so the first query is repeated and reported as min and median.
    const visits: FirstQuery[] = [];
    for (let i = 0; i < (options.repeats ?? 5); i++) visits.push(await firstQuery(browser, url, 0));
    const latency = options.latencyMs ?? 40;
    const slow: number[] = [];
    for (let i = 0; i < 3; i++) slow.push((await firstQuery(browser, url, latency)).ms);
    const times = visits.map((visit) => visit.ms);
    const typed: TypedQuery[] = [];
    for (let i = 0; i < (options.repeats ?? 5); i++) typed.push(await typedQuery(browser, `${server.url}/search/`, query));
    const typedTimes = typed.map((visit) => visit.ms);
    const { bytes, breakdown, results } = visits[0]!;
    return {
      indexSeconds,
      indexBytes,
      firstQueryBytes: bytes,
      firstResultsMs: median(times),
      firstResultsMinMs: Math.min(...times),
      firstPageMs: median(visits.map((visit) => visit.pageMs)),
      latencyMs: latency,
      firstResultsWithLatencyMs: median(slow),
      typedResultsMs: median(typedTimes),
      typedResultsMinMs: Math.min(...typedTimes),
      typedQueryBytes: typed[0]!.bytes,
      shards: report.shards,
      query,
      results,
      breakdown,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

interface FirstQuery {
  readonly ms: number;
  readonly pageMs: number;
  readonly bytes: number;
  readonly breakdown: Record<string, number>;
  readonly results: number;
}

/** One visit to the search page with a query: time to first results, and every byte it fetched. */
export async function firstQuery(browser: Browser, url: string, latencyMs: number): Promise<FirstQuery> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    if (latencyMs > 0) {
      // Every request waits this long for its response, as over a real network.
      const cdp = await context.newCDPSession(page);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: latencyMs, downloadThroughput: -1, uploadThroughput: -1 });
    }
    const sizes: Promise<{ path: string; bytes: number }>[] = [];
    page.on("requestfinished", (request) => {
      sizes.push(
        request.sizes().then((size) => ({ path: new URL(request.url()).pathname, bytes: size.responseBodySize + size.responseHeadersSize })),
      );
    });
    await page.goto(url);
    // The whole first page is marked after its first result, so both times are in once it is.
    await page.waitForFunction(() => performance.getEntriesByName("dateline-search-page-shown").length > 0 || /^No articles/.test(document.querySelector(".search-status")?.textContent ?? ""), undefined, { timeout: 60_000 });
    const { ms, pageMs } = await page.evaluate(() => {
      const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
      return { ms: at("dateline-search-results"), pageMs: at("dateline-search-page-shown") };
    });
    const results = await page.evaluate(() => document.querySelectorAll(".search-result").length);
    // Let the requests that finished just before the results report their sizes.
    await page.waitForLoadState("networkidle");
    const finished = await Promise.all(sizes);
    const breakdown: Record<string, number> = {};
    for (const { path, bytes } of finished) breakdown[kindOf(path)] = (breakdown[kindOf(path)] ?? 0) + bytes;
    return { ms, pageMs, bytes: finished.reduce((sum, entry) => sum + entry.bytes, 0), breakdown, results };
  } finally {
    await context.close();
  }
}

interface TypedQuery {
  readonly ms: number;
  readonly bytes: number;
}

/**
 * A visitor who opens the search page and then types: the page is left to load Pagefind (it marks
 * `dateline-search-ready`), the query goes in the box and the form is submitted, and the time runs
 * from the submit to the first results on screen. Bytes are those fetched after the submit.
 */
export async function typedQuery(browser: Browser, url: string, query: string): Promise<TypedQuery> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    let submitted = false;
    const sizes: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      if (submitted) sizes.push(request.sizes().then((size) => size.responseBodySize + size.responseHeadersSize));
    });
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName("dateline-search-ready").length > 0, undefined, { timeout: 60_000 });
    await page.fill("#search-q", query);
    submitted = true;
    const start = await page.evaluate(() => {
      const started = performance.now();
      document.querySelector<HTMLFormElement>(".search-form")!.requestSubmit();
      return started;
    });
    await page.waitForFunction(() => performance.getEntriesByName("dateline-search-results").length > 0, undefined, { timeout: 60_000 });
    const end = await page.evaluate(() => performance.getEntriesByName("dateline-search-results")[0]!.startTime);
    await page.waitForLoadState("networkidle");
    const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    return { ms: end - start, bytes };
  } finally {
    await context.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

function kindOf(path: string): string {
  if (path.endsWith(".html") || path.endsWith("/")) return "html";
  if (path.endsWith(SHARD_LIST_FILE)) return "shard list";
  if (path.endsWith(".css")) return "css";
  if (path.endsWith(".js")) return "script";
  if (path.endsWith(".pagefind")) return "wasm";
  if (path.endsWith(".pf_meta") || path.endsWith("pagefind-entry.json")) return "meta";
  if (path.endsWith(".pf_index")) return "index chunks";
  if (path.endsWith(".pf_filter")) return "filters";
  if (path.endsWith(".pf_fragment")) return "fragments";
  return "other";
}

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

async function siteLanguage(siteDir: string): Promise<string> {
  const front = await readFile(join(siteDir, "index.html"), "utf8").catch(() => "");
  return /<html[^>]*\blang="([^"]+)"/.exec(front)?.[1] ?? "en";
}

/** A person's name from an article of the middle shard: what a researcher would type. */
async function pickQuery(siteDir: string): Promise<string> {
  const list = JSON.parse(await readFile(join(siteDir, SEARCH_INDEX_DIR, SHARD_LIST_FILE), "utf8")) as ShardList;
  const shard = list.shards[Math.floor(list.shards.length / 2)];
  if (shard) {
    const [year, month] = shard.from.split("-");
    const monthDir = join(siteDir, year!, month!);
    for (const day of (await readdir(monthDir).catch(() => [] as string[])).sort()) {
      if (!/^\d{2}$/.test(day)) continue;
      for (const slug of await readdir(join(monthDir, day))) {
        const html = await readFile(join(monthDir, day, slug, "index.html"), "utf8");
        const name = /data-pagefind-filter="person:[^"]*">([^<]+)</.exec(html)?.[1];
        if (name) return name;
      }
    }
  }
  return "council";
}
