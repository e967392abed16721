import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.js";
import { REPO_DIR, articleText, buildFixture, type FixtureProject } from "../helpers/build-fixture.js";
import { startStaticServer, type StaticServer } from "../helpers/static-server.js";

/**
 * The search page in Chromium against a built fixture site served on 127.0.0.1: Pagefind's index
 * as the build made it, the page's own script, the URL as the only state.
 */

const ARTICLES = {
  "2024/04/blinken-gallant.md": articleText(
    `title: Blinken and Gallant discuss Rafah
date: 2024-04-11
people: [Antony Blinken, Yoav Gallant]
places: [Washington]
tags: [diplomacy]`,
    "Secretary Blinken spoke with Defence Minister Gallant about a ceasefire and aid convoys.",
  ),
  "2023/06/gallant-border.md": articleText(
    `title: Gallant visits the northern border
date: 2023-06-02
people: [Yoav Gallant]
places: [Kiryat Shmona]
tags: [security]`,
    "Gallant toured army posts along the northern border and met local council heads.",
  ),
  "2022/01/harbour-bridge.md": articleText(
    `title: Harbour bridge reopens after repairs
date: 2022-01-05
people: [Kamilo Renvel]
places: [Harbour Town]
tags: [transport]`,
    "The harbour bridge reopened on Wednesday. Divers found a zebrafish colony and a sign reading <img src=x onerror=alert(1)> & more under the pylons.",
  ),
};

const XSS = "<img src=x onerror=alert(1)>";

let browser: Browser;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await browser?.close();
});

/** Builds the fixture (with `options`) and serves it, under `prefix` when given. */
async function serveFixture(options: Parameters<typeof buildFixture>[1] = {}, prefix?: string): Promise<{ site: FixtureProject; base: string }> {
  const site = await buildFixture(ARTICLES, options);
  cleanups.push(() => site.cleanup());
  const server: StaticServer = await startStaticServer(site.outputDir, prefix ? { prefix } : {});
  cleanups.push(() => server.close());
  return { site, base: server.url };
}

type ListedShard = { path: string; articles: number; preload: { entry: string; meta: string; wasm: string } };

/** The shard whose script and WebAssembly the page loads: the one with the fewest articles, the earliest of equals. */
function primaryOf(shards: readonly ListedShard[]): ListedShard {
  return shards.reduce((smallest, shard) => (shard.articles < smallest.articles ? shard : smallest), shards[0]!);
}

/** A page that records alert dialogs and created <img> elements. */
async function openPage(): Promise<{ page: Page; dialogs: string[] }> {
  const page = await browser.newPage();
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return { page, dialogs };
}

/**
 * Waits until the search settled (status is not "Searching…", and the list is no longer busy
 * showing results one by one) and returns status and result titles.
 */
async function results(page: Page): Promise<{ status: string; titles: string[] }> {
  await page.waitForFunction(() => {
    const text = document.querySelector(".search-status")?.textContent ?? "";
    return text !== "" && text !== "Searching…" && !document.querySelector(".search-results[aria-busy]");
  });
  const settledCount = await page.evaluate(() => document.querySelectorAll(".search-result").length);
  if (settledCount === 0) {
    const status = (await page.textContent(".search-status")) ?? "";
    if (!/^No articles/.test(status) && !/^Search /.test(status)) await page.waitForSelector(".search-result");
  }
  return {
    status: (await page.textContent(".search-status")) ?? "",
    titles: await page.$$eval(".search-result-title a", (links) => links.map((a) => a.textContent ?? "")),
  };
}

