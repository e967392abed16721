import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/output/write-site.js";
import { outputPathForUrl } from "../../src/urls.js";
import { SAMPLE_CONTENT_DIR, buildFixtureSite, type FixtureProject } from "../helpers/build-fixture.js";
import { SITEMAP_INDEX_XSD, SITEMAP_XSD, runXmllint } from "../helpers/xmllint.js";

/** The sample site's sitemap: valid against the sitemaps.org schema, and true to `_site/`. */

const BASE = "https://dateline.example.org/";

let site: FixtureProject;
let files: string[];
let entries: { loc: string; lastmod: string | undefined }[];

beforeAll(async () => {
  site = await buildFixtureSite({}, { copyContentFrom: SAMPLE_CONTENT_DIR });
  files = await listFiles(site.outputDir);
  const xml = await site.read("sitemap.xml");
  entries = [...xml.matchAll(/<url>\s*<loc>([^<]*)<\/loc>(?:\s*<lastmod>([^<]*)<\/lastmod>)?\s*<\/url>/g)].map((m) => ({ loc: m[1]!, lastmod: m[2] }));
});
afterAll(() => site?.cleanup());

describe("sitemap.xml of the sample site", () => {
  it("validates against the sitemaps.org schema", async () => {
    const lint = await runXmllint(`${site.outputDir}/sitemap.xml`, SITEMAP_XSD);
    expect(lint.output.trim()).toMatch(/validates$/);
    expect(lint.ok).toBe(true);
  });

  it("names only files that exist in _site/, each once, each with a lastmod", () => {
    expect(entries.length).toBeGreaterThan(100);
    expect(new Set(entries.map((e) => e.loc)).size).toBe(entries.length);
    for (const { loc, lastmod } of entries) {
      expect(loc.startsWith(BASE), loc).toBe(true);
      expect(files, loc).toContain(outputPathForUrl(`/${loc.slice(BASE.length)}`));
      expect(lastmod, loc).toMatch(/^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\dZ)?$/);
    }
  });

  it("lists every page of the site but search and 404", () => {
    const listed = new Set(entries.map((e) => outputPathForUrl(`/${e.loc.slice(BASE.length)}`)));
    const pages = files.filter((f) => f.endsWith(".html") && f !== "404.html" && !f.startsWith("search/"));
    expect(pages.filter((f) => !listed.has(f))).toEqual([]);
    expect(listed.has("page/2/index.html")).toBe(true);
  });

  it("dates the 2022 storm article by its update, and the 2022 year page by its newest article", () => {
    const storm = entries.find((e) => e.loc.includes("/2022/02/") && e.loc.includes("storm"));
    expect(storm?.lastmod).toBe("2022-02-20");
    const year = entries.find((e) => e.loc === `${BASE}2022/`);
    expect(year?.lastmod).toBe("2022-11-03");
  });

  it("is named by robots.txt with its absolute URL", async () => {
    expect(await site.read("robots.txt")).toBe(`User-agent: *\nDisallow:\n\nSitemap: ${BASE}sitemap.xml\n`);
  });
});

describe("a sitemap split into parts (the sample site, at most 40 URLs per file)", () => {
  const LIMIT = 40;
  let split: FixtureProject;
  let splitFiles: string[];
  let index: { loc: string; lastmod: string | undefined }[];
  const locsOf = (xml: string) => [...xml.matchAll(/<url>\s*<loc>([^<]*)<\/loc>(?:\s*<lastmod>([^<]*)<\/lastmod>)?\s*<\/url>/g)].map((m) => ({ loc: m[1]!, lastmod: m[2] }));

  beforeAll(async () => {
    split = await buildFixtureSite({}, { copyContentFrom: SAMPLE_CONTENT_DIR, sitemap: { maxUrlsPerFile: LIMIT }, search: false });
    splitFiles = await listFiles(split.outputDir);
    const xml = await split.read("sitemap.xml");
    index = [...xml.matchAll(/<sitemap>\s*<loc>([^<]*)<\/loc>(?:\s*<lastmod>([^<]*)<\/lastmod>)?\s*<\/sitemap>/g)].map((m) => ({ loc: m[1]!, lastmod: m[2] }));
  });
  afterAll(() => split?.cleanup());

  it("makes /sitemap.xml a sitemap index, valid against the sitemaps.org schema, naming every part once", async () => {
    const lint = await runXmllint(`${split.outputDir}/sitemap.xml`, SITEMAP_INDEX_XSD);
    expect(lint.output.trim()).toMatch(/validates$/);
    expect(lint.ok).toBe(true);
    const parts = splitFiles.filter((f) => /^sitemap-\d+\.xml$/.test(f)).sort((a, b) => Number(a.slice(8, -4)) - Number(b.slice(8, -4)));
    expect(parts.length).toBe(Math.ceil(entries.length / LIMIT));
    expect(parts.length).toBeGreaterThan(2);
    expect(parts).toEqual(parts.map((_, i) => `sitemap-${i + 1}.xml`));
    expect(index.map((e) => e.loc)).toEqual(parts.map((f) => `${BASE}${f}`));
  });

  it("writes parts that each validate, hold at most 40 URLs, and together list exactly what the unsplit sitemap lists", async () => {
    const all: { loc: string; lastmod: string | undefined }[] = [];
    for (const [i, { loc, lastmod }] of index.entries()) {
      const file = loc.slice(BASE.length);
      const lint = await runXmllint(`${split.outputDir}/${file}`, SITEMAP_XSD);
      expect(lint.ok, `${file}: ${lint.output}`).toBe(true);
      const part = locsOf(await split.read(file));
      expect(part.length, file).toBeLessThanOrEqual(LIMIT);
      expect(part.length, file).toBe(i < index.length - 1 ? LIMIT : entries.length - LIMIT * (index.length - 1));
      // The index dates each part by its newest URL.
      const newest = part.map((e) => e.lastmod!).reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
      expect(lastmod, file).toBe(newest);
      all.push(...part);
    }
    expect(all).toEqual(entries);
  });

  it("names in its parts only files that exist in _site/", async () => {
    for (const { loc } of index) {
      for (const { loc: url } of locsOf(await split.read(loc.slice(BASE.length)))) {
        expect(url.startsWith(BASE), url).toBe(true);
        expect(splitFiles, url).toContain(outputPathForUrl(`/${url.slice(BASE.length)}`));
      }
    }
    expect(await split.read("robots.txt")).toContain(`Sitemap: ${BASE}sitemap.xml\n`);
  });

  it("goes back to one sitemap, and removes the parts, when a rebuild no longer needs the split", async () => {
    await split.build({ search: false });
    const after = await listFiles(split.outputDir);
    expect(after.filter((f) => /^sitemap-\d+\.xml$/.test(f))).toEqual([]);
    expect(locsOf(await split.read("sitemap.xml"))).toEqual(entries);
  });
});
