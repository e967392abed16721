import Eleventy from "@11ty/eleventy";
import { resolve } from "node:path";
import type { PreparedSite } from "../prepare-site.js";
import { outputPathForUrl } from "../urls.js";
import { provideSite } from "./site-source.js";

/**
 * Renders the prepared site through Eleventy (with the project's `.eleventy.ts`) into memory:
 * output path relative to the site root → HTML. Writing is the build's job, so that nothing is
 * written unless every page rendered.
 */
export async function renderPagesWithEleventy(site: PreparedSite, projectDir: string, contentDir: string, outputDir: string): Promise<Map<string, string>> {
  provideSite(site);
  try {
    const eleventy = new Eleventy(contentDir, outputDir, {
      configPath: resolve(projectDir, ".eleventy.ts"),
      quietMode: true,
      pathPrefix: site.settings.pathPrefix,
    });
    const results = await eleventy.toJSON();
    const pages = new Map<string, string>();
    for (const result of results) {
      if (result.url === false) continue;
      pages.set(outputPathForUrl(result.url), result.content);
    }
    return pages;
  } finally {
    provideSite(undefined);
  }
}
