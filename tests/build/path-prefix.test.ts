import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles } from "../../src/output/write-site.js";
import { SAMPLE_CONTENT_DIR, articleText, buildFixtureSite, type FixtureProject } from "../helpers/build-fixture.js";
import { startStaticServer, type StaticServer } from "../helpers/static-server.js";
import { SITEMAP_XSD, runXmllintOnText } from "../helpers/xmllint.js";

/**
 * Hosting anywhere: the sample site built with `--pathprefix=/archive/`, served only under
 * `/archive/` on 127.0.0.1, and crawled from its front page. Every internal link and asset in
 * every page, every feed link, every sitemap URL and robots.txt's sitemap must answer 200.
 */

const PREFIX = "/archive/";
const BASE = "https://dateline.example.org/";

// An article linking to another by site path and by relative path, as writers do.
const LINKING_ARTICLE = articleText(
  ["title: Links between stories", "date: 2025-06-01", "people:", "  - Ada Lovelace", "tags:", "  - links"].join("\n"),
  "See [the footbridge vote](/2021/03/15/kestrel-bay-council-approves-harbour-footbridge-after-two-year-wait/) and [the year](../../../../2021/).",
);

let site: FixtureProject;
let server: StaticServer;
let files: string[];

beforeAll(async () => {
  site = await buildFixtureSite({ "2025/06/links.md": LINKING_ARTICLE }, { copyContentFrom: SAMPLE_CONTENT_DIR, pathPrefix: PREFIX });
  files = await listFiles(site.outputDir);
  server = await startStaticServer(site.outputDir, { prefix: PREFIX });
});
afterAll(async () => {
  await server?.close();
  await site?.cleanup();
});

