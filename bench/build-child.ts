import { buildSite } from "../src/build.js";
import { DATELINE_ROOT } from "../src/source-root.js";

/**
 * One build in its own process, so the parent can read this process's peak memory. Arguments:
 * <contentDir> <outputDir> <stateDir> [--no-search]. Prints one JSON line: the report's figures, the
 * wall time inside the process, and this process's peak RSS (KiB; Pagefind runs in processes of its own).
 */
const [contentDir, outputDir, stateDir, ...flags] = process.argv.slice(2);
if (!contentDir || !outputDir || !stateDir) throw new Error("usage: build-child <contentDir> <outputDir> <stateDir> [--no-search]");
const projectDir = DATELINE_ROOT;
const started = performance.now();
const report = await buildSite({ projectDir, contentDir, outputDir, stateDir, search: !flags.includes("--no-search") });
const wall = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    wall,
    pages: report.pages,
    rendered: report.rendered,
    parsed: report.parsed,
    articles: report.articles,
    write: report.write,
    timings: report.timings,
    search: report.search,
    maxRssKiB: process.resourceUsage().maxRSS,
  }),
);