describe("search page, one index", () => {
  let base: string;
  beforeAll(async () => {
    ({ base } = await serveFixture());
  });

  it("hands Pagefind its files inflated by the browser (Pagefind's signature first), and other files as served", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/search/?q=gallant`);
    expect((await results(page)).titles).toHaveLength(2);
    const seen = await page.evaluate(async () => {
      const list = await (await fetch("/pagefind/shards.json")).json();
      const shard = list.shards[0];
      const head = async (url: string) => new TextDecoder().decode(new Uint8Array(await (await fetch(url)).arrayBuffer()).slice(0, 12));
      return { list: Array.isArray(list.shards), meta: await head(`/pagefind/${shard.path}${shard.preload.meta}`), wasm: await head(`/pagefind/${shard.path}${shard.preload.wasm}`) };
    });
    expect(seen).toEqual({ list: true, meta: "pagefind_dcd", wasm: "pagefind_dcd" });
    await page.close();
  });

  it("still searches in a browser without DecompressionStream (Pagefind inflates its files itself)", async () => {
    const { page } = await openPage();
    await page.addInitScript(() => {
      delete (window as { DecompressionStream?: unknown }).DecompressionStream;
    });
    await page.goto(`${base}/search/?q=gallant`);
    expect((await results(page)).titles.sort()).toEqual(["Blinken and Gallant discuss Rafah", "Gallant visits the northern border"]);
    const meta = await page.evaluate(async () => {
      const shard = (await (await fetch("/pagefind/shards.json")).json()).shards[0];
      const bytes = new Uint8Array(await (await fetch(`/pagefind/${shard.path}${shard.preload.meta}`)).arrayBuffer());
      return [bytes[0], bytes[1]];
    });
    expect(meta).toEqual([0x1f, 0x8b]);
    await page.close();
  });

  it("finds an article by a word only it contains, with the word highlighted", async () => {
    const { page, dialogs } = await openPage();
    await page.goto(`${base}/search/?q=zebrafish`);
    const { titles, status } = await results(page);
    expect(titles).toEqual(["Harbour bridge reopens after repairs"]);
    expect(status).toContain("1 article");
    expect(await page.$$eval(".search-result-excerpt mark", (marks) => marks.map((m) => m.textContent))).toEqual(["zebrafish"]);
    expect(await page.textContent(".search-result-meta")).toContain("5 January 2022");
    expect(await page.getAttribute(".search-result-title a", "href")).toBe("/2022/01/05/harbour-bridge-reopens-after-repairs/");
    // Markup-like text in an article reaches the excerpt as text.
    expect(await page.textContent(".search-result-excerpt")).toContain(`zebrafish colony and a sign reading ${XSS} & more`);
    expect(await page.$$eval("#search img", (imgs) => imgs.length)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("narrows results with a person filter, and shows the filter by its label", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/search/?q=gallant`);
    expect((await results(page)).titles.sort()).toEqual(["Blinken and Gallant discuss Rafah", "Gallant visits the northern border"]);

    await page.goto(`${base}/search/?q=gallant&person=antony-blinken`);
    expect((await results(page)).titles).toEqual(["Blinken and Gallant discuss Rafah"]);
    expect(await page.textContent(".search-filters")).toContain("Person: Antony Blinken");
    await page.close();
  });

  it("filters on place, tag and year without words", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/search/?place=kiryat-shmona`);
    expect((await results(page)).titles).toEqual(["Gallant visits the northern border"]);
    await page.goto(`${base}/search/?tag=transport`);
    expect((await results(page)).titles).toEqual(["Harbour bridge reopens after repairs"]);
    await page.goto(`${base}/search/?q=gallant&year=2024`);
    expect((await results(page)).titles).toEqual(["Blinken and Gallant discuss Rafah"]);
    expect(await page.inputValue("#search-year")).toBe("2024");
    await page.close();
  });

  it("keeps the search in the URL: loaded directly, changed, and restored by the back button", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/search/?q=gallant&person=yoav-gallant`);
    expect((await results(page)).titles).toHaveLength(2);
    expect(await page.inputValue("#search-q")).toBe("gallant");

    // A person link in a result narrows the search, through the URL.
    await page.click(".search-result-meta a:text('Antony Blinken')");
    await page.waitForURL(/person=antony-blinken/);
    expect((await results(page)).titles).toEqual(["Blinken and Gallant discuss Rafah"]);

    // The filter chip takes the filter off again.
    await page.click(".search-filter-remove");
    await page.waitForURL((url) => !url.searchParams.has("person"));
    expect((await results(page)).titles).toHaveLength(2);

    // A new query from the box.
    await page.fill("#search-q", "zebrafish");
    await page.press("#search-q", "Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === "zebrafish");
    expect((await results(page)).titles).toEqual(["Harbour bridge reopens after repairs"]);

    // Back, step by step, through every search.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("q") === "gallant" && !url.searchParams.has("person"));
    expect((await results(page)).titles).toHaveLength(2);
    expect(await page.inputValue("#search-q")).toBe("gallant");
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("person") === "antony-blinken");
    expect((await results(page)).titles).toEqual(["Blinken and Gallant discuss Rafah"]);
    expect(await page.textContent(".search-filters")).toContain("Person: Antony Blinken");
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("person") === "yoav-gallant");
    expect((await results(page)).titles).toHaveLength(2);
    await page.close();
  });

  it("sorts by date when asked", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/search/?q=gallant&sort=oldest`);
    expect((await results(page)).titles).toEqual(["Gallant visits the northern border", "Blinken and Gallant discuss Rafah"]);
    await page.selectOption("#search-sort", "newest");
    await page.waitForURL(/sort=newest/);
    expect((await results(page)).titles).toEqual(["Blinken and Gallant discuss Rafah", "Gallant visits the northern border"]);
    await page.close();
  });

  it("says so when nothing matches", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/search/?q=xylophonequartz`);
    const { titles, status } = await results(page);
    expect(titles).toEqual([]);
    expect(status).toBe("No articles found for “xylophonequartz”. Try fewer or different words.");
    await page.close();
  });

  it("finds a name listed only under People, and not every article for the words of Dateline's own markup", async () => {
    const { page } = await openPage();
    // "Kamilo Renvel" is in no article's text, only in its list of people.
    await page.goto(`${base}/search/?q=renvel`);
    expect((await results(page)).titles).toEqual(["Harbour bridge reopens after repairs"]);
    expect(await page.textContent(".search-result-meta")).toContain("Kamilo Renvel");
    // Labels once travelled as JSON metadata, which Pagefind indexes: every page matched these.
    // The list's headings (People, Places, Tags) are not indexed either.
    for (const word of ["person", "place", "tag", "people"]) {
      await page.goto(`${base}/search/?q=${word}`);
      expect((await results(page)).titles, word).toEqual([]);
    }
    await page.close();
  });

  it("shows a query with markup as text: no element made, no script run", async () => {
    const { page, dialogs } = await openPage();
    await page.goto(`${base}/search/?q=${encodeURIComponent(XSS)}&person=${encodeURIComponent(XSS)}`);
    const { status } = await results(page);
    expect(status).toContain(XSS);
    expect(await page.inputValue("#search-q")).toBe(XSS);
    expect(await page.textContent(".search-filters")).toContain(XSS);
    // And typed into the box.
    await page.fill("#search-q", `gallant ${XSS}`);
    await page.press("#search-q", "Enter");
    await page.waitForURL((url) => (url.searchParams.get("q") ?? "").startsWith("gallant"));
    await results(page);
    expect(await page.$$eval("#search img", (imgs) => imgs.length)).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it("leads the header search box to the search page", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/`);
    await page.fill("#site-search-q", "zebrafish");
    await page.press("#site-search-q", "Enter");
    await page.waitForURL(/\/search\/\?q=zebrafish/);
    expect((await results(page)).titles).toEqual(["Harbour bridge reopens after repairs"]);
    await page.close();
  });

  it("never links a result to another host, as Chromium reads the URL", async () => {
    const { page } = await openPage();
    // A page without the search element: the script's helpers load as globals and nothing starts.
    await page.goto(`${base}/404.html`);
    await page.addScriptTag({ content: await readFile(join(REPO_DIR, "layouts/assets/search.js"), "utf8") });
    const offSite = ["//evil.example/", "/\\evil.example/", "/\\\\evil.example/", "/\t/evil.example/", "/\n/evil.example/", "https://evil.example/", "javascript:alert(1)"];
    const verdicts = await page.evaluate((urls) => {
      const safe = (globalThis as unknown as { safeSiteUrl: (url: string, root: string, page: string) => string }).safeSiteUrl;
      return urls.map((url) => {
        const kept = safe(url, "/", location.href);
        // Where the browser itself would take a link with that href.
        const anchor = document.createElement("a");
        anchor.href = url;
        return { url, kept, wouldLeave: anchor.host !== location.host };
      });
    }, offSite);
    for (const { url, kept, wouldLeave } of verdicts) {
      expect(wouldLeave || url.startsWith("javascript:"), `${JSON.stringify(url)} is off-site for Chromium`).toBe(true);
      expect(kept, JSON.stringify(url)).toBe("/");
    }
    expect(await page.evaluate(() => (globalThis as unknown as { safeSiteUrl: (url: string, root: string, page: string) => string }).safeSiteUrl("/2022/01/05/x/", "/", location.href))).toBe("/2022/01/05/x/");
    await page.close();
  });

  it("without JavaScript: the header box still leads to /search/, which says search needs JavaScript and where to browse instead", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/2024/04/11/blinken-and-gallant-discuss-rafah/`);
      await page.fill("#site-search-q", "zebrafish");
      await page.press("#site-search-q", "Enter");
      await page.waitForURL(/\/search\/\?q=zebrafish$/);
      expect(await page.textContent("h1")).toBe("Search");
      expect(await page.locator("#search").innerText()).toContain("Search runs in your browser and needs JavaScript.");
      // The script's form stays hidden and no result is claimed: nothing pretends to search.
      expect(await page.isVisible(".search-form")).toBe(false);
      expect(await page.locator(".search-result").count()).toBe(0);
      // Its links lead to pages that work without JavaScript.
      for (const [name, path] of [["people", "/people/"], ["places", "/places/"], ["tags", "/tags/"], ["archive", "/archive/"]] as const) {
        expect(await page.getAttribute(`#search a:text-is("${name}")`, "href"), name).toBe(path);
      }
      await page.click('#search a:text-is("people")');
      await page.waitForURL(`${base}/people/`);
      expect(await page.locator("a:text-is('Yoav Gallant')").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  it("links each person page to a search filtered on that person", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/people/yoav-gallant/`);
    await page.click("text=Search within these articles");
    await page.waitForURL(/\/search\/\?person=yoav-gallant$/);
    expect((await results(page)).titles).toHaveLength(2);
    await page.close();
  });
});

describe("search page, best match first", () => {
  // Three articles of one day that say "lighthouse" in the title and four times, twice, and once
  // in a longer text. Their URLs and files sort the other way round (council < harbour <
  // lighthouse), so only ranking by relevance gives the order expected.
  const RELEVANCE_ARTICLES = {
    "2024/09/a.md": articleText(
      "title: Council budget approved after a long debate\ndate: 2024-09-10",
      "The council approved the budget for roads, schools, parks, libraries, the harbour wall, street lights and bus shelters after a debate that ran past midnight. " +
        "Councillors argued over the cost of road repairs, the size of the school building fund and the hours of the public library. " +
        "One member mentioned the old lighthouse in passing. The vote was seven to four, and the budget takes effect in January.",
    ),
    "2024/09/b.md": articleText(
      "title: Harbour dredging begins\ndate: 2024-09-10",
      "Dredgers started work in the outer harbour on Monday, near the lighthouse. Boats will pass the lighthouse on the east side until March.",
    ),
    "2024/09/c.md": articleText(
      "title: Lighthouse keeper hands over the lighthouse\ndate: 2024-09-10",
      "The lighthouse keeper locked the lighthouse for the last time. The lighthouse lamp is now automatic, and the lighthouse stays open to visitors.",
    ),
  };
  let base: string;
  beforeAll(async () => {
    const site = await buildFixture(RELEVANCE_ARTICLES);
    cleanups.push(() => site.cleanup());
    const server = await startStaticServer(site.outputDir);
    cleanups.push(() => server.close());
    base = server.url;
  });

  it("ranks an article with the word in its title and text often above those that mention it less", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/search/?q=lighthouse`);
    expect((await results(page)).titles).toEqual(["Lighthouse keeper hands over the lighthouse", "Harbour dredging begins", "Council budget approved after a long debate"]);
    expect(await page.inputValue("#search-sort")).toBe("");
    expect(await page.$$eval(".search-result-title a", (links) => links.map((a) => a.getAttribute("href")))).toEqual([
      "/2024/09/10/lighthouse-keeper-hands-over-the-lighthouse/",
      "/2024/09/10/harbour-dredging-begins/",
      "/2024/09/10/council-budget-approved-after-a-long-debate/",
    ]);
    await page.close();
  });
});

