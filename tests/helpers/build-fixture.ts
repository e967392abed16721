import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import { buildSite, type BuildOptions, type BuildReport } from "../../src/build.js";
import type { SiteSettings } from "../../src/settings.js";

/**
 * A throw-away Dateline project: `content/` written from a map of files into a temp folder, built
 * with the real `buildSite`. Build tests inspect `_site/` through `read`.
 */
export interface FixtureProject {
  readonly dir: string;
  readonly contentDir: string;
  readonly outputDir: string;
  /** Writes (or overwrites) files under `content/`. */
  write(files: Readonly<Record<string, string | Uint8Array>>): Promise<void>;
  build(options?: Partial<BuildOptions>): Promise<BuildReport>;
  /** A file of the built site, by site-relative path (`2024/04/11/x/index.html`). */
  read(path: string): Promise<string>;
  cleanup(): Promise<void>;
}

export async function createFixtureProject(files: Readonly<Record<string, string | Uint8Array>> = {}, prefix = "dateline-fixture-"): Promise<FixtureProject> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const contentDir = join(dir, "content");
  const outputDir = join(dir, "_site");
  await mkdir(contentDir, { recursive: true });
  const project: FixtureProject = {
    dir,
    contentDir,
    outputDir,
    async write(more) {
      for (const [path, content] of Object.entries(more)) {
        const target = join(contentDir, path);
        await mkdir(dirname(target), { recursive: true });
        await writeFile(target, content);
      }
    },
    build(options = {}) {
      return buildSite({ projectDir: dir, ...options });
    },
    read(path) {
      return readFile(join(outputDir, path), "utf8");
    },
    cleanup() {
      return rm(dir, { recursive: true, force: true });
    },
  };
  await project.write(files);
  return project;
}

/** Writes the files, builds once, and returns the project with its build report. */
export async function buildFixture(
  files: Readonly<Record<string, string | Uint8Array>>,
  options: Partial<BuildOptions> = {},
): Promise<FixtureProject & { report: BuildReport }> {
  const project = await createFixtureProject(files);
  const report = await project.build(options);
  return { ...project, report };
}

/** One article file's text from front-matter lines (already YAML) and a body. */
export function articleText(frontMatter: string, body = "Body text."): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}\n`;
}

/** The repository and its shipped sample content, for tests that build the real site. */
export const REPO_DIR = fileURLToPath(new URL("../../", import.meta.url));
export const SAMPLE_CONTENT_DIR = join(REPO_DIR, "content");

export interface FixtureSiteOptions extends Partial<BuildOptions> {
  /** Written as `content/site.yaml`. */
  readonly settings?: Partial<SiteSettings>;
  /** Copied in as `content/` before the articles are written (e.g. `SAMPLE_CONTENT_DIR`). */
  readonly copyContentFrom?: string;
}

/**
 * Issue 3's build-test entry point: articles (path under `content/` → text) plus optional settings
 * or a whole content folder, built once into a temp project. A failed build removes the folder and
 * rejects with the build's error.
 */
export async function buildFixtureSite(
  articles: Readonly<Record<string, string | Uint8Array>>,
  options: FixtureSiteOptions = {},
): Promise<FixtureProject & { report: BuildReport }> {
  const { settings, copyContentFrom, ...buildOptions } = options;
  const project = await createFixtureProject();
  try {
    if (copyContentFrom) await cp(copyContentFrom, project.contentDir, { recursive: true });
    if (settings) await project.write({ "site.yaml": stringify(settings) });
    await project.write(articles);
    const report = await project.build(buildOptions);
    return { ...project, report };
  } catch (error) {
    await project.cleanup();
    throw error;
  }
}
