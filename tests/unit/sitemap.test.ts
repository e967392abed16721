import { describe, expect, it } from "vitest";
import { articleFixture } from "../helpers/article-fixture.js";
import { renderRobots, renderSitemap, renderSitemapIndex } from "../../layouts/sitemap.js";
import type { Article } from "../../src/article.js";
import { parseArticleDate } from "../../src/dates.js";
import type { RobotsPage, SitemapIndexPage, SitemapPage } from "../../src/pages.js";
import { DEFAULT_SETTINGS, type SiteSettings } from "../../src/settings.js";
import { buildSiteModel, pageSpecs } from "../../src/site-model.js";
import { buildSitemapPages, sitemapDate } from "../../src/sitemap.js";
import { SITEMAP_INDEX_XSD, SITEMAP_XSD, runXmllintOnText } from "../helpers/xmllint.js";

const SETTINGS: SiteSettings = { ...DEFAULT_SETTINGS, baseUrl: "https://news.example.org/", pathPrefix: "/archive/", perPage: 2 };

function article(day: string, overrides: Partial<Article> = {}): Article {
  return articleFixture({
    title: `Story of ${day}`,
    date: parseArticleDate(day)!,
    people: [],
    places: [],
    tags: [],
    draft: false,
    file: `content/${day}.md`,
    body: { html: "<p>Body</p>" },
    excerpt: "Excerpt",
    wordCount: 1,
    ...overrides,
  });
}

const ARTICLES = [
  article("2024-01-05", { people: ["Ada Lovelace"], updated: parseArticleDate("2024-02-10")! }),
  article("2024-01-07", { tags: ["ships"] }),
  article("2023-12-30", { people: ["Ada Lovelace"] }),
  article("2024-01-09T18:30:00+02:00"),
];

function machinePages(settings = SETTINGS, limit?: number) {
  const model = buildSiteModel(ARTICLES, settings, undefined, limit ? { sitemap: { maxUrlsPerFile: limit } } : {});
  return {
    model,
    sitemaps: pageSpecs(model).filter((p): p is SitemapPage => p.kind === "sitemap"),
    index: pageSpecs(model).find((p): p is SitemapIndexPage => p.kind === "sitemap-index"),
    robots: pageSpecs(model).find((p): p is RobotsPage => p.kind === "robots")!,
  };
}

describe("buildSitemapPages", () => {
  it("lists every article and index page (each page of a listing too) with absolute URLs, never search or 404", () => {
    const { model, sitemaps, index } = machinePages();
    expect(index).toBeUndefined();
    expect(sitemaps).toHaveLength(1);
    const listed = sitemaps[0]!.entries.map((e) => e.url);
    const expected = pageSpecs(model)
      .filter((p) => ["article", "listing", "hub", "archive"].includes(p.kind))
      .map((p) => `https://news.example.org/archive${p.url}`);
    expect(listed).toEqual(expected);
    expect(listed).toContain("https://news.example.org/archive/page/2/");
    expect(listed.some((u) => u.includes("/search/") || u.includes("404"))).toBe(false);
  });

  it("dates an article by its later change, and an index by the newest article it lists", () => {
    const { sitemaps } = machinePages();
    const lastmod = new Map(sitemaps[0]!.entries.map((e) => [e.url.replace("https://news.example.org/archive", ""), e.lastmod]));
    expect(lastmod.get("/2024/01/05/story-of-2024-01-05/")).toBe("2024-02-10");
    expect(lastmod.get("/2024/01/09/story-of-2024-01-09t18-30-00-02-00/")).toBe("2024-01-09T16:30:00Z");
    // Two per page: the front page lists 9 and 7 January; its page 2 holds the article updated in February.
    expect(lastmod.get("/")).toBe("2024-01-09T16:30:00Z");
    expect(lastmod.get("/page/2/")).toBe("2024-02-10");
    expect(lastmod.get("/2023/")).toBe("2023-12-30");
    expect(lastmod.get("/people/ada-lovelace/")).toBe("2024-02-10");
    expect(lastmod.get("/tags/")).toBe("2024-01-07");
    expect(lastmod.get("/archive/")).toBe("2024-02-10");
  });

  it("becomes an index of numbered parts past the limit, and every file validates against the protocol's schema", async () => {
    const whole = machinePages().sitemaps[0]!.entries;
    const { sitemaps, index } = machinePages(SETTINGS, 5);
    expect(sitemaps.map((s) => s.url)).toEqual(Array.from({ length: Math.ceil(whole.length / 5) }, (_, i) => `/sitemap-${i + 1}.xml`));
    expect(sitemaps.flatMap((s) => s.entries)).toEqual(whole);
    expect(sitemaps.every((s) => s.entries.length <= 5)).toBe(true);
    expect(index!.url).toBe("/sitemap.xml");
    expect(index!.sitemaps[0]).toEqual({ url: "https://news.example.org/archive/sitemap-1.xml", lastmod: "2024-02-10" });
    for (const sitemap of sitemaps) {
      const lint = await runXmllintOnText(renderSitemap(sitemap), SITEMAP_XSD);
      expect(lint.output).toContain("validates");
      expect(lint.ok).toBe(true);
    }
    const lint = await runXmllintOnText(renderSitemapIndex(index!), SITEMAP_INDEX_XSD);
    expect(lint.ok, lint.output).toBe(true);
  });

  it("stays one file at exactly the limit", () => {
    const count = machinePages().sitemaps[0]!.entries.length;
    expect(machinePages(SETTINGS, count).index).toBeUndefined();
    expect(machinePages(SETTINGS, count - 1).index).toBeDefined();
  });

  it("the schema refuses what the protocol forbids (the validation can fail)", async () => {
    const bad = renderSitemap({ kind: "sitemap", url: "/sitemap.xml", entries: [{ url: "/relative/", lastmod: "11 April 2024" }] });
    expect((await runXmllintOnText(bad, SITEMAP_XSD)).ok).toBe(false);
  });

  it("refuses a limit that is not a positive whole number", () => {
    expect(() => buildSitemapPages([], [], SETTINGS, { maxUrlsPerFile: 0 })).toThrow(RangeError);
  });

  it("writes the day alone for a day, the UTC instant for a time", () => {
    expect(sitemapDate(parseArticleDate("2024-04-11")!)).toBe("2024-04-11");
    expect(sitemapDate(parseArticleDate("2024-04-11T23:30:00-07:00")!)).toBe("2024-04-12T06:30:00Z");
  });
});

describe("robots.txt", () => {
  it("names the sitemap with its absolute URL", () => {
    const { robots } = machinePages();
    expect(renderRobots(robots)).toBe("User-agent: *\nDisallow:\n\nSitemap: https://news.example.org/archive/sitemap.xml\n");
  });
});
