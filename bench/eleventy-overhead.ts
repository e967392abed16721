import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderPage } from "../layouts/index.js";
import { renderPagesWithEleventy } from "../src/eleventy/render-pages.js";
import { prepareSite } from "../src/prepare-site.js";
import { pageSpecs } from "../src/site-model.js";
import { writeCorpus } from "./corpus.js";
import { DATELINE_ROOT } from "../src/source-root.js";

/**
 * What Eleventy costs on top of the layouts: the same page specs rendered through Eleventy's
 * `toJSON()` (Dateline's virtual paginated template) and by calling `renderPage` in a loop.
 * `npx tsx bench/eleventy-overhead.ts 10000`. Prints figures, asserts nothing.
 */
const count = Number(process.argv[2] ?? 10_000);
const root = await mkdtemp(join(tmpdir(), "dateline-bench-eleventy-"));
try {
  await writeCorpus(join(root, "content"), count);
  const projectDir = DATELINE_ROOT;
  const site = await prepareSite({ contentDir: join(root, "content"), projectDir });
  const pages = pageSpecs(site.model);
  for (let round = 1; round <= 2; round++) {
    let started = performance.now();
    let bytes = 0;
    for (const page of pages) bytes += renderPage(page, site.context).length;
    const direct = (performance.now() - started) / 1000;
    started = performance.now();
    const viaEleventy = await renderPagesWithEleventy({ context: site.context, pages }, { projectDir, contentDir: join(root, "content"), outputDir: join(root, "_site") });
    const eleventy = (performance.now() - started) / 1000;
    started = performance.now();
    const one = await renderPagesWithEleventy({ context: site.context, pages: pages.slice(0, 1) }, { projectDir, contentDir: join(root, "content"), outputDir: join(root, "_site") });
    const single = (performance.now() - started) / 1000;
    console.log(
      `round ${round}: ${pages.length.toLocaleString("en")} specs — renderPage loop ${direct.toFixed(2)} s (${(bytes / 2 ** 20).toFixed(0)} MiB), ` +
        `Eleventy toJSON ${eleventy.toFixed(2)} s (${viaEleventy.size} results), Eleventy with 1 spec ${single.toFixed(2)} s (${one.size} result)`,
    );
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
