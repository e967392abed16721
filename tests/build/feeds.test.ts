import { parseFeed } from "@rowanmanning/feed-parser";
import { parseFeed as parseAnyFeed, parseJsonFeed } from "feedsmith";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/output/write-site.js";
import { hostileSiteFiles } from "../fixtures/hostile/site.js";
import { SAMPLE_CONTENT_DIR, articleText, buildFixture, buildFixtureSite, type FixtureProject } from "../helpers/build-fixture.js";
import { SITEMAP_XSD, runXmllint } from "../helpers/xmllint.js";

/**
 * Every feed of a built site, read with real feed parsers (@rowanmanning/feed-parser for Atom,
 * feedsmith for JSON Feed 1.1): titles, links, dates and counts.
 */

const BASE = "https://news.example.org/";
const FEED_LENGTH = 4;

// Seven articles, one a day; Ada Lovelace is in five of them, Kestrel Bay in two, "ships" in one.
const DAYS = ["2024-03-01", "2024-03-02", "2024-03-03", "2024-03-04", "2024-03-05", "2024-03-06", "2024-03-07"];
const TITLES = DAYS.map((day, i) => (i === 6 ? `Harbour "reopens" </script> & <b>more</b> on ${day}` : `Harbour story ${i + 1}`));
const ARTICLES: Record<string, string> = Object.fromEntries(
  DAYS.map((day, i) => [
    `${day.slice(0, 4)}/${day.slice(5, 7)}/story-${i + 1}.md`,
    articleText(
      [
        `title: ${JSON.stringify(TITLES[i])}`,
        `date: ${day}`,
        ...(i === 1 ? ["updated: 2024-04-20"] : []),
        "people:",
        ...(i < 5 ? ["  - Ada Lovelace"] : ["  - Grace Hopper"]),
        "places:",
        ...(i >= 5 ? ["  - Kestrel Bay"] : ["  - Lisbon"]),
        ...(i === 3 ? ["tags:", "  - ships"] : []),
        "byline: Maeve Rutherford",
        `summary: "Summary ${i + 1}."`,
      ].join("\n"),
      `Paragraph of story ${i + 1} with [an earlier story](/2024/03/01/harbour-story-1/) and [a source](https://example.org/s?a=1&b=2).`,
    ),
  ]),
);

let site: FixtureProject;
let files: string[];

beforeAll(async () => {
  site = await buildFixtureSite(ARTICLES, { settings: { title: "Feed Test Gazette", baseUrl: BASE, feedLength: FEED_LENGTH, language: "en-GB" } });
  files = await listFiles(site.outputDir);
});
afterAll(() => site?.cleanup());

const newestFirst = [...TITLES].reverse();

describe("the site's Atom feed", () => {
  it("parses, with the site's title, links, and the newest feedLength articles newest first", async () => {
    const feed = parseFeed(await site.read("feed.xml"));
    expect(feed.meta.type).toBe("atom");
    expect(feed.title).toBe("Feed Test Gazette");
    expect(feed.language).toBe("en-GB");
    expect(feed.self).toBe(`${BASE}feed.xml`);
    expect(feed.url).toBe(BASE);
    expect(feed.items.map((item) => item.title)).toEqual(newestFirst.slice(0, FEED_LENGTH));
    // `updated` is the newest change of any entry: story 2 was updated on 20 April, but is not in the feed.
    expect(feed.updated?.toISOString()).toBe("2024-03-07T00:00:00.000Z");
    const [first] = feed.items;
    expect(first!.url).toBe(`${BASE}2024/03/07/harbour-reopens-script-and-b-more-b-on-2024-03-07/`);
    expect(first!.id).toBe(first!.url);
    expect(first!.published?.toISOString()).toBe("2024-03-07T00:00:00.000Z");
    expect(first!.authors.map((a) => a.name)).toEqual(["Maeve Rutherford"]);
    expect(first!.description).toBe("Summary 7.");
    expect(first!.content).toContain(`<a href="${BASE}2024/03/01/harbour-story-1/">an earlier story</a>`);
    // The parser hands content back re-serialised; the file itself holds the body's `&amp;` escaped again.
    expect(first!.content).toContain('href="https://example.org/s?a=1&b=2"');
    expect(await site.read("feed.xml")).toContain("https://example.org/s?a=1&amp;amp;b=2");
  });

  it("links every entry to a page of the built site", async () => {
    const feed = parseFeed(await site.read("feed.xml"));
    for (const item of feed.items) {
      expect(item.url!.startsWith(BASE)).toBe(true);
      expect(files).toContain(`${item.url!.slice(BASE.length)}index.html`);
    }
  });

  it("is linked from every page's head", async () => {
    const home = await site.read("index.html");
    expect(home).toContain('<link rel="alternate" type="application/atom+xml" title="Feed Test Gazette" href="/feed.xml">');
    expect(home).toContain('<link rel="alternate" type="application/feed+json" title="Feed Test Gazette" href="/feed.json">');
  });
});

