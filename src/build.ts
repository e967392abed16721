import { mkdir, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { renderPagesWithEleventy } from "./eleventy/render-pages.js";
import type { Issue } from "./errors.js";
import { acquireBuildLock } from "./output/build-lock.js";
import { stageSite, type SiteTrees, type WriteStats } from "./output/write-site.js";
import { prepareSite } from "./prepare-site.js";
import type { NameResolver } from "./site-model.js";

export interface BuildOptions {
  readonly projectDir: string;
  readonly contentDir?: string;
  readonly outputDir?: string;
  /** Where Dateline keeps state between builds (the standby tree, manifests, lock). */
  readonly stateDir?: string;
  readonly includeDrafts?: boolean;
  readonly pathPrefix?: string;
  readonly resolveName?: NameResolver;
  /** Eleventy config file; defaults to the project's `.eleventy.ts`, else Dateline's own. */
  readonly configPath?: string;
  /** Steps after rendering that add files to the staged site before it goes live (search index). */
  readonly afterStage?: (stagedDir: string) => Promise<void>;
  readonly log?: (line: string) => void;
}

export interface BuildReport {
  readonly pages: number;
  readonly articles: number;
  readonly drafts: number;
  readonly warnings: readonly Issue[];
  readonly write: WriteStats;
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * One whole build: validate every article, model the site, render every page, then make the new
 * site live in one swap. Any failure before the swap leaves the output folder as it was.
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

  const site = await prepareSite({
    contentDir,
    projectDir,
    includeDrafts: options.includeDrafts ?? false,
    ...(options.pathPrefix !== undefined ? { pathPrefix: options.pathPrefix } : {}),
    ...(options.resolveName ? { resolveName: options.resolveName } : {}),
  });
  lap("read+validate+model");

  const pages = await renderPagesWithEleventy(site, projectDir, contentDir, outputDir, options.configPath);
  lap("render");
  const files = new Map<string, string | Uint8Array>(pages);
  for (const [path, content] of site.assets) files.set(path, content);

  const trees = await siteTrees(outputDir, stateDir);
  const lock = await acquireBuildLock(join(stateDir, `build-${basename(outputDir)}.lock`), { outputLabel: outputDir });
  try {
    const staged = await stageSite(trees, files);
    lap("write");
    if (options.afterStage) {
      await options.afterStage(staged.dir);
      lap("search index");
    }
    await staged.commit();
    lap("write");
    return {
      pages: pages.size,
      articles: site.model.articles.length,
      drafts: site.drafts,
      warnings: site.warnings,
      write: staged.stats,
      timings,
    };
  } finally {
    await lock.release();
  }
}

/** The standby tree must sit on the output's file system so the swap is a rename. */
async function siteTrees(outputDir: string, stateDir: string): Promise<SiteTrees> {
  await mkdir(stateDir, { recursive: true });
  await mkdir(dirname(outputDir), { recursive: true });
  const [stateDev, outputParentDev] = await Promise.all([stat(stateDir).then((s) => s.dev), stat(dirname(outputDir)).then((s) => s.dev)]);
  const standby =
    stateDev === outputParentDev
      ? join(stateDir, `standby-${basename(outputDir)}`)
      : join(dirname(outputDir), `.${basename(outputDir)}.dateline-standby`);
  return { output: outputDir, standby, stateDir };
}
