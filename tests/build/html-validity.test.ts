import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { HtmlValidate, type Message } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/output/write-site.js";
import { SAMPLE_CONTENT_DIR, buildFixtureSite, type FixtureProject } from "../helpers/build-fixture.js";

/**
 * Every page of the shipped sample site through html-validate 10 (the last line that runs on
 * Node 20) with its recommended preset: zero errors. One rule is turned off:
 * - `long-title` (at most 70 characters in <title>) is search-engine advice, not validity: an
 *   article's <title> is its headline plus the site name, and news headlines are often longer.
 *   Cutting them would hide the words that tell one article from another in tabs and bookmarks.
 */
const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });

/** One page of each kind the site makes, by the shape of its path. */
const KINDS: [string, RegExp][] = [
  ["front", /^index\.html$/],
  ["article", /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/],
  ["person", /^people\/[^/]+\/index\.html$/],
  ["place", /^places\/[^/]+\/index\.html$/],
  ["tag", /^tags\/[^/]+\/index\.html$/],
  ["people hub", /^people\/index\.html$/],
  ["places hub", /^places\/index\.html$/],
  ["tags hub", /^tags\/index\.html$/],
  ["year", /^\d{4}\/index\.html$/],
  ["month", /^\d{4}\/\d{2}\/index\.html$/],
  ["archive", /^archive\/index\.html$/],
  ["search", /^search\/index\.html$/],
  ["not found", /^404\.html$/],
];

let site: FixtureProject;
let htmlFiles: string[];
beforeAll(async () => {
  site = await buildFixtureSite({}, { copyContentFrom: SAMPLE_CONTENT_DIR });
  htmlFiles = (await listFiles(site.outputDir)).filter((f) => f.endsWith(".html")).sort();
});
afterAll(() => site?.cleanup());

function describeMessage(file: string, m: Message): string {
  return `${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message} [${m.selector ?? ""}]`;
}

describe("HTML validity of the sample site", () => {
  it("builds a page of every kind", () => {
    for (const [kind, pattern] of KINDS) expect(htmlFiles.some((f) => pattern.test(f)), kind).toBe(true);
  });

  it.each(KINDS)("%s pages have no validation errors", async (_kind, pattern) => {
    const problems: string[] = [];
    for (const file of htmlFiles.filter((f) => pattern.test(f))) {
      const report = await validator.validateString(await readFile(join(site.outputDir, file), "utf8"), file);
      for (const result of report.results) for (const m of result.messages) if (m.severity === 2) problems.push(describeMessage(file, m));
    }
    expect(problems).toEqual([]);
  });

  it("validates every HTML page, whatever its kind", async () => {
    const unmatched = htmlFiles.filter((f) => !KINDS.some(([, pattern]) => pattern.test(f)) && !/\/page\/\d+\/index\.html$/.test(f));
    const problems: string[] = [];
    for (const file of [...unmatched, ...htmlFiles.filter((f) => /\/page\/\d+\/index\.html$/.test(f))]) {
      const report = await validator.validateString(await readFile(join(site.outputDir, file), "utf8"), file);
      for (const result of report.results) for (const m of result.messages) if (m.severity === 2) problems.push(describeMessage(file, m));
    }
    expect(problems).toEqual([]);
  });

  it("would catch an invalid page (the validator is really on)", async () => {
    const report = await validator.validateString("<!doctype html><html lang=en><head><title>x</title></head><body><p><div></div></p><h1>a</h1><h1>b</h1></body></html>", "probe.html");
    expect(report.valid).toBe(false);
  });
});
