import { readFile, stat } from "node:fs/promises";
import { relative } from "node:path";
import type { RenderContext } from "../layouts/context.js";
import type { ArticleCache } from "./build-cache/article-cache.js";
import type { ProgressListener } from "./build-progress.js";
import { hasAliases, loadAliases, resolveName } from "./aliases.js";
import { ArticleValidationError, DatelineError, type Issue } from "./errors.js";
import { hashContent } from "./output/write-site.js";
import { loadArticles, type ArticleParser } from "./load-articles.js";
import { createMarkdown } from "./markdown.js";
import { checkPathPrefixFlag, loadSettings, type SiteSettings } from "./settings.js";
import { buildSiteModel, type NameResolver, type SiteModel } from "./site-model.js";
import type { SitemapOptions } from "./sitemap.js";
import { createRenderContext } from "./render-context.js";
import { datelineFile } from "./source-root.js";
import { normalizePathPrefix } from "./urls.js";
import { shownPath } from "./output/output-guard.js";

/** Everything a build renders from: validated articles, their model, and the layouts' context. */
export interface PreparedSite {
  readonly settings: SiteSettings;
  readonly model: SiteModel;
  readonly context: RenderContext;
  /** Static files written as they are (site-relative path without leading slash → bytes). */
  readonly assets: ReadonlyMap<string, string | Uint8Array>;
  readonly warnings: readonly Issue[];
  readonly drafts: number;
}

export interface PrepareOptions {
  readonly contentDir: string;
  /** Paths in messages are shown relative to this folder. */
  readonly projectDir?: string;
  readonly includeDrafts?: boolean;
  /** Overrides the `pathPrefix` setting (the `--pathprefix` flag). */
  readonly pathPrefix?: string;
  readonly resolveName?: NameResolver;
  /** Splits the sitemap sooner than the protocol's 50,000 URLs (tests of the split). */
  readonly sitemap?: SitemapOptions;
  /** Parsed articles kept between builds (`.dateline-cache/`). */
  readonly cache?: ArticleCache;
  /** The article files, when the caller has listed them already (`listArticleFiles`). */
  readonly files?: readonly string[];
  /** Another thread to share the parsing of many changed articles with. */
  readonly parser?: ArticleParser;
  /** Called once every article is read and validated, before the site is modelled (build timings). */
  readonly onArticlesLoaded?: () => void;
  /** Told how many articles are read so far. */
  readonly onProgress?: ProgressListener;
}

/** The content folder named (`content/`, `--content DIR`) is not a folder. */
export class ContentFolderError extends DatelineError {
  override name = "ContentFolderError";
}

/** A missing content folder is a wrong path, not an empty archive: say so rather than build an empty site. */
async function checkContentFolder(contentDir: string, shown: string): Promise<void> {
  const info = await stat(contentDir).catch(() => null);
  if (info?.isDirectory()) return;
  throw new ContentFolderError(
    `The content folder ${info ? `${shown} is a file, not a folder` : `${shown}/ does not exist`}: expected a folder of Markdown articles (content/ in the project, or --content DIR).`,
  );
}

const STYLESHEET = datelineFile("layouts/assets/style.css");
const SEARCH_SCRIPT = datelineFile("layouts/assets/search.js");

export { createRenderContext } from "./render-context.js";

/**
 * Reads and validates the whole archive. Throws `ArticleValidationError` listing every problem in
 * every file when any article is invalid: no page is rendered from a partly valid archive.
 */
export async function prepareSite(options: PrepareOptions): Promise<PreparedSite> {
  const projectDir = options.projectDir ?? process.cwd();
  // The CLIs check the flag first (exit code 2); this keeps callers of the API to the same rule.
  const prefixProblem = options.pathPrefix === undefined ? undefined : checkPathPrefixFlag(options.pathPrefix);
  if (prefixProblem) throw new DatelineError(prefixProblem);
  // Messages name the settings and aliases files as the user sees them: content/site.yaml.
  const shownContentDir = relative(projectDir, options.contentDir) || ".";
  await checkContentFolder(options.contentDir, shownPath(projectDir, options.contentDir));
  const loadedSettings = await loadSettings(options.contentDir, shownContentDir);
  const settings: SiteSettings =
    options.pathPrefix !== undefined ? { ...loadedSettings, pathPrefix: normalizePathPrefix(options.pathPrefix) } : loadedSettings;
  const md = createMarkdown();
  const loaded = await loadArticles(options.contentDir, md, {
    includeDrafts: options.includeDrafts ?? false,
    displayRoot: projectDir,
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.files ? { files: options.files } : {}),
    ...(options.parser ? { parser: options.parser } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  options.onArticlesLoaded?.();
  if (loaded.errors.length > 0) throw new ArticleValidationError(loaded.errors);
  // The aliases file renames and drops names on every page, so a fix there needs no article edits.
  const aliases = options.resolveName ? undefined : await loadAliases(options.contentDir, shownContentDir);
  // Without aliases every name stands as written: the model then skips resolving 30,000 of them.
  const resolve = options.resolveName ?? (aliases && hasAliases(aliases) ? (kind: "people" | "places" | "tags", name: string) => resolveName(aliases, kind, name) : undefined);
  const model = buildSiteModel(loaded.articles, settings, resolve, options.sitemap ? { sitemap: options.sitemap } : {});

  const css = await readFile(STYLESHEET);
  // Fingerprinted so a host may cache it forever and a new stylesheet is never served stale.
  const stylesheetPath = `assets/style.${hashContent(css).slice(0, 10)}.css`;
  const searchScript = await readFile(SEARCH_SCRIPT);
  const searchScriptPath = `assets/search.${hashContent(searchScript).slice(0, 10)}.js`;
  const assets = new Map<string, string | Uint8Array>([
    [stylesheetPath, css],
    [searchScriptPath, searchScript],
  ]);
  return {
    settings,
    model,
    context: createRenderContext(settings, "/" + stylesheetPath, "/" + searchScriptPath),
    assets,
    warnings: [...loaded.warnings, ...model.warnings],
    drafts: loaded.drafts,
  };
}
