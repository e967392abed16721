import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { leadFromText } from "../../src/markdown.js";
import { listFiles } from "../../src/output/write-site.js";
import { slugify } from "../../src/slugs.js";
import { HOSTILE_SITE_TITLE, hostileArticles, hostileSiteFiles, LINKS_ARTICLE_TITLE } from "../fixtures/hostile/site.js";
import { displayedText, HOSTILE_VALUES, SAFE_BODY_LINKS } from "../fixtures/hostile/values.js";
import { launchChromium } from "../helpers/browser.js";
import { buildFixture, type FixtureProject } from "../helpers/build-fixture.js";
import { startStaticServer, type StaticServer } from "../helpers/static-server.js";

/**
 * The hostile archive opened in Chromium, every page of it: nothing runs, nothing opens a
 * dialog, no element gains an attribute or a link a hostile value wrote, and each value reads as
 * the text it was. Every page is visited once; the assertions below read what was seen.
 */
interface Visit {
  status: number | undefined;
  dialogs: string[];
  errors: string[];
  pwned: unknown;
  handlers: string[];
  scripts: string[];
  badUrls: string[];
  embedded: string[];
  /** textContent of the parts each hostile value lands in. */
  text: Record<string, string[]>;
  attrs: Record<string, (string | null)[]>;
}

const TEXT_SELECTORS = {
  title: "title",
  h1: "h1",
  summary: ".article-summary",
  byline: ".byline",
  source: ".article-source a",
  people: ".article-terms.people a",
  places: ".article-terms.places a",
  tags: ".article-terms.tags a",
  body: ".article-body",
  bodyQuote: ".article-body blockquote p",
  bodyItem: ".article-body li",
  bodyOther: ".article-body *:not(p, blockquote, ul, li)",
  hubTerms: "ul.terms li > a",
  cardTitles: ".card-title a",
  cardExcerpts: ".card-excerpt",
};
const ATTR_SELECTORS = {
  description: ['meta[name="description"]', "content"],
  sourceHref: [".article-source a", "href"],
  peopleHref: [".article-terms.people a", "href"],
  placesHref: [".article-terms.places a", "href"],
  tagsHref: [".article-terms.tags a", "href"],
  bodyLinks: [".article-body a", "href"],
  bodyImages: [".article-body img", "src"],
  bodyImageAlts: [".article-body img", "alt"],
} as const;

let site: FixtureProject;
let server: StaticServer;
let browser: Browser;
let page: Page;
const visits = new Map<string, Visit>();

async function visit(path: string): Promise<Visit> {
  const dialogs: string[] = [];
  const errors: string[] = [];
  const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };
  const onError = (error: Error) => errors.push(error.message);
  page.on("dialog", onDialog);
  page.on("pageerror", onError);
  const response = await page.goto(`${server.url}/${path.replace(/index\.html$/, "")}`, { waitUntil: "load" });
  // Give what an image error or a focus change would trigger its turn of the event loop.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 0)));
  const seen = await page.evaluate(
    ({ textSelectors, attrSelectors }) => {
      const handlers: string[] = [];
      const badUrls: string[] = [];
      for (const element of Array.from(document.querySelectorAll("*"))) {
        for (const attribute of Array.from(element.attributes)) {
          if (/^on|^autofocus$|^x$|^formaction$|^srcdoc$/i.test(attribute.name)) handlers.push(`<${element.localName} ${attribute.name}>`);
          if (/^(href|src|action|xlink:href|poster|data)$/i.test(attribute.name)) {
            const url = new URL(attribute.value, document.baseURI);
            if (url.protocol !== "http:" && url.protocol !== "https:") badUrls.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
          }
        }
      }
      const scripts = Array.from(document.scripts)
        .filter((s) => s.type !== "application/ld+json" && !(s.src && new URL(s.src).origin === location.origin))
        .map((s) => s.outerHTML.slice(0, 120));
      const embedded = Array.from(document.querySelectorAll("iframe, object, embed, frame, base, meta[http-equiv]")).map((e) => e.outerHTML.slice(0, 120));
      const text: Record<string, string[]> = {};
      for (const [key, selector] of Object.entries(textSelectors)) text[key] = Array.from(document.querySelectorAll(selector)).map((e) => e.textContent ?? "");
      const attrs: Record<string, (string | null)[]> = {};
      for (const [key, [selector, name]] of Object.entries(attrSelectors)) attrs[key] = Array.from(document.querySelectorAll(selector)).map((e) => e.getAttribute(name));
      return { pwned: (window as { __pwned?: unknown }).__pwned, handlers, scripts, badUrls, embedded, text, attrs };
    },
    { textSelectors: TEXT_SELECTORS, attrSelectors: ATTR_SELECTORS },
  );
  page.off("dialog", onDialog);
  page.off("pageerror", onError);
  return { status: response?.status(), dialogs, errors, ...seen };
}