describe("search page, several shards", () => {
  let base: string;
  let site: FixtureProject;
  const requests: string[] = [];
  beforeAll(async () => {
    // One article per shard: results come from merged indexes.
    ({ base, site } = await serveFixture({ search: { maxShardArticles: 1 } }));
  });

  it("merges every shard for a query", async () => {
    const list = JSON.parse(await site.read("pagefind/shards.json")) as { shards: unknown[] };
    expect(list.shards).toHaveLength(3);
    const { page } = await openPage();
    await page.goto(`${base}/search/?q=gallant`);
    expect((await results(page)).titles.sort()).toEqual(["Blinken and Gallant discuss Rafah", "Gallant visits the northern border"]);
    await page.close();
  });

  it("keeps date order across shards", async () => {
    const { page } = await openPage();
    await page.goto(`${base}/search/?q=gallant&sort=newest`);
    expect((await results(page)).titles).toEqual(["Blinken and Gallant discuss Rafah", "Gallant visits the northern border"]);
    await page.goto(`${base}/search/?person=yoav-gallant&sort=oldest`);
    expect((await results(page)).titles).toEqual(["Gallant visits the northern border", "Blinken and Gallant discuss Rafah"]);
    await page.close();
  });

  it("requests every shard's setup files at once, each once, before any index chunk", async () => {
    const list = JSON.parse(await site.read("pagefind/shards.json")) as { shards: ListedShard[] };
    const { page } = await openPage();
    const events: string[] = [];
    const pathOf = (url: string) => {
      const parsed = new URL(url);
      return parsed.pathname + parsed.search;
    };
    page.on("request", (request) => events.push(`request ${pathOf(request.url())}`));
    // Responses, not requests: a preload that Pagefind's own fetch() failed to match would show up
    // as a second response for the same URL.
    page.on("response", (response) => events.push(`response ${pathOf(response.url())}`));
    await page.goto(`${base}/search/?q=gallant`);
    expect((await results(page)).titles).toHaveLength(2);
    const responses = events.filter((event) => event.startsWith("response /pagefind/")).map((event) => event.slice("response ".length));
    expect(responses.length).toBe(new Set(responses).size);
    const primary = primaryOf(list.shards);
    const setup = [
      `/pagefind/${primary.path}pagefind.js`,
      `/pagefind/${primary.path}${primary.preload.wasm}`,
      ...list.shards.flatMap((shard) => [`/pagefind/${shard.path}${shard.preload.entry}`, `/pagefind/${shard.path}${shard.preload.meta}`]),
    ];
    // Before any index chunk, exactly the shard list and these.
    const firstChunk = responses.findIndex((url) => url.endsWith(".pf_index"));
    expect(responses.slice(0, firstChunk).sort()).toEqual(["/pagefind/shards.json", ...setup].sort());
    // All requested before the first of them arrived: side by side, not one after another (left
    // to itself, Pagefind asks for the other shards' files only once the first shard is running).
    const firstSetupResponse = events.findIndex((event) => setup.some((url) => event === `response ${url}`));
    for (const url of setup) expect(events.indexOf(`request ${url}`), url).toBeLessThan(firstSetupResponse);
    await page.close();
  });

  it("shows each result as soon as its excerpt is in, without waiting for the rest of the page of results", async () => {
    const { page } = await openPage();
    let releaseOthers = () => {};
    const othersHeld = new Promise<void>((release) => (releaseOthers = release));
    let fragments = 0;
    // The first result's fragment comes at once; every later one waits until released.
    await page.route(/\.pf_fragment$/, async (route) => {
      if (++fragments > 1) await othersHeld;
      await route.continue();
    });
    await page.goto(`${base}/search/?q=gallant`);
    await page.waitForSelector(".search-result", { timeout: 5000 }); // before the held fragment is let go
    await new Promise((settle) => setTimeout(settle, 300));
    expect(await page.locator(".search-result").count()).toBe(1);
    expect(await page.getAttribute(".search-results", "aria-busy")).toBe("true");
    expect(fragments).toBe(2); // both asked for at once
    releaseOthers();
    expect((await results(page)).titles).toHaveLength(2);
    expect(await page.getAttribute(".search-results", "aria-busy")).toBeNull();
    await page.close();
  });

  it("asks for Pagefind's files without waiting for the page's stylesheet", async () => {
    const list = JSON.parse(await site.read("pagefind/shards.json")) as { shards: { path: string; preload: { meta: string } }[] };
    const { page } = await openPage();
    const order: string[] = [];
    let releaseStylesheet = () => {};
    const stylesheetHeld = new Promise<void>((release) => (releaseStylesheet = release));
    // A slow stylesheet holds back a deferred script (and used to hold back every request for
    // the index); the search script is async, so Pagefind's files are asked for meanwhile.
    await page.route(/\/assets\/style\.[0-9a-f]+\.css$/, async (route) => {
      await stylesheetHeld;
      order.push("stylesheet sent");
      await route.continue();
    });
    const firstMeta = `/pagefind/${list.shards[0]!.path}${list.shards[0]!.preload.meta}`;
    const metaAsked = new Promise<void>((asked) =>
      page.on("request", (request) => {
        if (new URL(request.url()).pathname === firstMeta) {
          order.push("metadata asked");
          asked();
        }
      }),
    );
    const opening = page.goto(`${base}/search/?q=gallant`);
    await Promise.race([metaAsked, new Promise((timeUp) => setTimeout(timeUp, 5000))]);
    releaseStylesheet();
    await opening;
    expect((await results(page)).titles).toHaveLength(2);
    expect(order).toEqual(["metadata asked", "stylesheet sent"]);
    await page.close();
  });

  it("sets Pagefind up while the search page waits for words, so a typed query fetches only its chunks and results", async () => {
    const list = JSON.parse(await site.read("pagefind/shards.json")) as { shards: ListedShard[] };
    const { page } = await openPage();
    const fetched: string[] = [];
    page.on("requestfinished", (request) => fetched.push(new URL(request.url()).pathname));
    await page.goto(`${base}/search/`);
    await page.waitForFunction(() => performance.getEntriesByName("dateline-search-ready").length > 0);
    const first = primaryOf(list.shards);
    expect(fetched).toContain(`/pagefind/${first.path}pagefind.js`);
    expect(fetched).toContain(`/pagefind/${first.path}${first.preload.wasm}`);
    for (const shard of list.shards) expect(fetched).toContain(`/pagefind/${shard.path}${shard.preload.meta}`);
    expect(fetched.filter((path) => path.endsWith(".pf_index") || path.endsWith(".pf_fragment"))).toEqual([]);
    expect(await page.textContent(".search-status")).toMatch(/^Search 3 articles/);

    const before = fetched.length;
    await page.fill("#search-q", "gallant");
    await page.press("#search-q", "Enter");
    expect((await results(page)).titles.sort()).toEqual(["Blinken and Gallant discuss Rafah", "Gallant visits the northern border"]);
    await page.waitForLoadState("networkidle");
    const afterQuery = fetched.slice(before);
    expect(afterQuery.length).toBeGreaterThan(0);
    expect(afterQuery.filter((path) => !path.endsWith(".pf_index") && !path.endsWith(".pf_fragment") && !path.endsWith(".pf_filter"))).toEqual([]);
    await page.close();
  });

  it("loads only the shard of the year asked for", async () => {
    const { page } = await openPage();
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.goto(`${base}/search/?q=gallant&year=2023`);
    expect((await results(page)).titles).toEqual(["Gallant visits the northern border"]);
    const shardFolders = new Set(requests.filter((path) => /^\/pagefind\/[^/]+\//.test(path)).map((path) => path.split("/")[2]));
    expect([...shardFolders].map((folder) => folder!.slice(0, 7))).toEqual(["2023-06"]);
    await page.close();
  });
});

describe("search page under a path prefix", () => {
  it("finds and links articles under the prefix", async () => {
    const { base } = await serveFixture({ pathPrefix: "/news/" }, "/news/");
    const { page } = await openPage();
    await page.goto(`${base}/search/?q=zebrafish`);
    expect((await results(page)).titles).toEqual(["Harbour bridge reopens after repairs"]);
    const href = await page.getAttribute(".search-result-title a", "href");
    expect(href).toBe("/news/2022/01/05/harbour-bridge-reopens-after-repairs/");
    await page.click(".search-result-title a");
    await page.waitForURL(/\/news\/2022\/01\/05\//);
    expect(await page.textContent("h1")).toBe("Harbour bridge reopens after repairs");
    // The header box leads to the prefixed search page.
    await page.fill("#site-search-q", "gallant");
    await page.press("#site-search-q", "Enter");
    await page.waitForURL(/\/news\/search\/\?q=gallant/);
    expect((await results(page)).titles).toHaveLength(2);
    await page.close();
  });
});
