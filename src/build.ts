import { mkdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { ArticleCache } from "./build-cache/article-cache.js";
import { codeVersion } from "./build-cache/code-version.js";
import { contextKey, loadPageRecords, pageKey, savePageRecords } from "./build-cache/page-plan.js";
import { stepReporter, type ProgressListener } from "./build-progress.js";
import type { Issue } from "./errors.js";
import { acquireBuildLock } from "./output/build-lock.js";
import { mainThreadOnly, startBuildThreads, type BuildThreads } from "./build-threads.js";
import { listArticleFiles } from "./load-articles.js";
import { checkOutputFolder } from "./output/output-guard.js";
import { hashContent, hasOutputManifest, isReusable, openStaging, prepareTrees, type SiteTrees, type WriteStats } from "./output/write-site.js";
import type { PageSpec } from "./pages.js";
import { prepareSite, type PreparedSite } from "./prepare-site.js";
import { indexSearch, isSearchIndexPath, type SearchIndexReport, type SearchTuning } from "./search/index-search.js";
import type { NameResolver } from "./site-model.js";
import type { SitemapOptions } from "./sitemap.js";
import { outputPathForUrl } from "./urls.js";

export interface BuildOptions {
  readonly projectDir: string;
  readonly contentDir?: string;
  readonly outputDir?: string;
  /** Where Dateline keeps state between builds (the standby tree, manifests, lock). */
  readonly stateDir?: string;
  readonly includeDrafts?: boolean;
  readonly pathPrefix?: string;
  readonly resolveName?: NameResolver;
  /** Splits the sitemap sooner than the protocol's 50,000 URLs (tests of the split). */
  readonly sitemap?: SitemapOptions;
  /** Eleventy config file; defaults to the project's `.eleventy.ts`, else Dateline's own. */
  readonly configPath?: string;
  /**
   * Builds the search index (Pagefind, docs/search.md) into the staged site. On unless false
   * (`--no-search`); an object tunes the sharding (tests, benchmarks).
   */
  readonly search?: boolean | SearchTuning;
  /** Steps after rendering that add files to the staged site before it goes live. */
  readonly afterStage?: (stagedDir: string) => Promise<void>;
  /**
   * A helper thread that scans the output trees and renders through Eleventy while the main thread
   * reads, models and writes (`build-threads.ts`). By default one is started for archives of
   * `THREADED_ARCHIVE` articles or more, where it pays for its start-up; true or false forces it
   * (tests). Given threads (`startBuildThreads`) are used and left open: a long-lived process keeps
   * them between builds, so a rebuild finds Eleventy loaded.
   */
  readonly threads?: boolean | BuildThreads;
  readonly log?: (line: string) => void;
  /** Told how far each step has got (articles read, pages done, articles indexed), for a progress display. */
  readonly onProgress?: ProgressListener;
}

/** Articles from which worker threads are used by default (see `BuildOptions.threads`). */
export const THREADED_ARCHIVE = 1_000;

export interface BuildReport {
  readonly pages: number;
  /** Pages rendered this time; the others were unchanged since the last build and reused. */
  readonly rendered: number;
  /** Articles parsed this time; the others came from the cache of parsed articles. */
  readonly parsed: number;
  readonly articles: number;
  readonly drafts: number;
  readonly warnings: readonly Issue[];
  readonly write: WriteStats;
  readonly timings: Readonly<Record<string, number>>;
  /** Which steps ran on worker threads (see `BuildOptions.threads`). */
  readonly threads: { readonly scan: boolean; readonly render: boolean };
  /** Shards of the search index, and how many were indexed rather than reused. */
  readonly search?: SearchIndexReport;
}

/**
 * One build: validate every article, model the site, render the pages, then make the new site live
 * in one swap. Any failure before the swap leaves the output folder as it was.
 *
 * Incremental by default, from what `.dateline-cache/` keeps between builds: articles whose bytes
 * are unchanged are not parsed again, and pages whose spec, context and code are unchanged are not
 * rendered again — their bytes come from the previous build's trees. The output is the same, byte
 * for byte, as a build from an empty cache.
 */
export async function buildSite(options: BuildOptions): Promise<BuildReport> {
  const projectDir = resolve(options.projectDir);
  const contentDir = resolve(projectDir, options.contentDir ?? "content");
  const outputDir = resolve(projectDir, options.outputDir ?? "_site");
  const stateDir = resolve(projectDir, options.stateDir ?? ".dateline-cache");
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = (timings[name] ?? 0) + (now - mark) / 1000;
    mark = now;
  };

  // Each output folder has its own standby tree, manifests, page records and lock: two builds of
  // the same content into different folders (or folders of the same name) never share them.
  const outputStateDir = stateDirForOutput(stateDir, outputDir);
  const lock = await acquireBuildLock(join(outputStateDir, "build.lock"), { outputLabel: outputDir });
  let ownThreads: BuildThreads | undefined;
  try {
    // The trees are scanned, and Eleventy is loaded, on other threads while this one reads and
    // models the archive.
    const trees = await siteTrees(outputDir, outputStateDir);
    await prepareTrees(trees);
    // Before anything else: a folder that is not a Dateline site would be emptied by the swap.
    await checkOutputFolder({ output: outputDir, content: contentDir, project: projectDir }, hasOutputManifest(trees));
    const run = { projectDir, contentDir, outputDir, ...(options.configPath !== undefined ? { configPath: options.configPath } : {}) };
    // Listed once, here: the count decides on the helper thread, and the list is what is read.
    const files = await listArticleFiles(contentDir).catch(() => undefined);
    let threads: BuildThreads;
    if (typeof options.threads === "object") {
      threads = options.threads;
    } else {
      const helper = options.threads ?? (files?.length ?? 0) >= THREADED_ARCHIVE;
      threads = ownThreads = helper ? startBuildThreads(run) : mainThreadOnly(run);
    }
    const scanning = threads.scan(trees);
    // A build that fails before it needs the scan must not leave it unhandled.
    scanning.catch(() => undefined);
    const renderer = threads.renderer;
    const version = await codeVersion();
    const cache = await ArticleCache.load(join(stateDir, "articles"), version);
    let site: PreparedSite;
    try {
      site = await prepareSite({
        contentDir,
        projectDir,
        includeDrafts: options.includeDrafts ?? false,
        ...(options.pathPrefix !== undefined ? { pathPrefix: options.pathPrefix } : {}),
        ...(options.resolveName ? { resolveName: options.resolveName } : {}),
        ...(options.sitemap ? { sitemap: options.sitemap } : {}),
        cache,
        ...(files ? { files } : {}),
        ...(threads.parser ? { parser: threads.parser } : {}),
        onArticlesLoaded: () => lap("read+validate"),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
    } finally {
      // Even when an article is invalid: the next build, after the fix, parses only that one.
      await cache.save();
    }
    lap("model");

    const scan = await scanning;
    const recordsFile = join(outputStateDir, "pages.json");
    const previous = await loadPageRecords(recordsFile, version);
    const context = contextKey(version, { settings: site.settings, context: site.context });
    const search = options.search !== false;
    const tuning = typeof options.search === "object" ? options.search : {};
    const staging = await openStaging(trees, scan);
    const written = new Set<string>(site.assets.keys());
    await staging.write(site.assets);

    // Planning, rendering and writing overlap: pages whose key changed go to the renderer in
    // batches as they are found, and each batch is written while later ones are planned and
    // rendered. At most `RENDERS_IN_FLIGHT` batches are out at once, so memory holds a few batches
    // of HTML rather than the whole site (an archive of 100,000 tags is 200,000 pages).
    const keys = new Map<string, string>();
    const reused = new Map<string, string>();
    const inFlight: Promise<ReadonlyMap<string, string | Uint8Array>>[] = [];
    let batch: PageSpec[] = [];
    let batchSize = FIRST_RENDER_BATCH;
    let rendered = 0;
    // Pages done: kept unchanged, or rendered and written.
    const reportPages = stepReporter(options.onProgress, "pages", site.model.pages.length, IDLE_CHECK_EVERY);
    let pagesWritten = 0;
    reportPages?.(0);
    const writeRendered = async (keepInFlight: number) => {
      while (inFlight.length > keepInFlight) {
        const pages = await inFlight.shift()!;
        lap("render");
        for (const path of pages.keys()) written.add(path);
        await staging.write(pages);
        pagesWritten += pages.size;
        reportPages?.(pagesWritten + reused.size);
        lap("write");
      }
    };
    let renders = 0;
    const sendBatch = async () => {
      if (batch.length === 0) return;
      const rendering = renderer.render(batch, site.context);
      // Awaited in order below; a failure while an earlier batch is written must not go unhandled.
      rendering.catch(() => undefined);
      renders++;
      void rendering.finally(() => renders--).catch(() => undefined);
      inFlight.push(rendering);
      rendered += batch.length;
      batch = [];
      // Small first batches start the renderer early; later ones grow so Eleventy's per-run cost stays small.
      batchSize = Math.min(batchSize * 2, RENDER_BATCH);
      lap("plan");
      await writeRendered(RENDERS_IN_FLIGHT);
    };
    let planned = 0;
    for (const page of site.model.pages) {
      // Now and then the renderer's answers are let in; if it has nothing left to do, it gets
      // the pages found so far rather than waiting for a full batch (or for the end of planning).
      if (++planned % IDLE_CHECK_EVERY === 0) {
        reportPages?.(pagesWritten + reused.size);
        if (batch.length > 0) {
          await new Promise<void>((resume) => setImmediate(resume));
          if (renders === 0) await sendBatch();
        }
      }
      const path = outputPathForUrl(page.url);
      const key = pageKey(page, context);
      keys.set(path, key);
      if (previous.keyOf(path) === key) {
        const hash = previous.hashOf(path)!;
        if (isReusable(scan, path, hash)) {
          reused.set(path, hash);
          continue;
        }
      }
      batch.push(page.spec());
      if (batch.length >= batchSize) await sendBatch();
    }
    await sendBatch();
    lap("plan");
    // Unchanged pages are kept, or copied from the live site, while the last batches render: the
    // two sets never share a path.
    const reusing = staging.reuse(reused);
    reusing.catch(() => undefined);
    await writeRendered(0);
    await reusing;
    reportPages?.(site.model.pages.length);
    const staged = await staging.finish(search ? { keep: isSearchIndexPath } : {});
    lap("write");
    // The page records are saved while the search index is made. Saved before the swap, they are
    // still safe: a page is reused only when a tree's manifest vouches for the bytes a record names.
    const savingRecords = savePageRecords(recordsFile, version, keys, staged.hashOf);
    savingRecords.catch(() => undefined);
    let searchReport: SearchIndexReport | undefined;
    if (search) {
      searchReport = await indexSearch({
        stagedDir: staged.dir,
        outputDir,
        paths: [...written, ...reused.keys()],
        hashOf: staged.hashOf,
        language: site.settings.language,
        ...tuning,
        ...(options.log ? { log: options.log } : {}),
        ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      });
      lap("search index");
    }
    if (options.afterStage) {
      await options.afterStage(staged.dir);
      lap("search index");
    }
    await staged.commit();
    await savingRecords;
    lap("write");
    return {
      pages: written.size - site.assets.size + reused.size,
      rendered,
      parsed: cache.misses,
      articles: site.model.articles.length,
      drafts: site.drafts,
      warnings: site.warnings,
      write: staged.stats,
      timings,
      threads: { scan: scan.onWorker, render: rendered > 0 && renderer.onWorker },
      ...(searchReport ? { search: searchReport } : {}),
    };
  } finally {
    await ownThreads?.close();
    await lock.release();
  }
}

/** Pages rendered through Eleventy at a time, at most: small enough to bound memory, big enough that Eleventy's per-run cost stays small. */
const RENDER_BATCH = 4000;
/** The first batch: sent as soon as this many changed pages are found, so rendering starts early. */
const FIRST_RENDER_BATCH = 100;
/** Pages planned between looks at whether the renderer is idle. */
const IDLE_CHECK_EVERY = 500;
/** Batches sent to the renderer and not yet written. */
const RENDERS_IN_FLIGHT = 2;

/** The folder of state that belongs to one output folder: standby tree, manifests, page records, lock. */
export function stateDirForOutput(stateDir: string, outputDir: string): string {
  const output = resolve(outputDir);
  return join(resolve(stateDir), "outputs", `${basename(output)}-${hashContent(output).slice(0, 8)}`);
}

/** The standby tree must sit on the output's file system so the swap is a rename. */
async function siteTrees(outputDir: string, stateDir: string): Promise<SiteTrees> {
  await mkdir(stateDir, { recursive: true });
  await mkdir(dirname(outputDir), { recursive: true });
  const [stateDev, outputParentDev] = await Promise.all([stat(stateDir).then((s) => s.dev), stat(dirname(outputDir)).then((s) => s.dev)]);
  const standby =
    stateDev === outputParentDev
      ? join(stateDir, "standby")
      : join(dirname(outputDir), `.${basename(outputDir)}.dateline-standby`);
  return { output: outputDir, standby, stateDir };
}
