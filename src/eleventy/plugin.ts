import { renderPage } from "../../layouts/index.js";
import { createMarkdown } from "../markdown.js";
import type { PageSpec } from "../pages.js";
import type { EleventyConfig } from "./config-types.js";
import { currentRenderJob, type RenderJob } from "./site-source.js";

export const PAGES_TEMPLATE = "dateline-pages.11ty.js";

interface TemplateData {
  spec: PageSpec;
  dateline: RenderJob;
}

/**
 * Dateline as an Eleventy plugin. Articles are data, not templates: one virtual JavaScript
 * template paginates over the page specs that `src/` prepared, one page each, and hands each to its
 * layout. Eleventy's per-template cost is paid once, not once per article.
 */
export function datelinePlugin(eleventyConfig: EleventyConfig, options: { projectDir?: string } = {}): void {
  const projectDir = options.projectDir ?? process.cwd();
  // Eleventy never renders article Markdown itself, but anything that asks for "md" gets ours.
  eleventyConfig.setLibrary("md", createMarkdown());
  // A build hands over only the pages to render (an incremental build: those whose output may have changed).
  eleventyConfig.addGlobalData("dateline", () => currentRenderJob(projectDir));
  eleventyConfig.addTemplate(
    PAGES_TEMPLATE,
    {
      render(data: TemplateData) {
        return renderPage(data.spec, data.dateline.context);
      },
    },
    {
      pagination: { data: "dateline.pages", size: 1, alias: "spec", addAllPagesToCollections: false },
      permalink: (data: TemplateData) => data.spec.url,
      eleventyExcludeFromCollections: true,
    },
  );
}