describe("the JSON Feed", () => {
  const parseJson = async () => parseJsonFeed(await site.read("feed.json"), { parseDateFn: (raw) => new Date(raw) });

  it("is detected as a JSON Feed by a feed parser that reads every format", async () => {
    expect(parseAnyFeed(await site.read("feed.json")).format).toBe("json");
    // The parser keeps no version; JSON Feed 1.1 names itself by this URL.
    expect((JSON.parse(await site.read("feed.json")) as { version: unknown }).version).toBe("https://jsonfeed.org/version/1.1");
  });

  it("parses, with the site's title and links, and the newest feedLength articles newest first", async () => {
    const feed = await parseJson();
    expect(feed.title).toBe("Feed Test Gazette");
    expect(feed.home_page_url).toBe(BASE);
    expect(feed.feed_url).toBe(`${BASE}feed.json`);
    expect(feed.language).toBe("en-GB");
    expect(feed.items).toHaveLength(FEED_LENGTH);
    expect(feed.items!.map((item) => item.title)).toEqual(newestFirst.slice(0, FEED_LENGTH));
    const [first] = feed.items!;
    expect(first!.url).toBe(`${BASE}2024/03/07/harbour-reopens-script-and-b-more-b-on-2024-03-07/`);
    expect(first!.id).toBe(first!.url);
    expect(first!.summary).toBe("Summary 7.");
    expect(first!.content_html).toContain(`<a href="${BASE}2024/03/01/harbour-story-1/">an earlier story</a>`);
    expect(first!.authors).toEqual([{ name: "Maeve Rutherford" }]);
  });

  it("dates every item by its day, and matches the Atom feed item for item", async () => {
    const feed = await parseJson();
    const atom = parseFeed(await site.read("feed.xml"));
    expect(feed.items!.map((item) => item.date_published?.toISOString())).toEqual(["2024-03-07", "2024-03-06", "2024-03-05", "2024-03-04"].map((day) => `${day}T00:00:00.000Z`));
    for (const item of feed.items!) expect(item.date_modified?.getTime()).toBe(item.date_published?.getTime());
    expect(feed.items!.map((item) => [item.id, item.url, item.title, item.date_published?.toISOString()])).toEqual(
      atom.items.map((item) => [item.id, item.url, item.title, item.published?.toISOString()]),
    );
  });

  it("links every item to a page of the built site", async () => {
    for (const item of (await parseJson()).items!) {
      expect(item.url!.startsWith(BASE), item.url).toBe(true);
      expect(files).toContain(`${item.url!.slice(BASE.length)}index.html`);
    }
  });
});

