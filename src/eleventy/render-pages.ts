import "./skip-esm-resolver.js";
import Eleventy from "@11ty/eleventy";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { RUNS_COMPILED, datelineFile } from "../source-root.js";
import { outputPathForUrl } from "../urls.js";
import { provideRenderJob, type RenderJob } from "./site-source.js";

/** Dateline's own `.eleventy.ts`, used when the project folder has none of its own. */
const BUNDLED_CONFIG_SOURCE = datelineFile(".eleventy.ts");
/** The same config as this thread can import it: compiled beside this module when Dateline runs compiled. */
const BUNDLED_CONFIG = RUNS_COMPILED ? fileURLToPath(new URL("../../.eleventy.js", import.meta.url)) : BUNDLED_CONFIG_SOURCE;

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
  const chosen = configPath !== undefined ? resolve(projectDir, configPath) : resolve(projectDir, ".eleventy.ts");
  if (configPath === undefined && !existsSync(chosen)) return BUNDLED_CONFIG;
  // Dateline's own repository builds with its own config: compiled, when Dateline runs compiled.
  return chosen === BUNDLED_CONFIG_SOURCE ? BUNDLED_CONFIG : chosen;
}

/**
 * Compiled, Dateline has no TypeScript loader; a project's own `.eleventy.ts` still needs one, so
 * tsx's is registered (once, in the thread that runs Eleventy) before Eleventy imports it.
 */
let typeScriptLoader: Promise<void> | undefined;
function loadTypeScriptFor(config: string): Promise<void> {
  if (!RUNS_COMPILED || !/\.[cm]?ts$/.test(config)) return Promise.resolve();
  typeScriptLoader ??= import("tsx/esm/api").then(({ register }) => {
    register();
  });
  return typeScriptLoader;
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
  const configPath = resolveEleventyConfig(run.projectDir, run.configPath);
  await loadTypeScriptFor(configPath);
  provideRenderJob(job);
  try {
    const eleventy = new Eleventy(run.contentDir, run.outputDir, {
      configPath,
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
