import { buildSite } from "../../src/build.js";

/**
 * `tsx tests/helpers/measured-build.ts <projectDir> [search]`: one whole build in this process,
 * then its peak memory (resident set) and counts as one JSON line, for the big-input tests. Runs
 * in its own process so the figure is the build's alone.
 */
const [projectDir, search] = process.argv.slice(2);
const report = await buildSite({ projectDir: projectDir!, search: search === "search" });
console.log(
  JSON.stringify({
    maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    pages: report.pages,
    articles: report.articles,
    warnings: report.warnings.length,
  }),
);
