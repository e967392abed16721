import { describe, expect, it } from "vitest";
import { articleFixture } from "../helpers/article-fixture.js";
import { renderArticlePage } from "../../layouts/article.js";
import type { Article } from "../../src/article.js";
import { parseByline } from "../../src/bylines.js";
import { parseArticleDate } from "../../src/dates.js";
import { buildArticleMetadata } from "../../src/news-metadata.js";
import type { ArticlePage } from "../../src/pages.js";
import { createRenderContext } from "../../src/prepare-site.js";
import { DEFAULT_SETTINGS, type SiteSettings } from "../../src/settings.js";
import { buildSiteModel, pageSpecs } from "../../src/site-model.js";

const SETTINGS: SiteSettings = { ...DEFAULT_SETTINGS, title: "Kestrel Bay Chronicle", publisher: "Kestrel Bay Media", baseUrl: "https://news.example.org/", pathPrefix: "/archive/" };

const HOSTILE_TITLE = 'Mayor says "no" </script><script>alert(1)</script> & leaves \u2028';

function article(overrides: Partial<Article> = {}): Article {
  return articleFixture({
    title: HOSTILE_TITLE,
    date: parseArticleDate("2024-04-11")!,
    updated: parseArticleDate("2024-04-12")!,
    people: ["Antony Blinken", "Yoav Gallant"],
    places: ["Tel Aviv"],
    tags: ["diplomacy"],
    byline: "Maeve Rutherford",
    summary: 'A summary with "quotes" & <b>tags</b>',
    source: { name: "Wire", url: "https://example.org/wire/1" },
    draft: false,
    file: "content/2024/04/x.md",
    body: { html: "<p>Body</p>" },
    excerpt: "Excerpt",
    wordCount: 1,
    ...overrides,
  });
}

function renderedArticle(a: Article) {
  const model = buildSiteModel([a], SETTINGS);
  const page = pageSpecs(model).find((p): p is ArticlePage => p.kind === "article")!;
  return { page, html: renderArticlePage(page, createRenderContext(SETTINGS, "/assets/style.css")) };
}

function jsonLdBlocks(html: string): unknown[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
}

describe("NewsArticle JSON-LD", () => {
  it("is data with headline, dates, author, publisher, and each person and place with its page", () => {
    const { page } = renderedArticle(article());
    expect(page.metadata!.jsonLd).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      mainEntityOfPage: { "@type": "WebPage", "@id": "https://news.example.org/archive/2024/04/11/mayor-says-no-script-script-alert-1-script-and-leaves/" },
      url: "https://news.example.org/archive/2024/04/11/mayor-says-no-script-script-alert-1-script-and-leaves/",
      headline: HOSTILE_TITLE,
      description: 'A summary with "quotes" & <b>tags</b>',
      datePublished: "2024-04-11",
      dateModified: "2024-04-12",
      inLanguage: "en",
      author: [{ "@type": "Person", name: "Maeve Rutherford" }],
      publisher: { "@type": "Organization", name: "Kestrel Bay Media", url: "https://news.example.org/archive/" },
      isAccessibleForFree: true,
      keywords: ["diplomacy"],
      about: [{ "@type": "Thing", name: "diplomacy", url: "https://news.example.org/archive/tags/diplomacy/" }],
      mentions: [
        { "@type": "Person", name: "Antony Blinken", url: "https://news.example.org/archive/people/antony-blinken/" },
        { "@type": "Person", name: "Yoav Gallant", url: "https://news.example.org/archive/people/yoav-gallant/" },
        { "@type": "Place", name: "Tel Aviv", url: "https://news.example.org/archive/places/tel-aviv/" },
      ],
      isBasedOn: "https://example.org/wire/1",
    });
  });

  it.each([
    ["/2021/03/15/footbridge/", "/archive/2021/03/15/footbridge/", "https://news.example.org/archive/2021/03/15/footbridge/"],
    ["../../../../2021/", "../../../../2021/", "https://news.example.org/archive/2021/"],
    ["https://example.org/wire/1", "https://example.org/wire/1", "https://example.org/wire/1"],
  ])("links the source %j as %j on the page (under /archive/) and as %j in isBasedOn", (url, href, absolute) => {
    const { page, html } = renderedArticle(article({ source: { name: "Earlier", url } }));
    expect(html).toContain(`<p class="article-source"><span data-pagefind-ignore>Source:</span> <a href="${href}" rel="noopener noreferrer">Earlier</a></p>`);
    expect((page.metadata!.jsonLd as { isBasedOn?: string }).isBasedOn).toBe(absolute);
    expect(jsonLdBlocks(html)).toEqual([page.metadata!.jsonLd]);
  });

  it("stays one valid, inert script element whatever the title holds", () => {
    const { page, html } = renderedArticle(article());
    const blocks = jsonLdBlocks(html);
    expect(blocks).toEqual([page.metadata!.jsonLd]);
    // The only </script> in the head is the JSON-LD's own closing tag.
    const head = html.slice(0, html.indexOf("</head>"));
    expect(head.match(/<\/script>/g)).toHaveLength(1);
    expect(head).not.toContain("<script>alert");
  });

  it("names the publisher as author when there is no byline, and an agency as an Organization", () => {
    const meta = (byline?: string) => buildArticleMetadata({ ...article(), url: "/x/", ...(byline ? { byline } : { byline: undefined }) }, { people: [], places: [], tags: [] }, SETTINGS).jsonLd;
    expect(meta().author).toEqual([{ "@type": "Organization", name: "Kestrel Bay Media", url: "https://news.example.org/archive/" }]);
    expect(meta("Reuters").author).toEqual([{ "@type": "Organization", name: "Reuters" }]);
    expect(meta().mentions).toBeUndefined();
  });

  it("keeps a date-time with its offset", () => {
    const meta = buildArticleMetadata({ ...article({ updated: undefined }), url: "/x/", date: parseArticleDate("2024-04-11T23:30:00-07:00")! }, { people: [], places: [], tags: [] }, SETTINGS);
    expect(meta.publishedTime).toBe("2024-04-11T23:30:00-07:00");
    expect(meta.modifiedTime).toBe("2024-04-11T23:30:00-07:00");
  });
});

