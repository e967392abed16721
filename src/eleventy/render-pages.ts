import Eleventy from "@11ty/eleventy";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { outputPathForUrl } from "../urls.js";
import { provideRenderJob, type RenderJob } from "./site-source.js";

/** Dateline's own `.eleventy.ts`, used when the project folder has none of its own. */
const BUNDLED_CONFIG = fileURLToPath(new URL("../../.eleventy.ts", import.meta.url));

/** Where Eleventy runs: the project, its content and output folders, and its config. */
export interface EleventyRunOptions {
  readonly projectDir: string;
  readonly contentDir: string;
  readonly outputDir: string;
  /** Eleventy config file; defaults to the project's `.eleventy.ts`, else Dateline's own. */
  readonly configPath?: string;
}

/**
 * The Eleventy config for a project: the one given, else the project's own `.eleventy.ts`, else
 * Dateline's. A content-only project (just `content/`) must build from any folder.
 */
export function resolveEleventyConfig(projectDir: string, configPath?: string): string {
  if (configPath !== undefined) return resolve(projectDir, configPath);
  const own = resolve(projectDir, ".eleventy.ts");
  return existsSync(own) ? own : BUNDLED_CONFIG;
}

/**
 * Renders the job's pages through Eleventy (with the project's `.eleventy.ts`) into memory:
 * output path relative to the site root → HTML. Writing is the build's job, so that nothing is
 * written unless every page rendered.
 */
export function renderPagesWithEleventy(job: RenderJob, run: EleventyRunOptions): Promise<Map<string, string>> {
  // One run at a time: the plugin takes its pages from one global slot (see site-source.ts).
  const result = queue.then(() => renderNow(job, run));
  queue = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

let queue: Promise<void> = Promise.resolve();

async function renderNow(job: RenderJob, run: EleventyRunOptions): Promise<Map<string, string>> {
  provideRenderJob(job);
  try {
    const eleventy = new Eleventy(run.contentDir, run.outputDir, {
      configPath: resolveEleventyConfig(run.projectDir, run.configPath),
      quietMode: true,
      pathPrefix: job.context.site.pathPrefix,
    });
    const results = await eleventy.toJSON();
    const pages = new Map<string, string>();
    for (const result of results) {
      if (result.url === false) continue;
      pages.set(outputPathForUrl(result.url), result.content);
    }
    return pages;
  } finally {
    provideRenderJob(undefined);
  }
}
