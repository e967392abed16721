import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/output/write-site.js";
import { outputPathForUrl } from "../../src/urls.js";
import { SAMPLE_CONTENT_DIR, buildFixtureSite, type FixtureProject } from "../helpers/build-fixture.js";
import { SITEMAP_XSD, runXmllint } from "../helpers/xmllint.js";

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
