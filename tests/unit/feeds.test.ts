import { describe, expect, it } from "vitest";
import { articleFixture } from "../helpers/article-fixture.js";
import type { Article } from "../../src/article.js";
import { parseArticleDate } from "../../src/dates.js";
import { absolutizeBodyLinks, prefixBodyLinks } from "../../src/body-links.js";
import { buildFeedPages, feedDate, lastModified } from "../../src/feeds.js";
import type { AtomFeedPage, FeedDocument, JsonFeedPage } from "../../src/pages.js";
import { DEFAULT_SETTINGS, type SiteSettings } from "../../src/settings.js";
import { buildSiteModel, placeArticles, pageSpecs } from "../../src/site-model.js";
import { buildTaxonomy } from "../../src/taxonomy.js";

const SETTINGS: SiteSettings = { ...DEFAULT_SETTINGS, title: "Kestrel", baseUrl: "https://news.example.org/", feedLength: 3 };

function article(n: number, overrides: Partial<Article> = {}): Article {
  const day = `2024-01-${String(n).padStart(2, "0")}`;
  return articleFixture({
    title: `Story ${n}`,
    date: parseArticleDate(day)!,
    people: [],
    places: [],
    tags: [],
    draft: false,
    file: `content/${day}.md`,
    body: { html: `<p>Body ${n}</p>` },
    excerpt: `Excerpt ${n}`,
    wordCount: 2,
    ...overrides,
  });
}

function feeds(articles: Article[], settings = SETTINGS) {
  const model = buildSiteModel(articles, settings);
  const pages = pageSpecs(model).filter((p): p is AtomFeedPage | JsonFeedPage => p.kind === "feed-atom" || p.kind === "feed-json");
  const byUrl = new Map<string, FeedDocument>(pages.map((p) => [`${p.kind}:${p.url}`, p.feed]));
  return { model, pages, feed: (kind: string, url: string) => byUrl.get(`${kind}:${url}`)! };
}

describe("site feeds", () => {
  it("hold the newest feedLength articles, newest first, with absolute URLs and the newest update", () => {
    const articles = [1, 2, 3, 4, 5].map((n) => article(n));
    articles[1] = article(2, { updated: parseArticleDate("2024-03-01")! });
    const { feed } = feeds(articles);
    const atom = feed("feed-atom", "/feed.xml");
    expect(atom.entries.map((e) => e.title)).toEqual(["Story 5", "Story 4", "Story 3"]);
    expect(atom.entries[0]!.url).toBe("https://news.example.org/2024/01/05/story-5/");
    expect(atom.feedUrl).toBe("https://news.example.org/feed.xml");
    expect(atom.homeUrl).toBe("https://news.example.org/");
    expect(atom.updated).toBe("2024-01-05T00:00:00Z");
    expect(feed("feed-json", "/feed.json").feedUrl).toBe("https://news.example.org/feed.json");
    expect(feed("feed-json", "/feed.json").entries).toEqual(atom.entries);
  });

  it("take the feed's updated from an entry's later update, not only from the newest date", () => {
    const { feed } = feeds([article(1), article(2, { updated: parseArticleDate("2024-06-01")! })]);
    expect(feed("feed-atom", "/feed.xml").updated).toBe("2024-06-01T00:00:00Z");
    expect(feed("feed-atom", "/feed.xml").entries[0]!.updated).toBe("2024-06-01T00:00:00Z");
    expect(feed("feed-atom", "/feed.xml").entries[0]!.published).toBe("2024-01-02T00:00:00Z");
  });

  it("carry the full body with links made absolute, the byline as authors and tags as categories", () => {
    const body = '<p><a href="/2023/05/01/older/">older</a>, <a href="../../02/other/">rel</a>, <a href="#n">n</a>, <a href="https://x.org/a?b=1&amp;c=2">x</a> <img src="pic.png" alt=""></p>';
    const { feed } = feeds([article(1, { body: { html: body }, byline: "Maeve Rutherford and Tom Achterberg", tags: ["Harbour", "council"] })], {
      ...SETTINGS,
      pathPrefix: "/archive/",
    });
    const entry = feed("feed-atom", "/feed.xml").entries[0]!;
    expect(entry.contentHtml).toBe(
      '<p><a href="https://news.example.org/archive/2023/05/01/older/">older</a>, <a href="https://news.example.org/archive/2024/01/02/other/">rel</a>, <a href="https://news.example.org/archive/2024/01/01/story-1/#n">n</a>, <a href="https://x.org/a?b=1&amp;c=2">x</a> <img src="https://news.example.org/archive/2024/01/01/story-1/pic.png" alt=""></p>',
    );
    expect(entry.authors).toEqual([{ name: "Maeve Rutherford" }, { name: "Tom Achterberg" }]);
    expect(entry.categories).toEqual([
      { label: "Harbour", url: "https://news.example.org/archive/tags/harbour/" },
      { label: "council", url: "https://news.example.org/archive/tags/council/" },
    ]);
  });

  it("say the epoch, not the build time, when there are no articles", () => {
    const { feed } = feeds([]);
    expect(feed("feed-atom", "/feed.xml")).toMatchObject({ entries: [], updated: "1970-01-01T00:00:00Z" });
  });
});

