import { describe, expect, it } from "vitest";
import { articleFixture } from "../helpers/article-fixture.js";
import type { Article } from "../../src/article.js";
import { parseArticleDate } from "../../src/dates.js";
import type { ArticlePage, ListingPage, PageSpec } from "../../src/pages.js";
import { DEFAULT_SETTINGS } from "../../src/settings.js";
import { parseArticle } from "../../src/load-articles.js";
import { createMarkdown } from "../../src/markdown.js";
import { buildSiteModel, placeArticles, pageSpecs } from "../../src/site-model.js";

function article(file: string, title: string, date: string, names: Partial<Pick<Article, "people" | "places" | "tags">> = {}): Article {
  return articleFixture({
    file,
    title,
    date: parseArticleDate(date)!,
    people: names.people ?? [],
    places: names.places ?? [],
    tags: names.tags ?? [],
    draft: false,
    body: { html: `<p>${title}</p>` },
    excerpt: title,
    wordCount: 1,
  });
}

const pageAt = (pages: readonly PageSpec[], url: string) => pages.find((p) => p.url === url);
const listingTitles = (pages: readonly PageSpec[], url: string) => (pageAt(pages, url) as ListingPage).items.map((i) => i.title);

describe("placeArticles: article URLs", () => {
  it("gives same-day, same-slug articles -2, -3 in file-path order, whatever the input order, with warnings", () => {
    const input = [
      article("content/2024/c.md", "Talks resume!", "2024-04-11"),
      article("content/2024/a.md", "Talks resume", "2024-04-11"),
      article("content/2024/b.md", "Talks Resume", "2024-04-11T10:00:00Z"),
      article("content/2024/d.md", "Talks resume", "2024-04-12"),
    ];
    const { placed, warnings } = placeArticles(input);
    const urlOf = (file: string) => placed.find((a) => a.file === file)!.url;
    expect(urlOf("content/2024/a.md")).toBe("/2024/04/11/talks-resume/");
    expect(urlOf("content/2024/b.md")).toBe("/2024/04/11/talks-resume-2/");
    expect(urlOf("content/2024/c.md")).toBe("/2024/04/11/talks-resume-3/");
    expect(urlOf("content/2024/d.md")).toBe("/2024/04/12/talks-resume/");
    expect(warnings.map((w) => [w.file, w.ruleId, w.severity, w.reason])).toEqual([
      [
        "content/2024/b.md",
        "urls:duplicate-slug",
        "warning",
        'another article of 2024-04-11 (content/2024/a.md) has the same title slug "talks-resume"; this one is published at /2024/04/11/talks-resume-2/',
      ],
      [
        "content/2024/c.md",
        "urls:duplicate-slug",
        "warning",
        'another article of 2024-04-11 (content/2024/a.md) has the same title slug "talks-resume"; this one is published at /2024/04/11/talks-resume-3/',
      ],
    ]);
    // Same result in reverse input order: the numbering follows file paths only.
    expect(placeArticles([...input].reverse()).placed.map((a) => a.url)).toEqual(placed.map((a) => a.url));
  });

  it("skips a suffix an article already uses by its own title", () => {
    const { placed } = placeArticles([
      article("content/a.md", "Vote", "2024-01-01"),
      article("content/b.md", "Vote 2", "2024-01-01"),
      article("content/c.md", "Vote", "2024-01-01"),
    ]);
    expect(placed.map((a) => a.url).sort()).toEqual(["/2024/01/01/vote-2/", "/2024/01/01/vote-3/", "/2024/01/01/vote/"]);
  });

  it("sorts newest first, same instant in file-path order", () => {
    const { placed } = placeArticles([
      article("content/b.md", "B", "2024-01-01"),
      article("content/c.md", "C", "2023-06-01"),
      article("content/a.md", "A", "2024-01-01"),
      article("content/d.md", "D", "2024-01-01T08:00:00+01:00"),
    ]);
    expect(placed.map((a) => a.title)).toEqual(["D", "A", "B", "C"]);
  });
});

