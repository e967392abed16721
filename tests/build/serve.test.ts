import { mkdtemp, rename, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.js";
import { articleText } from "../helpers/build-fixture.js";
import { startCommand, type RunningCommand } from "../helpers/cli.js";
import { slugify } from "../../src/slugs.js";
import { monthUrl, termUrl, yearUrl } from "../../src/urls.js";

/**
 * `npm start` (src/cli/serve.ts) as a user runs it, in a temp project: while it serves, adding,
 * editing, renaming and deleting articles updates every page that shows them (the article, the
 * front page, person / place / tag pages and their feeds, year and month pages, the site's feeds
 * and search), and a broken
 * article is reported (terminal, browser console and a banner on every page) while the last good site stays up.
 */
let dir: string;
let serve: RunningCommand;
let base: string;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

async function put(path: string, text: string): Promise<void> {
  const target = join(dir, "content", path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, text);
}

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, text: await response.text() };
}

/** Polls until `check` holds; the limit only keeps a broken watcher from hanging the suite. */
async function eventually(what: string, check: () => Promise<boolean>, limitMs = 30_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((done) => setTimeout(done, 150));
  }
  throw new Error(`${what}: not seen within ${limitMs / 1000} s\nserver output:\n${serve.output().slice(-3000)}`);
}

/** Titles the search page lists for a query, once it settled. */
async function searchTitles(query: string): Promise<string[]> {
  // A fresh context each time: no HTTP cache, so the index is the one the server has now.
  const context = await browser.newContext();
  try {
    const searchPage = await context.newPage();
    await searchPage.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
    await searchPage.waitForFunction(() => {
      const text = document.querySelector(".search-status")?.textContent ?? "";
      return text !== "" && text !== "Searching…" && (document.querySelectorAll(".search-result").length > 0 || /^No /.test(text));
    });
    return await searchPage.$$eval(".search-result-title a", (links) => links.map((a) => a.textContent ?? ""));
  } finally {
    await context.close();
  }
}

/** An article as the pages show it: where it is published, and what lists it. */
interface Shown {
  readonly title: string;
  readonly url: string;
  readonly year: string;
  readonly month: string;
  readonly people: readonly string[];
  readonly places: readonly string[];
  readonly tags: readonly string[];
}

const PUBLISHED: Shown = { title: "Zebrafish study published", url: "/2025/05/06/zebrafish-study-published/", year: "2025", month: "05", people: ["Grace Hopper", "Ada Lovelace"], places: ["Lisbon"], tags: ["science"] };
const RETRACTED: Shown = { title: "Zebrafish study retracted", url: "/2025/06/09/zebrafish-study-retracted/", year: "2025", month: "06", people: ["Grace Hopper"], places: ["Lisbon", "Porto"], tags: ["science"] };

/** Every listing page and feed that must show the article: front page, its terms' pages and feeds, its year and month, the site's feeds. */
function listingsOf(article: Shown): string[] {
  const terms = (["people", "places", "tags"] as const).flatMap((kind) => article[kind].map((name) => termUrl(kind, slugify(name))));
  return ["/", ...terms, yearUrl(article.year), monthUrl(article.year, article.month), "/feed.xml", "/feed.json", ...terms.map((url) => `${url}feed.xml`)];
}

/** The article's own page answers, and every page that lists it shows it exactly once. */
async function expectShownOnce(article: Shown): Promise<void> {
  const own = await get(article.url);
  expect(own.status, article.url).toBe(200);
  expect(own.text).toContain(`<h1>${article.title}</h1>`);
  for (const path of listingsOf(article)) {
    const response = await get(path);
    expect(response.status, path).toBe(200);
    expect(response.text.split(article.title).length - 1, `${article.title} on ${path}`).toBe(1);
  }
}

