import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { articleText, createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";
import type { ShardList } from "../../src/search/index-layout.js";

/** The search index as the build makes it: shards, article pages only, carried forward by hash. */

const article = (title: string, date: string, body: string) => articleText(`title: ${title}\ndate: ${date}\npeople: [Ada Quill]\ntags: [harbour]`, body);

const FOUR = {
  "a.md": article("January news", "2020-01-10", "Alpha story about the harbour."),
  "b.md": article("February news", "2020-02-10", "Bravo story about the bridge."),
  "c.md": article("Next January news", "2021-01-10", "Charlie story about the ferry."),
  "d.md": article("Next February news", "2021-02-10", "Delta story about the lighthouse."),
};
// Sealed groups of up to 3 articles, tail shards of 1: [2020-01 … 2021-01] sealed, [2021-02] open.
const LIMITS = { search: { maxShardArticles: 3, tailShardArticles: 1 } };

const projects: FixtureProject[] = [];
afterEach(async () => {
  for (const project of projects.splice(0)) await project.cleanup();
});

async function project(files: Record<string, string>): Promise<FixtureProject> {
  const made = await createFixtureProject(files);
  projects.push(made);
  return made;
}

async function shardList(site: FixtureProject): Promise<ShardList> {
  return JSON.parse(await site.read("pagefind/shards.json")) as ShardList;
}

/** Every file under `_site/pagefind/` with its bytes, for comparing two builds. */
async function indexFiles(site: FixtureProject): Promise<Map<string, string>> {
  const root = join(site.outputDir, "pagefind");
  const files = new Map<string, string>();
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(path.slice(root.length + 1), (await readFile(path)).toString("base64"));
    }
  }
  return files;
}

describe("search index in the build", () => {
  it("indexes article pages only, one Pagefind bundle per shard", async () => {
    const site = await project(FOUR);
    const report = await site.build(LIMITS);
    expect(report.search).toEqual({ articles: 4, shards: 2, indexed: 2, reused: 0 });
    const list = await shardList(site);
    expect(list.shards.map((s) => [s.from, s.to, s.articles, s.years])).toEqual([
      ["2020-01", "2021-01", 3, ["2020", "2021"]],
      ["2021-02", "2021-02", 1, ["2021"]],
    ]);
    for (const shard of list.shards) {
      const entry = JSON.parse(await site.read(`pagefind/${shard.path}pagefind-entry.json`)) as { languages: Record<string, { page_count: number; hash: string }> };
      expect(entry.languages.en?.page_count).toBe(shard.articles);
      // The files the search page preloads are the ones Pagefind will ask for.
      const tag = shard.path.slice(shard.path.indexOf(".") + 1, -1);
      expect(shard.preload).toEqual({ entry: `pagefind-entry.json?ts=${tag}`, meta: `pagefind.${entry.languages.en?.hash}.pf_meta`, wasm: "wasm.en.pagefind" });
      await site.read(`pagefind/${shard.path}${shard.preload.meta}`);
      await site.read(`pagefind/${shard.path}${shard.preload.wasm}`);
      // Dateline's own page replaces Pagefind's UI bundles.
      await expect(site.read(`pagefind/${shard.path}pagefind-ui.js`)).rejects.toThrow();
    }
  });

  it("re-indexes nothing when nothing changed, and only the open shards when an article is added", async () => {
    const site = await project(FOUR);
    await site.build(LIMITS);
    const first = await shardList(site);

    const again = await site.build(LIMITS);
    expect(again.search).toMatchObject({ shards: 2, indexed: 0, reused: 2 });
    expect(await shardList(site)).toEqual(first);

    await site.write({ "e.md": article("March news", "2021-03-10", "Echo story about the pier.") });
    const added = await site.build(LIMITS);
    const after = await shardList(site);
    expect(after.shards.map((s) => [s.from, s.articles])).toEqual([
      ["2020-01", 3],
      ["2021-02", 1],
      ["2021-03", 1],
    ]);
    // The sealed shard is carried forward under the same name; the new article's shard is new, and
    // so is February's (its page now links to the newer article).
    expect(after.shards[0]!.path).toBe(first.shards[0]!.path);
    expect(added.search).toMatchObject({ shards: 3, indexed: 2, reused: 1 });

    // The same as a build from nothing.
    const clean = await project({ ...FOUR, "e.md": article("March news", "2021-03-10", "Echo story about the pier.") });
    await clean.build(LIMITS);
    expect(await indexFiles(site)).toEqual(await indexFiles(clean));
  });

  it("removes the index with --no-search", async () => {
    const site = await project(FOUR);
    await site.build(LIMITS);
    const report = await site.build({ search: false });
    expect(report.search).toBeUndefined();
    await expect(site.read("pagefind/shards.json")).rejects.toThrow();
  });
});
