import { mkdtemp, readFile, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArticleCache, type CachedArticle } from "../../../src/build-cache/article-cache.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-article-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const OLD = Date.parse("2020-01-01T00:00:00Z");

function entry(hash: string, mtimeMs = OLD, size = 10): CachedArticle {
  return { size, mtimeMs, hash, parsed: { ok: false, issues: [{ file: "content/a.md", severity: "error", field: "title", reason: hash, ruleId: "test" }] } };
}

describe("the cache of parsed articles", () => {
  it("finds an entry by the file's bytes after a save, in this process and from disk", async () => {
    const cache = await ArticleCache.load(dir, "v1");
    cache.store("content/a.md", entry("aaa"));
    await cache.save();
    const again = await ArticleCache.load(dir, "v1");
    expect(again.lookupByHash("content/a.md", "aaa", 10, OLD)?.parsed).toEqual(entry("aaa").parsed);
    expect(again.lookupByHash("content/a.md", "bbb", 10, OLD)).toBeUndefined();
    expect(again.lookupByStat("content/a.md", 10, OLD)?.hash).toBe("aaa");
    expect(again.lookupByStat("content/a.md", 11, OLD)).toBeUndefined();
  });

  it("does not trust size and time for a file modified as the cache was written", async () => {
    const cache = await ArticleCache.load(dir, "v1");
    const now = Date.now();
    cache.store("content/a.md", entry("aaa", now));
    await cache.save();
    const again = await ArticleCache.load(dir, "v1");
    expect(again.lookupByStat("content/a.md", 10, now)).toBeUndefined();
    expect(again.lookupByHash("content/a.md", "aaa", 10, now)?.hash).toBe("aaa");
  });

  it("starts empty under another code version", async () => {
    const cache = await ArticleCache.load(dir, "v1");
    cache.store("content/a.md", entry("aaa"));
    await cache.save();
    expect((await ArticleCache.load(dir, "v2")).lookupByHash("content/a.md", "aaa", 10, OLD)).toBeUndefined();
  });

  it("forgets files a build did not see (deleted or renamed)", async () => {
    const cache = await ArticleCache.load(dir, "v1");
    cache.store("content/a.md", entry("aaa"));
    cache.store("content/b.md", entry("bbb"));
    await cache.save();
    const second = await ArticleCache.load(dir, "v1");
    second.lookupByHash("content/a.md", "aaa", 10, OLD);
    await second.save();
    const third = await ArticleCache.load(dir, "v1");
    expect(third.lookupByHash("content/b.md", "bbb", 10, OLD)).toBeUndefined();
    expect(third.lookupByHash("content/a.md", "aaa", 10, OLD)).toBeDefined();
  });

  it("reads the shards again when another process wrote them since", async () => {
    const cache = await ArticleCache.load(dir, "v1");
    cache.store("content/a.md", entry("aaa"));
    await cache.save();
    const [shard] = (await readdir(dir)).filter((name) => name.endsWith(".json"));
    const file = join(dir, shard!);
    const text = (await readFile(file, "utf8")).replaceAll('"aaa"', '"ccc"');
    await writeFile(file, text);
    await utimes(file, new Date(), new Date(Date.now() + 5_000));
    const again = await ArticleCache.load(dir, "v1");
    expect(again.lookupByHash("content/a.md", "aaa", 10, OLD)).toBeUndefined();
    expect(again.lookupByHash("content/a.md", "ccc", 10, OLD)).toBeDefined();
  });

  it("ignores a shard that is not valid JSON", async () => {
    const cache = await ArticleCache.load(dir, "v1");
    cache.store("content/a.md", entry("aaa"));
    await cache.save();
    for (const name of await readdir(dir)) await writeFile(join(dir, name), "{ half-written");
    const files = await readdir(dir);
    for (const name of files) await utimes(join(dir, name), new Date(), new Date(Date.now() + 10_000));
    expect((await ArticleCache.load(dir, "v1")).lookupByHash("content/a.md", "aaa", 10, OLD)).toBeUndefined();
  });
});

