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

/** Loads the script's helpers with the globals given, as a browser page without `#search` would. */
async function loadHelpers<T>(names: string, globals: Record<string, unknown> = {}): Promise<T> {
  const code = await readFile(SCRIPT, "utf8");
  return runInNewContext(`${code}\n;({ ${names} })`, { document: { getElementById: () => null }, URL, URLSearchParams, setTimeout, clearTimeout, ...globals }) as T;
}

type SafeSiteUrl = (url: unknown, siteRoot: string, pageUrl: string) => string;

async function loadSafeSiteUrl(): Promise<SafeSiteUrl> {
  return (await loadHelpers<{ safeSiteUrl: SafeSiteUrl }>("safeSiteUrl")).safeSiteUrl;
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

type Shard = { path: string; articles: number };

describe("primaryShard (the shard Pagefind starts from)", () => {
  it("is the one with the fewest articles, whose metadata is in first", async () => {
    const { primaryShard } = await loadHelpers<{ primaryShard: (shards: Shard[]) => Shard }>("primaryShard");
    const shards = [
      { path: "2001-01/", articles: 5000 },
      { path: "2013-07/", articles: 4974 },
      { path: "2025-12/", articles: 39 },
    ];
    expect(primaryShard(shards).path).toBe("2025-12/");
    expect(primaryShard(shards.slice(0, 2)).path).toBe("2013-07/");
  });

  it("is the earliest of equals, and the only one of one", async () => {
    const { primaryShard } = await loadHelpers<{ primaryShard: (shards: Shard[]) => Shard }>("primaryShard");
    expect(primaryShard([{ path: "a/", articles: 1 }, { path: "b/", articles: 1 }]).path).toBe("a/");
    expect(primaryShard([{ path: "only/", articles: 7 }]).path).toBe("only/");
  });
});

describe("pagefindWasmRunning (no 50 ms wait on Pagefind's own checks)", () => {
  function fakeWebAssembly() {
    let finish: (value: string) => void = () => {};
    const calls: unknown[][] = [];
    const instantiate = (...args: unknown[]) => {
      calls.push(args);
      return new Promise<string>((resolve) => (finish = resolve));
    };
    const instantiateStreaming = () => Promise.reject(new Error("not used"));
    return { api: { instantiate, instantiateStreaming }, calls, finish: (value: string) => finish(value), instantiate, instantiateStreaming };
  }

  it("resolves once the WebAssembly is instantiated, passes the call through, and puts the originals back", async () => {
    const fake = fakeWebAssembly();
    const { pagefindWasmRunning } = await loadHelpers<{ pagefindWasmRunning: () => Promise<void> }>("pagefindWasmRunning", { WebAssembly: fake.api });
    let resolved = false;
    const running = pagefindWasmRunning().then(() => (resolved = true));
    expect(fake.api.instantiate).not.toBe(fake.instantiate); // watched meanwhile
    const instance = fake.api.instantiate("bytes", { imports: 1 });
    expect(fake.calls).toEqual([["bytes", { imports: 1 }]]);
    await new Promise((wait) => setTimeout(wait, 20));
    expect(resolved).toBe(false); // not before the instance exists
    fake.finish("instance");
    expect(await instance).toBe("instance");
    await running;
    expect(resolved).toBe(true);
    expect(fake.api.instantiate).toBe(fake.instantiate);
    expect(fake.api.instantiateStreaming).toBe(fake.instantiateStreaming);
  });

  it("gives up watching after 250 ms, so a Pagefind that never instantiates that way is not held up for long", async () => {
    const fake = fakeWebAssembly();
    const { pagefindWasmRunning } = await loadHelpers<{ pagefindWasmRunning: () => Promise<void> }>("pagefindWasmRunning", { WebAssembly: fake.api });
    const started = Date.now();
    await pagefindWasmRunning();
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
    expect(fake.api.instantiate).toBe(fake.instantiate);
  });
});