/** No page shows the article any more (pages that still exist, for `kept`'s sake, are checked too). */
async function expectNotShown(article: Shown, kept?: Shown): Promise<void> {
  const paths = new Set([...listingsOf(article), ...(kept ? listingsOf(kept) : []), "/people/ada-lovelace/", "/people/ada-lovelace/feed.xml"]);
  for (const path of paths) {
    const response = await get(path);
    if (response.status === 404) continue;
    expect(response.status, path).toBe(200);
    expect(response.text, `${article.title} still on ${path}`).not.toContain(article.title);
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-serve-"));
  await put("2023/harbour.md", articleText("title: Harbour reopens\ndate: 2023-06-01\npeople: [Ada Lovelace]\nplaces: [Kestrel Bay]\ntags: [ships]", "The harbour reopened."));
  await put("2024/council.md", articleText("title: Council meets\ndate: 2024-02-03\npeople: [Ada Lovelace]\ntags: [politics]", "The council met."));
  serve = startCommand("src/cli/serve.ts", ["--port", "0"], dir);
  await eventually("the server's address", async () => /http:\/\/127\.0\.0\.1:\d+\//.test(serve.output()), 60_000);
  base = /http:\/\/127\.0\.0\.1:\d+/.exec(serve.output())![0];
  browser = await launchChromium();
  page = await browser.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (serve) {
    await serve.kill("SIGTERM");
    await Promise.race([serve.exited, new Promise((done) => setTimeout(done, 5000))]);
    await serve.kill("SIGKILL");
  }
  await rm(dir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("serves the built site on 127.0.0.1", async () => {
    expect((await get("/")).text).toContain("Harbour reopens");
    expect((await get("/2023/06/01/harbour-reopens/")).status).toBe(200);
    expect((await get("/people/ada-lovelace/")).text).toContain("2 articles mentioning Ada Lovelace");
  });

  it("adds a new article to every page that lists it", { timeout: 90_000 }, async () => {
    await put("2025/05/zebrafish.md", articleText("title: Zebrafish study published\ndate: 2025-05-06\npeople: [Grace Hopper, Ada Lovelace]\nplaces: [Lisbon]\ntags: [science]", "Researchers studied zebrafish."));
    await eventually("the new article's page", async () => (await get("/2025/05/06/zebrafish-study-published/")).status === 200);
    await expectShownOnce(PUBLISHED);
    expect((await get("/people/ada-lovelace/")).text).toContain("3 articles mentioning Ada Lovelace");
    for (const [hub, name] of [["/people/", "Grace Hopper"], ["/places/", "Lisbon"], ["/tags/", "science"], ["/archive/", 'href="/2025/"']]) {
      expect((await get(hub!)).text, hub).toContain(name);
    }
    expect(await searchTitles("zebrafish")).toEqual(["Zebrafish study published"]);
  });

  it("moves an edited article (new title, month, people and places) on every page, and drops what it left", { timeout: 90_000 }, async () => {
    await put("2025/05/zebrafish.md", articleText("title: Zebrafish study retracted\ndate: 2025-06-09\npeople: [Grace Hopper]\nplaces: [Lisbon, Porto]\ntags: [science]", "Researchers withdrew the zebrafish paper."));
    await eventually("the edited article's page", async () => (await get(RETRACTED.url)).status === 200);
    await expectShownOnce(RETRACTED);
    await expectNotShown(PUBLISHED, RETRACTED);
    // Pages the edit emptied are gone; pages it only left show the other articles.
    expect((await get(PUBLISHED.url)).status).toBe(404);
    expect((await get("/2025/05/")).status).toBe(404);
    expect((await get("/people/ada-lovelace/")).text).toContain("2 articles mentioning Ada Lovelace");
    expect((await get("/people/ada-lovelace/feed.xml")).text).not.toContain("Zebrafish");
    expect(await searchTitles("zebrafish")).toEqual(["Zebrafish study retracted"]);
    // Nothing of the old title is left in the index.
    expect(await searchTitles("published")).toEqual([]);
  });

  it("keeps a renamed file's article once, at the same URL, on every page", { timeout: 90_000 }, async () => {
    const builds = () => (serve.output().match(/: built [\d,]+ articles?/g) ?? []).length;
    const buildsBefore = builds();
    await rename(join(dir, "content", "2025/05/zebrafish.md"), join(dir, "content", "2025/05/zebrafish-renamed.md"));
    await eventually("a rebuild after the rename", async () => builds() > buildsBefore);
    // A rename is two events (unlink, add); let any second rebuild of the burst finish too.
    await new Promise((done) => setTimeout(done, 1000));
    await expectShownOnce(RETRACTED);
    expect((await get(`${RETRACTED.url.slice(0, -1)}-2/`)).status).toBe(404);
    expect(await searchTitles("zebrafish")).toEqual(["Zebrafish study retracted"]);
  });

  it("removes a deleted article from every page, and a person, place, tag, month and year left with no article", { timeout: 90_000 }, async () => {
    await rm(join(dir, "content", "2025/05/zebrafish-renamed.md"));
    await eventually("the deleted article's page gone", async () => (await get(RETRACTED.url)).status === 404);
    for (const path of ["/people/grace-hopper/", "/places/lisbon/", "/places/porto/", "/tags/science/", "/2025/", "/2025/06/", "/people/grace-hopper/feed.xml", "/places/lisbon/feed.xml", "/places/porto/feed.xml", "/tags/science/feed.xml"]) {
      expect((await get(path)).status, path).toBe(404);
    }
    await expectNotShown(RETRACTED);
    for (const [hub, name] of [["/people/", "Grace Hopper"], ["/places/", "Lisbon"], ["/places/", "Porto"], ["/tags/", "science"], ["/archive/", 'href="/2025/"']]) {
      expect((await get(hub!)).text, hub).not.toContain(name);
    }
    expect(await searchTitles("zebrafish")).toEqual([]);
  });

  it("reports a broken article in the terminal and the browser, and keeps serving the last good site", { timeout: 90_000 }, async () => {
    const before = (await get("/")).text;
    await page.goto(`${base}/`);
    await put("2024/broken.md", "---\ntitle: Broken\ndate: 11 April\npeople: [Ada Lovelace, ]\n---\nText.\n");
    await eventually("the error in the terminal", async () => serve.output().includes("content/2024/broken.md:3:1"));
    expect(serve.output()).toMatch(/content\/2024\/broken\.md:3:1 {2}error {2}`date`: "11 April" is not a date/);
    await eventually("the error in the browser console", async () => consoleErrors.some((e) => e.includes("content/2024/broken.md")));
    // The last good page, with the error on a banner above it, in fetched HTML and in the open tab.
    const during = (await get("/")).text;
    expect(during).toContain("The last build failed");
    expect(during).toContain("content/2024/broken.md:3:1");
    const withoutBanner = during.replace(/<div role="alert"[\s\S]*?<\/div>/, "").replace(/<script type="module"[^>]*reload-client\.js[^>]*><\/script>/, "");
    expect(withoutBanner).toBe(before.replace(/<script type="module"[^>]*reload-client\.js[^>]*><\/script>/, ""));
    await eventually("the error banner in the open page", async () => (await page.locator('[role="alert"]').textContent().catch(() => ""))?.includes("broken.md") ?? false);
    expect((await get("/2023/06/01/harbour-reopens/")).status).toBe(200);
    expect(serve.child.exitCode).toBeNull();

    await put("2024/broken.md", articleText("title: Mended\ndate: 2024-04-11\npeople: [Ada Lovelace]", "Fixed."));
    await eventually("the mended article's page", async () => (await get("/2024/04/11/mended/")).status === 200);
    expect((await get("/people/ada-lovelace/")).text).toContain("Mended");
    expect((await get("/")).text).not.toContain("The last build failed");
  });
});