describe("Open Graph and Twitter card", () => {
  it("describe the article with escaped values", () => {
    const { html } = renderedArticle(article());
    const meta = (key: string) => [...html.matchAll(new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`, "g"))].map((m) => m[1]);
    expect(meta("og:type")).toEqual(["article"]);
    expect(meta("og:title")).toEqual(["Mayor says &quot;no&quot; &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; leaves \u2028"]);
    expect(meta("og:url")).toEqual(["https://news.example.org/archive/2024/04/11/mayor-says-no-script-script-alert-1-script-and-leaves/"]);
    expect(meta("og:site_name")).toEqual(["Kestrel Bay Chronicle"]);
    expect(meta("og:description")).toEqual(["A summary with &quot;quotes&quot; &amp; &lt;b&gt;tags&lt;/b&gt;"]);
    expect(meta("article:published_time")).toEqual(["2024-04-11"]);
    expect(meta("article:modified_time")).toEqual(["2024-04-12"]);
    expect(meta("article:tag")).toEqual(["diplomacy"]);
    expect(meta("twitter:card")).toEqual(["summary"]);
    expect(html).toContain('<link rel="canonical" href="https://news.example.org/archive/2024/04/11/mayor-says-no-script-script-alert-1-script-and-leaves/">');
  });
});

describe("parseByline", () => {
  it("tells people from organizations and splits joint bylines", () => {
    expect(parseByline("By Maeve Rutherford and Tom Achterberg")).toEqual([
      { name: "Maeve Rutherford", kind: "person" },
      { name: "Tom Achterberg", kind: "person" },
    ]);
    expect(parseByline("Staff reporter")).toEqual([{ name: "Staff reporter", kind: "organization" }]);
    expect(parseByline("Press and Wire Service")).toEqual([{ name: "Press and Wire Service", kind: "organization" }]);
    expect(parseByline("AFP")).toEqual([{ name: "AFP", kind: "organization" }]);
    expect(parseByline("Ludwig van Beethoven, Ibn al-Haytham")).toEqual([
      { name: "Ludwig van Beethoven", kind: "person" },
      { name: "Ibn al-Haytham", kind: "person" },
    ]);
    expect(parseByline("  ")).toEqual([]);
  });
});
