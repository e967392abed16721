import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { startBuildThreads } from "../src/build-threads.js";
import { buildSite } from "../src/build.js";
import { extraArticle } from "./corpus.js";
import { DATELINE_ROOT } from "../src/source-root.js";

/**
 * Rebuilds as `npm start` does them, in one long-lived process with one build thread: a first
 * build (from the cache), then for each round one new article added and built, then removed and
 * built. Arguments: <contentDir> <outputDir> <stateDir> <rounds>. Prints one JSON line with the
 * wall time of each rebuild, pages and search index apart.
 */
const [contentDir, outputDir, stateDir, roundsArg] = process.argv.slice(2);
if (!contentDir || !outputDir || !stateDir) throw new Error("usage: session-child <contentDir> <outputDir> <stateDir> [rounds]");
const projectDir = DATELINE_ROOT;
const threads = startBuildThreads({ projectDir, contentDir, outputDir });
const build = async () => {
  const started = performance.now();
  const report = await buildSite({ projectDir, contentDir, outputDir, stateDir, threads });
  const wall = (performance.now() - started) / 1000;
  const search = report.timings["search index"] ?? 0;
  return { wall, pages: wall - search, search, rendered: report.rendered, timings: report.timings };
};
try {
  await build();
  const added = [];
  const removed = [];
  for (let round = 0; round < Number(roundsArg ?? 3); round++) {
    const extra = extraArticle(500 + round);
    const file = join(contentDir, extra.path);
    await writeFile(file, extra.text);
    added.push(await build());
    await rm(file);
    removed.push(await build());
  }
  console.log(JSON.stringify({ added, removed }));
} finally {
  await threads.close();
}