describe("buildSiteModel", () => {
  const articles = [
    article("content/2024/a.md", "Blinken in Tel Aviv", "2024-04-11", { people: ["Antony Blinken", "Yoav Gallant"], places: ["Tel Aviv"], tags: ["Diplomacy"] }),
    // As the schema reads `people: [José Martí, Jose Marti]`: one name per slug, the first spelling.
    article("content/2024/b.md", "Martí remembered", "2024-04-02", { people: ["José Martí"], places: ["Havana"] }),
    article("content/2023/c.md", "Havana notes", "2023-12-30", { people: ["Jose Marti"], places: ["Havana"], tags: ["diplomacy"] }),
    article("content/2023/d.md", "More on Martí", "2023-01-05", { people: ["José Martí"], tags: ["Culture"] }),
  ];
  const model = buildSiteModel(articles, DEFAULT_SETTINGS);
  const pages = pageSpecs(model);

  it("makes one page per URL", () => {
    const urls = pages.map((p) => p.url);
    expect(new Set(urls).size).toBe(urls.length);
  });

  it("gives every article its page", () => {
    const articlePages = pages.filter((p): p is ArticlePage => p.kind === "article");
    expect(articlePages.map((p) => p.title).sort()).toEqual(articles.map((a) => a.title).sort());
  });

  it("lists exactly each term's articles, newest first, under the most used spelling", () => {
    expect(listingTitles(pages, "/people/jose-marti/")).toEqual(["Martí remembered", "Havana notes", "More on Martí"]);
    expect((pageAt(pages, "/people/jose-marti/") as ListingPage).heading).toBe("3 articles mentioning José Martí");
    expect(listingTitles(pages, "/people/antony-blinken/")).toEqual(["Blinken in Tel Aviv"]);
    expect((pageAt(pages, "/people/antony-blinken/") as ListingPage).heading).toBe("1 article mentioning Antony Blinken");
    expect(listingTitles(pages, "/places/havana/")).toEqual(["Martí remembered", "Havana notes"]);
    expect(listingTitles(pages, "/tags/diplomacy/")).toEqual(["Blinken in Tel Aviv", "Havana notes"]);
    expect((pageAt(pages, "/tags/diplomacy/") as ListingPage).heading).toBe("2 articles tagged Diplomacy");
  });

  it("links an article naming one entity in two spellings to it once", () => {
    const parsed = parseArticle("---\ntitle: Martí remembered\ndate: 2024-04-02\npeople: [José Martí, Jose Marti]\n---\nBody.", "content/2024/b.md", createMarkdown());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const withBoth = pageSpecs(buildSiteModel([parsed.article, ...articles.filter((a) => a.title !== "Martí remembered")], DEFAULT_SETTINGS));
    const page = pageAt(withBoth, "/2024/04/02/marti-remembered/") as ArticlePage;
    expect(page.article.people).toEqual([{ label: "José Martí", url: "/people/jose-marti/" }]);
  });

  it("lists years and months with exactly their articles", () => {
    expect(listingTitles(pages, "/2024/")).toEqual(["Blinken in Tel Aviv", "Martí remembered"]);
    expect(listingTitles(pages, "/2024/04/")).toEqual(["Blinken in Tel Aviv", "Martí remembered"]);
    expect(listingTitles(pages, "/2023/12/")).toEqual(["Havana notes"]);
    expect(listingTitles(pages, "/2023/01/")).toEqual(["More on Martí"]);
    expect((pageAt(pages, "/2023/") as ListingPage).months).toEqual([
      { label: "December", url: "/2023/12/", count: 1 },
      { label: "January", url: "/2023/01/", count: 1 },
    ]);
    expect(pageAt(pages, "/2024/02/")).toBeUndefined();
  });

  it("builds hubs A–Z with counts and the archive with every year and month", () => {
    const hub = pageAt(pages, "/people/");
    expect(hub?.kind === "hub" && hub.groups.map((g) => [g.letter, g.terms.map((t) => `${t.label} ${t.count}`)])).toEqual([
      ["A", ["Antony Blinken 1"]],
      ["J", ["José Martí 3"]],
      ["Y", ["Yoav Gallant 1"]],
    ]);
    const archive = pageAt(pages, "/archive/");
    expect(archive?.kind === "archive" && archive.years.map((y) => [y.label, y.count, y.months.map((m) => `${m.label} ${m.count}`)])).toEqual([
      ["2024", 2, ["April 2"]],
      ["2023", 2, ["December 1", "January 1"]],
    ]);
  });

  it("links each article to its neighbours in time", () => {
    const page = pageAt(pages, model.articles.find((a) => a.title === "Martí remembered")!.url) as ArticlePage;
    expect(page.article.newer?.title).toBe("Blinken in Tel Aviv");
    expect(page.article.older?.title).toBe("Havana notes");
    const newest = pageAt(pages, model.articles[0]!.url) as ArticlePage;
    expect(newest.article.newer).toBeUndefined();
  });

  it("has the front page, search and 404", () => {
    expect(listingTitles(pages, "/")).toEqual(["Blinken in Tel Aviv", "Martí remembered", "Havana notes", "More on Martí"]);
    expect(pageAt(pages, "/search/")?.kind).toBe("search");
    expect(pageAt(pages, "/404.html")?.kind).toBe("not-found");
  });

  it("applies the aliases resolver: renamed names merge, dropped names vanish", () => {
    const resolved = buildSiteModel(articles, DEFAULT_SETTINGS, (kind, name) => (kind === "people" && name === "Yoav Gallant" ? null : kind === "places" && name === "Tel Aviv" ? "Tel Aviv-Yafo" : name));
    expect(pageAt(pageSpecs(resolved), "/people/yoav-gallant/")).toBeUndefined();
    expect(listingTitles(pageSpecs(resolved), "/places/tel-aviv-yafo/")).toEqual(["Blinken in Tel Aviv"]);
  });

  it("paginates listings at perPage: page 2 only from 21 articles", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => article(`content/x${String(i).padStart(2, "0")}.md`, `Story ${i}`, `2024-01-${String((i % 28) + 1).padStart(2, "0")}`, { tags: ["Busy"] }));
    const twenty = pageSpecs(buildSiteModel(many(20), DEFAULT_SETTINGS));
    expect(pageAt(twenty, "/page/2/")).toBeUndefined();
    expect(pageAt(twenty, "/tags/busy/page/2/")).toBeUndefined();
    const twentyOne = pageSpecs(buildSiteModel(many(21), DEFAULT_SETTINGS));
    for (const first of ["/", "/tags/busy/", "/2024/", "/2024/01/"]) {
      const one = pageAt(twentyOne, first) as ListingPage;
      const two = pageAt(twentyOne, `${first}page/2/`) as ListingPage;
      expect(one.items).toHaveLength(20);
      expect(two.items).toHaveLength(1);
      expect(one.pagination).toMatchObject({ number: 1, total: 2, nextUrl: `${first}page/2/` });
      expect(two.pagination).toMatchObject({ number: 2, total: 2, previousUrl: first });
      expect(pageAt(twentyOne, `${first}page/3/`)).toBeUndefined();
    }
  });

  it("keys each listing page by what it shows: same identity, same spec; a changed card changes only its pages", () => {
    const many = (n: number, retitle?: number) =>
      Array.from({ length: n }, (_, i) =>
        article(`content/x${String(i).padStart(2, "0")}.md`, i === retitle ? `Story ${i}, corrected` : `Story ${i}`, `2024-01-${String((i % 28) + 1).padStart(2, "0")}`, { tags: ["Busy"] }),
      );
    const listings = (articles: Article[]) =>
      new Map(buildSiteModel(articles, DEFAULT_SETTINGS).pages.filter((p) => p.kind === "listing").map((p) => [p.url, { identity: p.identity!(), spec: JSON.stringify(p.spec()) }]));
    const before = listings(many(45));
    // x00 is dated 1 January: on the last page of every listing it is in.
    const edited = listings(many(45, 0));
    const added = listings(many(46));
    const changed = (after: typeof before) => [...after].filter(([url, page]) => before.get(url)?.identity !== page.identity).map(([url]) => url).sort();
    for (const after of [edited, added]) {
      for (const [url, page] of after) {
        const old = before.get(url);
        if (old && old.identity === page.identity) expect(page.spec).toBe(old.spec);
        if (old && old.spec !== page.spec) expect(page.identity).not.toBe(old.identity);
      }
    }
    expect(changed(edited)).toEqual(["/2024/01/page/3/", "/2024/page/3/", "/page/3/", "/tags/busy/page/3/"]);
    // One more article: every heading's count changes, so every page of its listings.
    expect(changed(added)).toEqual([...added.keys()].sort());
  });

  it("still makes the front page, hubs and archive for an empty archive", () => {
    const empty = pageSpecs(buildSiteModel([], DEFAULT_SETTINGS));
    for (const url of ["/", "/people/", "/places/", "/tags/", "/archive/", "/search/", "/404.html"]) expect(pageAt(empty, url), url).toBeDefined();
    expect((pageAt(empty, "/") as ListingPage).items).toEqual([]);
  });
});
