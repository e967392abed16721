import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";

/**
 * The search page's script (`layouts/assets/search.js`) is plain browser code; its pure helpers
 * are loaded here in a bare context (no `#search` element, so the page logic does not start).
 * tests/browser/search.test.ts runs the same checks in Chromium's own URL parser.
 */
const SCRIPT = fileURLToPath(new URL("../../../layouts/assets/search.js", import.meta.url));

type SafeSiteUrl = (url: unknown, siteRoot: string, pageUrl: string) => string;

async function loadSafeSiteUrl(): Promise<SafeSiteUrl> {
  const code = await readFile(SCRIPT, "utf8");
  return runInNewContext(`${code}\n;safeSiteUrl`, { document: { getElementById: () => null }, URL, URLSearchParams }) as SafeSiteUrl;
}

/** URLs a tampered or odd index could hand back, each leading off the site (or nowhere useful). */
const OFF_SITE_RESULT_URLS = [
  "//evil.example/",
  "/\\evil.example/",
  "/\\\\evil.example/",
  "/\t/evil.example/",
  "/\n/evil.example/",
  "/ /evil.example/",
  "https://evil.example/",
  "javascript:alert(1)",
  "/news/../evil/",
  "/news/%2e%2e/evil/",
  "/elsewhere/",
];

describe("safeSiteUrl (search results)", () => {
  it.each(["/news/2024/04/11/a-story/", "/news/people/x/?q=1#top", "/news/"])("keeps the site path %j", async (url) => {
    expect((await loadSafeSiteUrl())(url, "/news/", "http://127.0.0.1:8080/news/search/?q=x")).toBe(url);
  });

  it.each(OFF_SITE_RESULT_URLS)("refuses %j, linking the site's front page instead", async (url) => {
    expect((await loadSafeSiteUrl())(url, "/news/", "http://127.0.0.1:8080/news/search/?q=x")).toBe("/news/");
  });

  it.each(["//evil.example/", "/\\evil.example/", "/\t/evil.example/"])("refuses %j at the root of a host too", async (url) => {
    expect((await loadSafeSiteUrl())(url, "/", "http://127.0.0.1:8080/search/")).toBe("/");
  });

  it("refuses what is not a string", async () => {
    const safe = await loadSafeSiteUrl();
    for (const value of [undefined, null, 42, ["/news/"]]) expect(safe(value, "/news/", "http://127.0.0.1:8080/news/search/")).toBe("/news/");
  });
});
