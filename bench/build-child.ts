import { resolve } from "node:path";
import { buildSite } from "../src/build.js";
import { searchIndexStep } from "./search-step.js";

/**
 * One build in its own process, so the parent can read this process's peak memory. Arguments:
 * <contentDir> <outputDir> <stateDir> [--search]. Prints one JSON line: the report, wall time, max RSS.
 */
const [contentDir, outputDir, stateDir, ...flags] = process.argv.slice(2);
if (!contentDir || !outputDir || !stateDir) throw new Error("usage: build-child <contentDir> <outputDir> <stateDir> [--search]");
const projectDir = resolve(import.meta.dirname, "..");
const started = performance.now();
const afterStage = flags.includes("--search") ? await searchIndexStep() : undefined;
const report = await buildSite({ projectDir, contentDir, outputDir, stateDir, ...(afterStage ? { afterStage } : {}) });
const wall = (performance.now() - started) / 1000;
console.log(JSON.stringify({ wall, pages: report.pages, articles: report.articles, write: report.write, timings: report.timings, maxRssKiB: process.resourceUsage().maxRSS }));
