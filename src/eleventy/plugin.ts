import { renderPage } from "../../layouts/index.js";
import { createMarkdown } from "../markdown.js";
import type { PageSpec } from "../pages.js";
import type { PreparedSite } from "../prepare-site.js";
import type { EleventyConfig } from "./config-types.js";
import { currentSite } from "./site-source.js";

export const PAGES_TEMPLATE = "dateline-pages.11ty.js";

interface TemplateData {
  spec: PageSpec;
  dateline: { site: PreparedSite };
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
  eleventyConfig.addGlobalData("dateline", async () => {
    const site = await currentSite(projectDir);
    // An incremental build hands over only the pages whose output may have changed.
    return { site, pages: site.pagesToRender ?? site.model.pages };
  });
  eleventyConfig.addTemplate(
    PAGES_TEMPLATE,
    {
      render(data: TemplateData) {
        return renderPage(data.spec, data.dateline.site.context);
      },
    },
    {
      pagination: { data: "dateline.pages", size: 1, alias: "spec", addAllPagesToCollections: false },
      permalink: (data: TemplateData) => data.spec.url,
      eleventyExcludeFromCollections: true,
    },
  );
}