beforeAll(async () => {
  site = await buildFixture(hostileSiteFiles());
  server = await startStaticServer(site.outputDir);
  browser = await launchChromium();
  page = await browser.newPage();
  const paths = (await listFiles(site.outputDir)).filter((f) => f.endsWith(".html")).sort();
  for (const path of paths) visits.set(path, await visit(path));
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

function seen(path: string): Visit {
  const found = visits.get(path);
  if (!found) throw new Error(`no page ${path}; pages: ${[...visits.keys()].slice(0, 20).join(", ")}…`);
  return found;
}

const siteTitle = displayedText(HOSTILE_SITE_TITLE);

describe("every page of a hostile archive in Chromium", () => {
  it("covers every page kind", () => {
    const paths = [...visits.keys()];
    for (const kind of ["index.html", "404.html", "archive/index.html", "search/index.html", "people/index.html", "places/index.html", "tags/index.html", "2024/index.html", "2024/01/index.html"]) {
      expect(paths).toContain(kind);
    }
    expect(paths.some((p) => /^people\/.+\/index\.html$/.test(p))).toBe(true);
    expect(paths.some((p) => /\/page\/2\/index\.html$/.test(p))).toBe(true);
  });

  it("runs no hostile script, opens no dialog and adds no attribute, element or link on any page", () => {
    for (const [path, v] of visits) {
      expect({ path, status: v.status, dialogs: v.dialogs, errors: v.errors, pwned: v.pwned, handlers: v.handlers, scripts: v.scripts, badUrls: v.badUrls, embedded: v.embedded }).toEqual({
        path,
        status: 200,
        dialogs: [],
        errors: [],
        pwned: undefined,
        handlers: [],
        scripts: [],
        badUrls: [],
        embedded: [],
      });
    }
  });

  it("shows the hostile site title as text on every page", () => {
    for (const [path, v] of visits) {
      expect(v.text.title![0], path).toMatch(new RegExp(`(^| — )${siteTitle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    }
  });
});

it("the checks above see a payload that does run (a page written without Dateline)", async () => {
  const { writeFile, mkdir } = await import("node:fs/promises");
  await mkdir(`${site.outputDir}/canary`, { recursive: true });
  await writeFile(`${site.outputDir}/canary/index.html`, `<!doctype html><title>x</title><img src=x onerror="window.__pwned='canary'; alert('canary')"><a href="javascript:void 0">j</a>`);
  const v = await visit("canary/index.html");
  expect(v.pwned).toBe("canary");
  expect(v.dialogs).toEqual(["canary"]);
  expect(v.handlers).toEqual(["<img onerror>"]);
  expect(v.badUrls).toEqual(['<a href="javascript:void 0">']);
});

describe("each hostile value reads as the text it was", () => {
  it.each(hostileArticles())("in every field of the article $value.id", ({ value, day, sourceUrl }) => {
    const shown = displayedText(value.value);
    const v = seen(`${day.replaceAll("-", "/")}/${slugify(value.value)}/index.html`);
    expect(v.text.title).toEqual([`${shown} — ${siteTitle}`]);
    expect(v.text.h1).toEqual([shown]);
    expect(v.text.summary).toEqual([shown]);
    expect(v.text.byline).toEqual([shown]);
    expect(v.attrs.description).toEqual([shown]);
    expect(v.text.source).toEqual([shown]);
    expect(v.attrs.sourceHref).toEqual([sourceUrl]);
    for (const kind of ["people", "places", "tags"] as const) {
      expect(v.text[kind]).toEqual([shown]);
      expect(v.attrs[`${kind}Href`]).toEqual([`/${kind}/${slugify(value.value)}/`]);
    }
    if (value.literalInMarkdown) {
      expect(v.text.body![0]).toContain(`Body before. ${value.value} Body after.`);
      expect(v.text.bodyQuote).toEqual([value.value]);
      expect(v.text.bodyItem).toEqual([value.value]);
    }
    expect(v.text.bodyOther).toEqual([]);
  });

  it.each(["people", "places", "tags"])("on the %s hub and each term page", (kind) => {
    const hubLabels = seen(`${kind}/index.html`).text.hubTerms!;
    for (const { value } of HOSTILE_VALUES) {
      const shown = displayedText(value);
      expect(hubLabels).toContain(shown);
      const term = seen(`${kind}/${slugify(value)}/index.html`);
      expect(term.text.h1).toEqual([`1 article ${kind === "tags" ? "tagged" : "mentioning"} ${shown}`]);
      expect(term.text.title).toEqual([`${shown} — ${siteTitle}`]);
      expect(term.text.cardTitles).toEqual([shown]);
      expect(term.text.cardExcerpts).toEqual([displayedText(leadFromText(value, 280))]);
    }
  });

  it("on the front page, year and month listings", () => {
    const titles: string[] = [];
    for (const [path, v] of visits) {
      if (/^(index\.html|page\/|2024\/)/.test(path) && !/^2024\/\d\d\/\d\d\//.test(path)) titles.push(...v.text.cardTitles!);
    }
    // Front page, year and month: each article is listed once on each.
    for (const { value } of HOSTILE_VALUES) expect(titles.filter((t) => t === displayedText(value))).toHaveLength(3);
    expect(titles).toContain(LINKS_ARTICLE_TITLE);
  });

  it("keeps the safe links of a body and only those", () => {
    const path = [...visits.keys()].find((p) => p.startsWith("2024/02/01/"))!;
    const v = seen(path);
    for (const link of SAFE_BODY_LINKS) expect(v.attrs.bodyLinks).toContain(link.href);
    expect(v.attrs.bodyImages).toEqual(["https://example.org/a.png"]);
    expect(v.attrs.bodyImageAlts).toEqual([`alt" onerror="alert('alt')`]);
  });
});

describe("search over a hostile archive", () => {
  /** Runs a search on the search page and returns what it shows, once settled. */
  async function search(query: string) {
    const dialogs: string[] = [];
    const onDialog = (dialog: { message(): string; dismiss(): Promise<void> }) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    };
    page.on("dialog", onDialog);
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => {
      const text = document.querySelector(".search-status")?.textContent ?? "";
      const busy = document.querySelector(".search-results[aria-busy]");
      return text !== "" && text !== "Searching…" && !busy && (document.querySelectorAll(".search-result").length > 0 || /^No /.test(text));
    });
    const shown = await page.evaluate(() => ({
      titles: Array.from(document.querySelectorAll(".search-result-title a")).map((a) => a.textContent ?? ""),
      hrefs: Array.from(document.querySelectorAll(".search-result-title a")).map((a) => (a as HTMLAnchorElement).protocol),
      excerpts: Array.from(document.querySelectorAll(".search-result-excerpt")).map((p) => p.textContent ?? ""),
      markup: Array.from(document.querySelectorAll(".search-results *, #search *")).filter((e) => !["LI", "H2", "A", "P", "SPAN", "MARK", "OL", "UL", "DIV", "FORM", "INPUT", "LABEL", "BUTTON", "SELECT", "OPTION", "NAV", "FIELDSET", "LEGEND", "NOSCRIPT", "SECTION", "H3", "DL", "DT", "DD", "TIME", "OUTPUT", "SMALL", "STRONG", "EM", "BR"].includes(e.tagName)).map((e) => e.tagName),
      input: (document.querySelector("#search-q") as HTMLInputElement | null)?.value,
      pwned: (window as { __pwned?: unknown }).__pwned,
    }));
    page.off("dialog", onDialog);
    return { ...shown, dialogs };
  }

  it("lists hostile titles and excerpts as text", async () => {
    const found = await search("pwned");
    const expected = HOSTILE_VALUES.filter((v) => v.value.includes("pwned")).map((v) => displayedText(v.value));
    expect(expected.length).toBeGreaterThan(2);
    for (const title of expected) expect(found.titles).toContain(title);
    expect(found.excerpts.some((e) => e.includes("<script>window.__pwned"))).toBe(true);
    expect(found.hrefs.every((p) => p === "http:")).toBe(true);
    expect({ markup: found.markup, dialogs: found.dialogs, pwned: found.pwned }).toEqual({ markup: [], dialogs: [], pwned: undefined });
  });

  it("shows a hostile query as text", async () => {
    const query = `"><img src=x onerror="window.__pwned='query'">`;
    const found = await search(query);
    expect(found.input).toBe(query);
    expect({ markup: found.markup, dialogs: found.dialogs, pwned: found.pwned }).toEqual({ markup: [], dialogs: [], pwned: undefined });
  });
});

