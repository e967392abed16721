import { join } from "node:path";
import type { RenderContext } from "../../layouts/context.js";
import type { PageSpec } from "../pages.js";

/** What one Eleventy run renders: page specs, and the context their layouts need. */
export interface RenderJob {
  readonly context: RenderContext;
  readonly pages: readonly PageSpec[];
}

/**
 * Where the Eleventy plugin gets its pages. `npm run build` validates and models the archive
 * before Eleventy starts (so a bad article stops the build with Dateline's own message and no
 * Eleventy error chain) and hands over the pages to render here; Eleventy run on its own
 * (`npx @11ty/eleventy --config=.eleventy.ts`) prepares the whole site from disk.
 */
// Kept on globalThis, not in a module variable: Eleventy imports the config (and so this module)
// with Node's own loader, which under a test runner is a second copy of this module.
const PROVIDED = Symbol.for("dateline.renderJob");
const holder = globalThis as { [PROVIDED]?: RenderJob | undefined };

export function provideRenderJob(job: RenderJob | undefined): void {
  holder[PROVIDED] = job;
}

export async function currentRenderJob(projectDir: string): Promise<RenderJob> {
  const provided = holder[PROVIDED];
  if (provided) return provided;
  // Loaded only here: a build's render worker never needs the article reader.
  const [{ prepareSite }, { pageSpecs }] = await Promise.all([import("../prepare-site.js"), import("../site-model.js")]);
  const site = await prepareSite({ contentDir: join(projectDir, "content"), projectDir });
  return { context: site.context, pages: pageSpecs(site.model) };
}