// The cache keeps what a process last loaded in memory, keyed by folder: spelling the folder another
// way ("dir/", "dir//") makes a load read the files as another process would.
describe("article bodies in the cache", () => {
  const parsedArticle = (html: string): CachedArticle => ({
    size: 10,
    mtimeMs: OLD,
    hash: `h-${html.length}`,
    parsed: {
      ok: true,
      warnings: [],
      article: {
        title: "T",
        date: { day: "2024-01-01", iso: "2024-01-01", epochMs: Date.parse("2024-01-01T00:00:00Z") },
        people: [],
        places: [],
        tags: [],
        draft: false,
        file: "content/a.md",
        contentHash: "c",
        titleSlug: "t",
        body: { html },
        excerpt: "e",
        wordCount: 1,
      },
    },
  });
  const bodyOf = (cache: ArticleCache, path: string, hash: string) => {
    const parsed = cache.lookupByHash(path, hash, 10, OLD)?.parsed;
    return parsed?.ok ? parsed.article.body.html : undefined;
  };

  it("keeps bodies out of the JSON and reads each back from the pack, unicode intact", async () => {
    const cache = await ArticleCache.load(dir, "v1");
    const html = "<p>Zoë said “ça va” — 北京 😀</p>";
    cache.store("content/a.md", parsedArticle(html));
    cache.store("content/b.md", parsedArticle("<p>b</p>"));
    await cache.save();
    const json = (await readdir(dir)).filter((name) => name.endsWith(".json"));
    for (const name of json) expect(await readFile(join(dir, name), "utf8")).not.toContain("<p>");
    expect((await readdir(dir)).some((name) => name.endsWith(".bodies"))).toBe(true);
    const other = await ArticleCache.load(join(dir, "."), "v1");
    expect(bodyOf(other, "content/a.md", `h-${html.length}`)).toBe(html);
    expect(bodyOf(other, "content/b.md", "h-8")).toBe("<p>b</p>");
  });

  it("keeps every body readable across saves, and drops packs two saves old", async () => {
    const first = await ArticleCache.load(dir, "v1");
    first.store("content/a.md", parsedArticle("<p>one</p>"));
    await first.save();
    for (const html of ["<p>two!</p>", "<p>three!!</p>", "<p>four!!!</p>"]) {
      const cache = await ArticleCache.load(`${dir}/`, "v1");
      cache.lookupByHash("content/a.md", "h-10", 10, OLD);
      cache.store("content/b.md", parsedArticle(html));
      await cache.save();
    }
    const last = await ArticleCache.load(`${dir}//`, "v1");
    expect(bodyOf(last, "content/a.md", "h-10")).toBe("<p>one</p>");
    expect(bodyOf(last, "content/b.md", `h-${"<p>four!!!</p>".length}`)).toBe("<p>four!!!</p>");
    // Each shard keeps its current pack and the one before, no more.
    const packs = (await readdir(dir)).filter((name) => name.endsWith(".bodies"));
    const perShard = new Map<string, number>();
    for (const name of packs) perShard.set(name.split(".")[0]!, (perShard.get(name.split(".")[0]!) ?? 0) + 1);
    expect(Math.max(...perShard.values())).toBeLessThanOrEqual(2);
  });

  it("parses again when a shard's pack of bodies is missing", async () => {
    const cache = await ArticleCache.load(dir, "v1");
    cache.store("content/a.md", parsedArticle("<p>a</p>"));
    await cache.save();
    for (const name of await readdir(dir)) if (name.endsWith(".bodies")) await rm(join(dir, name));
    const again = await ArticleCache.load(`${dir}/./`, "v1");
    expect(again.lookupByHash("content/a.md", "h-8", 10, OLD)).toBeUndefined();
  });
});
