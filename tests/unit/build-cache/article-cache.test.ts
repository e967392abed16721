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