describe("person, place and tag feeds", () => {
  const termFeeds = () => files.filter((f) => /^(people|places|tags)\/[^/]+\/feed\.xml$/.test(f)).sort();

  it("exist for every term page, and each term page links its own", async () => {
    const termPages = files.filter((f) => /^(people|places|tags)\/[^/]+\/index\.html$/.test(f));
    expect(termFeeds()).toEqual(termPages.map((f) => f.replace(/index\.html$/, "feed.xml")).sort());
    expect(termFeeds()).toEqual([
      "people/ada-lovelace/feed.xml",
      "people/grace-hopper/feed.xml",
      "places/kestrel-bay/feed.xml",
      "places/lisbon/feed.xml",
      "tags/ships/feed.xml",
    ]);
    const page = await site.read("people/ada-lovelace/index.html");
    expect(page).toMatch(/<link rel="alternate" type="application\/atom\+xml" title="[^"]+" href="\/people\/ada-lovelace\/feed\.xml">/);
  });

  it("hold that term's newest articles, at most feedLength, with the term in the title", async () => {
    const expected: Record<string, string[]> = {
      "people/ada-lovelace/feed.xml": ["Harbour story 5", "Harbour story 4", "Harbour story 3", "Harbour story 2"],
      "people/grace-hopper/feed.xml": [TITLES[6]!, "Harbour story 6"],
      "places/kestrel-bay/feed.xml": [TITLES[6]!, "Harbour story 6"],
      "tags/ships/feed.xml": ["Harbour story 4"],
    };
    for (const [file, titles] of Object.entries(expected)) {
      const feed = parseFeed(await site.read(file));
      expect(feed.items.map((item) => item.title), file).toEqual(titles);
      expect(feed.self).toBe(BASE + file);
      expect(feed.url).toBe(BASE + file.replace(/feed\.xml$/, ""));
    }
    const ada = parseFeed(await site.read("people/ada-lovelace/feed.xml"));
    expect(ada.title).toBe("Ada Lovelace — Feed Test Gazette");
    // Story 2's update (20 April) is the newest change among Ada's articles.
    expect(ada.updated?.toISOString()).toBe("2024-04-20T00:00:00.000Z");
    expect(ada.items[3]!.updated?.toISOString()).toBe("2024-04-20T00:00:00.000Z");
  });
});

describe("every feed file of the sample site", () => {
  let sample: FixtureProject;
  beforeAll(async () => {
    sample = await buildFixtureSite({}, { copyContentFrom: SAMPLE_CONTENT_DIR });
  });
  afterAll(() => sample?.cleanup());

  it("is well-formed XML that the feed parser reads, with absolute links only", async () => {
    const all = (await listFiles(sample.outputDir)).filter((f) => f.endsWith("feed.xml"));
    expect(all.length).toBeGreaterThan(50);
    for (const file of all) {
      const lint = await runXmllint(join(sample.outputDir, file));
      expect(lint.ok, `${file}: ${lint.output}`).toBe(true);
      const feed = parseFeed(await readFile(join(sample.outputDir, file), "utf8"));
      expect(feed.items.length, file).toBeGreaterThan(0);
      for (const item of feed.items) expect(item.url, file).toMatch(/^https:\/\/dateline\.example\.org\//);
    }
  });
});

describe("the feeds and sitemap of an archive of hostile values (tests/fixtures/hostile)", () => {
  let hostile: FixtureProject;
  beforeAll(async () => {
    hostile = await buildFixture(hostileSiteFiles());
  });
  afterAll(() => hostile?.cleanup());

  it("are well-formed XML and valid JSON whatever the titles, names and bodies hold", async () => {
    const all = await listFiles(hostile.outputDir);
    const xml = all.filter((f) => f.endsWith(".xml"));
    expect(xml.length).toBeGreaterThan(10);
    for (const file of xml) {
      const lint = await runXmllint(join(hostile.outputDir, file), file === "sitemap.xml" ? SITEMAP_XSD : undefined);
      expect(lint.ok, `${file}: ${lint.output}`).toBe(true);
      if (file.endsWith("feed.xml")) expect(parseFeed(await hostile.read(file)).items.length, file).toBeGreaterThan(0);
    }
    const json = parseJsonFeed(await hostile.read("feed.json"));
    expect(json.items?.length).toBeGreaterThan(0);
  });
});