describe("term feeds", () => {
  it("one per person, place and tag, newest feedLength of the term, summary only by default", () => {
    const articles = [1, 2, 3, 4, 5].map((n) => article(n, { people: n % 2 ? ["Ada Lovelace"] : [], places: ["Kestrel Bay"], tags: n === 2 ? ["Ships"] : [] }));
    const { pages, feed } = feeds(articles);
    expect(pages.map((p) => p.url).sort()).toEqual(
      ["/feed.json", "/feed.xml", "/people/ada-lovelace/feed.xml", "/places/kestrel-bay/feed.xml", "/tags/ships/feed.xml"].sort(),
    );
    const ada = feed("feed-atom", "/people/ada-lovelace/feed.xml");
    expect(ada.entries.map((e) => e.title)).toEqual(["Story 5", "Story 3", "Story 1"]);
    expect(ada.title).toBe("Ada Lovelace — Kestrel");
    expect(ada.homeUrl).toBe("https://news.example.org/people/ada-lovelace/");
    expect(ada.entries.every((e) => e.contentHtml === undefined)).toBe(true);
    expect(feed("feed-atom", "/places/kestrel-bay/feed.xml").entries).toHaveLength(3);
    expect(feed("feed-atom", "/tags/ships/feed.xml").updated).toBe("2024-01-02T00:00:00Z");
  });

  it("carry full bodies when termFeedContent is full, sharing one entry object per article", () => {
    const { feed } = feeds([article(1, { people: ["Ada Lovelace"], tags: ["Ships"] })], { ...SETTINGS, termFeedContent: "full" });
    const person = feed("feed-atom", "/people/ada-lovelace/feed.xml").entries[0]!;
    expect(person.contentHtml).toBe("<p>Body 1</p>");
    expect(feed("feed-atom", "/tags/ships/feed.xml").entries[0]).toBe(person);
  });

  it("build each entry once however many feeds it is in, and only when a feed is made", () => {
    const articles = Array.from({ length: 20 }, (_, i) => article(i + 1, { people: ["A B", "C D", "E F"], places: ["P Q"], tags: ["t"] }));
    const { placed } = placeArticles(articles);
    const taxonomies = {
      people: buildTaxonomy("people", placed, (a) => a.people),
      places: buildTaxonomy("places", placed, (a) => a.places),
      tags: buildTaxonomy("tags", placed, (a) => a.tags),
    };
    let bodyReads = 0;
    const counted = placed.map((a) => {
      const copy = { ...a };
      Object.defineProperty(copy, "body", { value: { get html() { bodyReads++; return a.body.html; } } });
      return copy;
    });
    const countedTaxonomies = {
      people: buildTaxonomy("people", counted, (a) => a.people),
      places: buildTaxonomy("places", counted, (a) => a.places),
      tags: buildTaxonomy("tags", counted, (a) => a.tags),
    };
    expect(taxonomies.people.terms).toHaveLength(3);
    const pages = buildFeedPages({ articles: counted, taxonomies: countedTaxonomies }, { ...SETTINGS, feedLength: 50, termFeedContent: "full" });
    // Keying the feeds reads no body: a rebuild makes only the feeds it renders.
    for (const page of pages) page.identity!();
    expect(bodyReads).toBe(0);
    for (const page of pages) page.spec();
    expect(bodyReads).toBe(20);
  });
});

describe("dates and body links", () => {
  it("use the later of date and updated, as RFC 3339 in UTC", () => {
    const date = parseArticleDate("2024-04-11T23:30:00-07:00")!;
    expect(feedDate(date)).toBe("2024-04-12T06:30:00Z");
    expect(lastModified({ date, updated: parseArticleDate("2024-01-01")! })).toBe(date);
  });

  it("prefix only site paths on pages", () => {
    const body = '<p><a href="/2023/x/">a</a> <a href="//cdn.example/x">b</a> <a href="rel/">c</a> <a href="https://e.org/">d</a></p>';
    expect(prefixBodyLinks(body, "/")).toBe(body);
    expect(prefixBodyLinks(body, "/archive/")).toBe('<p><a href="/archive/2023/x/">a</a> <a href="//cdn.example/x">b</a> <a href="rel/">c</a> <a href="https://e.org/">d</a></p>');
  });

  it("leave text that merely looks like an attribute alone", () => {
    const body = "<p>write href=&quot;/x&quot; in code: <code>src=&quot;y&quot;</code></p>";
    expect(absolutizeBodyLinks(body, "https://e.org/a/", (u) => `https://e.org${u}`)).toBe(body);
  });
});
