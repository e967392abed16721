import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/output/write-site.js";
import { articleText, buildFixtureSite, type FixtureProject } from "../helpers/build-fixture.js";
import { attr, hasClass, isInside, parseHtml, type ParsedPage } from "../helpers/html.js";

/** Listings at 0, 1, 20 and 21 articles (20 a page): page 2 exists only at 21, linked both ways. */
function articles(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 1; i <= n; i++) {
    const day = String(i).padStart(2, "0");
    out[`2024/03/story-${day}.md`] = articleText(`title: Story ${i}\ndate: 2024-03-${day}\npeople: [Ada Lovelace]\nplaces: [Lagos]\ntags: [Budget]`);
  }
  return out;
}

const LISTINGS = ["/", "/people/ada-lovelace/", "/places/lagos/", "/tags/budget/", "/2024/", "/2024/03/"];

const cardsOf = (p: ParsedPage) => p.all("a", (a) => isInside(a, (el) => hasClass(el, "card-title"))).map((a) => attr(a, "href"));
const rel = (p: ParsedPage, tag: "a" | "link", value: string) => p.all(tag, (el) => attr(el, "rel") === value).map((el) => attr(el, "href"));

describe.each([0, 1, 20, 21])("a site with %i articles", (count) => {
  let site: FixtureProject;
  let files: string[];
  beforeAll(async () => {
    site = await buildFixtureSite(articles(count));
    files = await listFiles(site.outputDir);
  });
  afterAll(() => site?.cleanup());
  const page = async (url: string) => parseHtml(await site.read(`${url.slice(1)}index.html`));

  it("has its front page, and page 2 of a listing only at 21 articles", async () => {
    const listings = count === 0 ? ["/"] : LISTINGS;
    for (const url of listings) {
      const first = await page(url);
      expect(cardsOf(first), url).toHaveLength(Math.min(count, 20));
      expect(files.includes(`${url.slice(1)}page/2/index.html`), url).toBe(count > 20);
      expect(files.includes(`${url.slice(1)}page/3/index.html`), url).toBe(false);
    }
    if (count === 0) {
      expect((await page("/")).texts("p", (p) => hasClass(p, "empty"))).toEqual(["No articles yet."]);
      expect(files.some((f) => /^\d{4}\//.test(f))).toBe(false);
    }
  });

  it("links pages with rel=prev/next only where a neighbour exists", async () => {
    const listings = count === 0 ? ["/"] : LISTINGS;
    for (const url of listings) {
      const first = await page(url);
      if (count <= 20) {
        expect([...rel(first, "link", "next"), ...rel(first, "link", "prev"), ...rel(first, "a", "next"), ...rel(first, "a", "prev")], url).toEqual([]);
        continue;
      }
      const second = await page(`${url}page/2/`);
      expect(rel(first, "link", "next"), url).toEqual([`${url}page/2/`]);
      expect(rel(first, "a", "next"), url).toEqual([`${url}page/2/`]);
      expect(rel(first, "link", "prev"), url).toEqual([]);
      expect(rel(second, "link", "prev"), url).toEqual([url]);
      expect(rel(second, "a", "prev"), url).toEqual([url]);
      expect(rel(second, "link", "next"), url).toEqual([]);
      // Together the two pages list every article once, newest first.
      const all = [...cardsOf(first), ...cardsOf(second)];
      expect(all).toHaveLength(21);
      expect(new Set(all).size).toBe(21);
      expect(all[0]).toBe("/2024/03/21/story-21/");
      expect(cardsOf(second)).toEqual(["/2024/03/01/story-1/"]);
      expect(second.texts("title")[0]).toMatch(/\(page 2 of 2\)/);
    }
  });

  it("counts the articles in each listing's heading", async () => {
    if (count === 0) return;
    const phrase = count === 1 ? "1 article" : `${count} articles`;
    expect((await page("/people/ada-lovelace/")).texts("h1")).toEqual([`${phrase} mentioning Ada Lovelace`]);
    expect((await page("/tags/budget/")).texts("h1")).toEqual([`${phrase} tagged Budget`]);
    expect((await page("/2024/03/")).texts("h1")).toEqual([`${phrase} from March 2024`]);
  });
});
