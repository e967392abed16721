import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ArticleValidationError } from "../../src/errors.js";
import { listFiles } from "../../src/output/write-site.js";
import { slugify } from "../../src/slugs.js";
import { parseFeed } from "@rowanmanning/feed-parser";
import { DomUtils, parseDocument } from "htmlparser2";
import { HtmlValidate } from "html-validate";
import { HOSTILE_SITE_TITLE, hostileArticles, hostileSiteFiles } from "../fixtures/hostile/site.js";
import { runXmllint } from "../helpers/xmllint.js";
import { displayedText, HOSTILE_VALUES, REFUSED_SOURCE_URLS } from "../fixtures/hostile/values.js";
import { articleText, buildFixture, createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";

/**
 * Hostile values through the whole build, checked on the bytes written. The browser test
 * (tests/browser/hostile-input.test.ts) checks the same site as Chromium sees it.
 */
let site: FixtureProject;
let files: string[];

beforeAll(async () => {
  site = await buildFixture(hostileSiteFiles());
  files = await listFiles(site.outputDir);
});
afterAll(() => site?.cleanup());

const decoder = new TextDecoder("utf-8", { fatal: true });

describe("a site built from hostile values", () => {
  it("gives every value its own article, person, place and tag page", () => {
    expect(new Set(HOSTILE_VALUES.map((v) => slugify(v.value))).size).toBe(HOSTILE_VALUES.length);
    for (const { value } of HOSTILE_VALUES) {
      for (const kind of ["people", "places", "tags"]) expect(files).toContain(`${kind}/${slugify(value)}/index.html`);
    }
    expect(files.filter((f) => /^2024\/0[12]\/\d\d\/[^/]+\/index\.html$/.test(f))).toHaveLength(HOSTILE_VALUES.length + 1);
  });

  it("writes only valid UTF-8 text, with no NUL byte and no unpaired surrogate", async () => {
    for (const file of files.filter((f) => /\.(html|xml|json|css|js|txt)$/.test(f) && !f.startsWith("pagefind"))) {
      const bytes = await readFile(join(site.outputDir, file));
      const text = decoder.decode(bytes);
      expect(text.includes("\u0000"), file).toBe(false);
      expect(/[\uD800-\uDFFF]/.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, "")), file).toBe(false);
    }
  });

  it("keeps every page valid HTML (html-validate, recommended preset as for the sample site)", async () => {
    const validator = new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } });
    const problems: string[] = [];
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const report = await validator.validateString(await readFile(join(site.outputDir, file), "utf8"), file);
      for (const result of report.results) for (const m of result.messages) if (m.severity === 2) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });

  it("never writes a hostile value's markup unescaped into HTML", async () => {
    const markupValues = HOSTILE_VALUES.map((v) => v.value).filter((v) => /[<>"']/.test(v));
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const text = await readFile(join(site.outputDir, file), "utf8");
      for (const value of markupValues) {
        for (const fragment of ["<script", "<img", "<svg", "onerror=", "onload=", "onfocus=", "autofocus"]) {
          if (value.includes(fragment)) expect(text.includes(value), `${file} holds ${JSON.stringify(value.slice(0, 40))} raw`).toBe(false);
        }
      }
      // The only elements that may carry script are Dateline's own: JSON-LD and same-site files.
      for (const tag of text.match(/<script\b[^>]*>/gi) ?? []) {
        expect(tag, file).toMatch(/type="application\/ld\+json"|src="\/[^"]*"/);
      }
      // No tag gained an attribute: with quoted values blanked, no event handler or autofocus is left.
      for (const tag of text.match(/<[a-z][^<>]*>/gi) ?? []) {
        expect(tag.replace(/"[^"]*"/g, '""'), file).not.toMatch(/\s(on[a-z]+|autofocus)\b/i);
      }
    }
  });

  it("leaves article text out of template processing: {{ }} and {% %} show as written", async () => {
    const value = HOSTILE_VALUES.find((v) => v.id === "template-braces")!.value;
    const page = await site.read(`people/${slugify(value)}/index.html`);
    expect(page).toContain("{{ 7 * 7 }} {% raw %}{{ constructor.constructor(&#39;alert(1)&#39;)() }}{% endraw %} ${7*7}");
    expect(page).not.toContain(">49<");
  });

  it("follows only http(s) and relative links from an article body", async () => {
    const page = await site.read(files.find((f) => f.startsWith("2024/02/01/"))!);
    const body = page.slice(page.indexOf('<div class="article-body">'), page.indexOf('<div class="article-footer">'));
    const hrefs = [...body.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    expect(hrefs.sort()).toEqual(
      [
        "#notes",
        "/2024/01/01/other/",
        "http://example.org/",
        "https://example.org/",
        "https://example.org/a.png",
        "https://example.org/path?q=1&r=2",
        // Not a scheme once the tab / newline is percent-encoded: a harmless relative path.
        "java%09script:alert('angle-tab')",
        "java%0Ascript:alert('newline-entity')",
      ].sort(),
    );
  });
});

/** Entry titles and summaries of an Atom feed, read as XML (entities decoded once, as XML says). */
function atomEntries(xml: string): { title: string; summary: string }[] {
  const doc = parseDocument(xml, { xmlMode: true });
  return DomUtils.getElementsByTagName("entry", doc.children).map((entry) => ({
    title: DomUtils.textContent(DomUtils.getElementsByTagName("title", entry.children)[0]!),
    summary: DomUtils.textContent(DomUtils.getElementsByTagName("summary", entry.children)[0]!),
  }));
}

describe("feeds, sitemap and JSON-LD of a hostile archive", () => {
  it("are well-formed XML, every one of them", async () => {
    const xmlFiles = files.filter((f) => f.endsWith(".xml"));
    expect(xmlFiles).toContain("feed.xml");
    expect(xmlFiles.filter((f) => f.startsWith("people/")).length).toBe(HOSTILE_VALUES.length);
    for (const file of xmlFiles) {
      const result = await runXmllint(join(site.outputDir, file));
      expect(result.ok, `${file}: ${result.output}`).toBe(true);
    }
  });

  it("carry each value as text in the Atom feeds: titles and summaries", async () => {
    const xml = await site.read("feed.xml");
    expect(parseFeed(xml).title).toBe(displayedText(HOSTILE_SITE_TITLE));
    const entries = atomEntries(xml);
    for (const value of HOSTILE_VALUES) {
      const entry = entries.find((e) => e.title === displayedText(value.value));
      expect(entry, value.id).toBeDefined();
      expect(entry!.summary, value.id).toBe(displayedText(value.value));
    }
    for (const article of hostileArticles()) {
      const termFeed = atomEntries(await site.read(`people/${slugify(article.value.value)}/feed.xml`));
      expect(termFeed.map((entry) => entry.title)).toEqual([displayedText(article.value.value)]);
    }
  });

  it("carry each value as text in the JSON Feed", async () => {
    const feed = JSON.parse(await site.read("feed.json")) as { title: string; items: { title: string; summary?: string; url: string }[] };
    expect(feed.title).toBe(displayedText(HOSTILE_SITE_TITLE));
    const titles = feed.items.map((item) => item.title);
    for (const value of HOSTILE_VALUES) expect(titles, value.id).toContain(displayedText(value.value));
    for (const item of feed.items) expect(item.url).toMatch(/^https:\/\/news\.example\.org\//);
  });

  it("keep JSON-LD a single script element that parses, with each value as the headline", async () => {
    for (const article of hostileArticles()) {
      const page = await site.read(`${article.day.replaceAll("-", "/")}/${slugify(article.value.value)}/index.html`);
      const scripts = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
      expect(scripts, article.value.id).toHaveLength(1);
      const data = JSON.parse(scripts[0]![1]!) as { headline: string; description?: string };
      expect(data.headline, article.value.id).toBe(displayedText(article.value.value));
    }
  });
});

describe("source.url", () => {
  it("accepts a relative source: prefixed on the page, absolute in the JSON-LD", async () => {
    const project = await createFixtureProject({
      "site.yaml": "baseUrl: https://news.example.org/\npathPrefix: /archive/\n",
      "2024/a.md": articleText("title: Earlier\ndate: 2024-01-01"),
      "2024/b.md": articleText("title: Follow-up\ndate: 2024-01-02\nsource:\n  name: Our earlier story\n  url: /2024/01/01/earlier/"),
      "2024/c.md": articleText("title: Second follow-up\ndate: 2024-01-03\nsource:\n  url: ../../02/follow-up/"),
    });
    try {
      await project.build({ search: false });
      const b = await project.read("2024/01/02/follow-up/index.html");
      expect(b).toContain('<p class="article-source"><span data-pagefind-ignore>Source:</span> <a href="/archive/2024/01/01/earlier/" rel="noopener noreferrer">Our earlier story</a></p>');
      const c = await project.read("2024/01/03/second-follow-up/index.html");
      expect(c).toContain('<a href="../../02/follow-up/" rel="noopener noreferrer">../../02/follow-up/</a>');
      const basedOn = (page: string) => (JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as { isBasedOn: string }).isBasedOn;
      expect(basedOn(b)).toBe("https://news.example.org/archive/2024/01/01/earlier/");
      expect(basedOn(c)).toBe("https://news.example.org/archive/2024/01/02/follow-up/");
    } finally {
      await project.cleanup();
    }
  });

  it.each(REFUSED_SOURCE_URLS)("refuses %j with an error naming the file and field", async (url) => {
    const project = await createFixtureProject({
      "2024/a.md": articleText(`title: A\ndate: 2024-01-01\nsource:\n  name: Wire\n  url: ${JSON.stringify(url)}`),
    });
    try {
      const error = await project.build().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ArticleValidationError);
      const issues = (error as ArticleValidationError).issues;
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ file: "content/2024/a.md", field: "source.url", ruleId: "article-schema:source", expected: "an http(s) or relative URL" });
      expect((error as Error).message).toContain("content/2024/a.md:");
      await expect(readFile(join(project.outputDir, "index.html"))).rejects.toThrow();
    } finally {
      await project.cleanup();
    }
  });
});