interface Fetched {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

const decodeAttribute = (value: string) => value.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/** The URLs a document points at, by its type. */
function linksIn(url: string, fetched: Fetched): string[] {
  const { type, body } = fetched;
  if (type.startsWith("text/html")) return [...body.matchAll(/\s(?:href|src|action)="([^"]*)"/g)].map((m) => decodeAttribute(m[1]!));
  if (type.startsWith("application/xml")) {
    return [...[...body.matchAll(/<link [^>]*href="([^"]*)"/g)].map((m) => m[1]!), ...[...body.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!)].map(decodeAttribute);
  }
  if (type.startsWith("application/json")) {
    // The search index's shard list (docs/search.md): each shard's Pagefind script, relative to it.
    if (url.endsWith("/pagefind/shards.json")) return (JSON.parse(body) as { shards: { path: string }[] }).shards.map((shard) => `${shard.path}pagefind.js`);
    const feed = JSON.parse(body) as { home_page_url: string; feed_url: string; items: { url: string }[] };
    return [feed.home_page_url, feed.feed_url, ...feed.items.map((item) => item.url)];
  }
  if (type.startsWith("text/css")) return [...body.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!);
  if (url.endsWith("robots.txt")) return [...body.matchAll(/^Sitemap:\s*(\S+)$/gm)].map((m) => m[1]!);
  return [];
}

/**
 * Where a link points on the local server, or null when it leaves the site. Absolute links on the
 * site's own base URL (feeds, sitemap, canonical) are checked on the local copy.
 */
function localTarget(link: string, from: string): string | null {
  const resolved = new URL(link, from);
  if (resolved.href.startsWith(BASE)) return new URL(resolved.pathname, server.url).href;
  if (resolved.origin !== new URL(server.url).origin) return null;
  resolved.hash = "";
  return resolved.href;
}

async function crawl(start: string[]): Promise<{ visited: Map<string, Fetched>; broken: string[] }> {
  const visited = new Map<string, Fetched>();
  const broken: string[] = [];
  const queue: { url: string; from: string }[] = start.map((url) => ({ url, from: "(start)" }));
  while (queue.length > 0) {
    const { url, from } = queue.shift()!;
    if (visited.has(url)) continue;
    const response = await fetch(url);
    const fetched = { status: response.status, type: response.headers.get("content-type") ?? "", body: await response.text() };
    visited.set(url, fetched);
    if (fetched.status !== 200) {
      broken.push(`${url} (${fetched.status}) linked from ${from}`);
      continue;
    }
    for (const link of linksIn(url, fetched)) {
      const target = localTarget(link, url);
      if (target && !visited.has(target)) queue.push({ url: target, from: url });
    }
  }
  return { visited, broken };
}

describe("a site built with --pathprefix=/archive/ and served under /archive/", () => {
  let result: Awaited<ReturnType<typeof crawl>>;
  beforeAll(async () => {
    result = await crawl([`${server.url}/`, `${server.url}/robots.txt`, `${server.url}/sitemap.xml`, `${server.url}/feed.json`]);
  });

  it("has no broken internal link, asset, feed link or sitemap URL", () => {
    expect(result.broken).toEqual([]);
    expect(result.visited.size).toBeGreaterThan(150);
  });

  it("reaches every page and every feed of the built site from the front page", () => {
    const reached = new Set([...result.visited.keys()].map((url) => new URL(url).pathname.slice(PREFIX.length)).map((path) => (path === "" || path.endsWith("/") ? `${path}index.html` : path)));
    const unreached = files.filter((f) => (f.endsWith(".html") || f.endsWith("feed.xml") || f.endsWith(".css")) && f !== "404.html" && !reached.has(f));
    expect(unreached).toEqual([]);
  });

  it("prefixes site paths inside article bodies, and makes them absolute in feeds", async () => {
    const page = await site.read("2025/06/01/links-between-stories/index.html");
    expect(page).toContain('<a href="/archive/2021/03/15/kestrel-bay-council-approves-harbour-footbridge-after-two-year-wait/">the footbridge vote</a>');
    const feed = await site.read("feed.xml");
    expect(feed).toContain(`${BASE}archive/2021/03/15/kestrel-bay-council-approves-harbour-footbridge-after-two-year-wait/`);
    expect(feed).toContain(`${BASE}archive/2021/`);
  });

  it("serves the 404 page with status 404 at any depth, its links working from there", async () => {
    const { visited, broken } = await crawl([`${server.url}/no/such/page/`]);
    const [first] = visited.values();
    expect(first!.status).toBe(404);
    expect(first!.body).toContain("Page not found");
    expect(broken.slice(1)).toEqual([]);
  });

  it("gives feeds, sitemap and robots.txt absolute URLs under the prefix, and a sitemap valid against the protocol", async () => {
    expect(await site.read("robots.txt")).toContain(`Sitemap: ${BASE}archive/sitemap.xml`);
    const sitemap = await site.read("sitemap.xml");
    const locs = [...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(100);
    expect(locs.every((loc) => loc.startsWith(`${BASE}archive/`))).toBe(true);
    const lint = await runXmllintOnText(sitemap, SITEMAP_XSD);
    expect(lint.ok, lint.output).toBe(true);
    expect(await site.read("feed.json")).toContain(`"feed_url": "${BASE}archive/feed.json"`);
  });

  it("answers nothing outside the prefix, so an unprefixed link could not pass", async () => {
    const outside = new URL("/2021/", server.url).href;
    expect((await fetch(outside)).status).toBe(404);
  });
});

describe("the pathPrefix setting", () => {
  it("prefixes links as the flag does", async () => {
    const small = await buildFixtureSite({ "2025/06/links.md": LINKING_ARTICLE }, { settings: { pathPrefix: "/news/", baseUrl: BASE } });
    try {
      const page = await small.read("index.html");
      expect(page).toContain('href="/news/2025/06/01/links-between-stories/"');
      expect(page).toMatch(/<link rel="stylesheet" href="\/news\/assets\/style\.[0-9a-f]+\.css">/);
      expect(await small.read("robots.txt")).toContain(`Sitemap: ${BASE}news/sitemap.xml`);
    } finally {
      await small.cleanup();
    }
  });
});
