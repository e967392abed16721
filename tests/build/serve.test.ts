import { mkdtemp, rename, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../helpers/browser.js";
import { articleText } from "../helpers/build-fixture.js";
import { startCommand, type RunningCommand } from "../helpers/cli.js";

/**
 * `npm start` (src/cli/serve.ts) as a user runs it, in a temp project: while it serves, adding,
 * editing, renaming and deleting articles updates every page that shows them, and a broken
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
    expect((await get("/")).text).toContain("Zebrafish study published");
    for (const path of ["/people/grace-hopper/", "/places/lisbon/", "/tags/science/", "/2025/", "/2025/05/", "/people/ada-lovelace/"]) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.text, path).toContain("Zebrafish study published");
    }
    expect((await get("/people/ada-lovelace/")).text).toContain("3 articles mentioning Ada Lovelace");
    expect((await get("/feed.xml")).text).toContain("Zebrafish study published");
    expect((await get("/feed.json")).text).toContain("Zebrafish study published");
    expect((await get("/people/grace-hopper/feed.xml")).text).toContain("Zebrafish study published");
    expect(await searchTitles("zebrafish")).toEqual(["Zebrafish study published"]);
  });

  it("moves an edited article to its new title everywhere and drops the old URL", { timeout: 90_000 }, async () => {
    await put("2025/05/zebrafish.md", articleText("title: Zebrafish study retracted\ndate: 2025-05-06\npeople: [Grace Hopper]\nplaces: [Lisbon]\ntags: [science]", "Researchers withdrew the zebrafish paper."));
    await eventually("the edited article's page", async () => (await get("/2025/05/06/zebrafish-study-retracted/")).status === 200);
    expect((await get("/2025/05/06/zebrafish-study-published/")).status).toBe(404);
    const front = (await get("/")).text;
    expect(front).toContain("Zebrafish study retracted");
    expect(front).not.toContain("Zebrafish study published");
    expect((await get("/people/ada-lovelace/")).text).toContain("2 articles mentioning Ada Lovelace");
    expect((await get("/people/ada-lovelace/")).text).not.toContain("Zebrafish");
    expect((await get("/people/grace-hopper/")).text).toContain("Zebrafish study retracted");
    expect((await get("/feed.xml")).text).not.toContain("Zebrafish study published");
    expect(await searchTitles("zebrafish")).toEqual(["Zebrafish study retracted"]);
  });

  it("keeps a renamed file's article once, at the same URL", { timeout: 90_000 }, async () => {
    const builds = () => (serve.output().match(/: built \d+ articles/g) ?? []).length;
    const buildsBefore = builds();
    await rename(join(dir, "content", "2025/05/zebrafish.md"), join(dir, "content", "2025/05/zebrafish-renamed.md"));
    await eventually("a rebuild after the rename", async () => builds() > buildsBefore);
    // A rename is two events (unlink, add); let any second rebuild of the burst finish too.
    await new Promise((done) => setTimeout(done, 1000));
    expect((await get("/2025/05/06/zebrafish-study-retracted/")).status).toBe(200);
    expect((await get("/").then((r) => r.text)).split("Zebrafish study retracted").length - 1).toBe(1);
    expect((await get("/2025/05/06/zebrafish-study-retracted-2/")).status).toBe(404);
  });

  it("removes a deleted article's page, and a person, place, tag, month and year left with no article", { timeout: 90_000 }, async () => {
    await rm(join(dir, "content", "2025/05/zebrafish-renamed.md"));
    await eventually("the deleted article's page gone", async () => (await get("/2025/05/06/zebrafish-study-retracted/")).status === 404);
    for (const path of ["/people/grace-hopper/", "/places/lisbon/", "/tags/science/", "/2025/", "/2025/05/", "/people/grace-hopper/feed.xml"]) {
      expect((await get(path)).status, path).toBe(404);
    }
    expect((await get("/")).text).not.toContain("Zebrafish");
    expect((await get("/people/")).text).not.toContain("Grace Hopper");
    expect((await get("/feed.xml")).text).not.toContain("Zebrafish");
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
