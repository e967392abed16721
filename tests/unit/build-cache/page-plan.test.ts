import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadPageRecords, savePageRecords } from "../../../src/build-cache/page-plan.js";
import { textHash } from "../../../src/part-hash.js";
import { hashContent } from "../../../src/output/write-site.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-page-plan-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const keys = new Map([
  ["index.html", textHash("front")],
  ["2024/01/02/a/index.html", textHash("a")],
  ["feed.xml", textHash("feed")],
]);
const hashes = new Map([
  ["index.html", hashContent("<front>")],
  ["2024/01/02/a/index.html", hashContent("<a>")],
]);

describe("page records", () => {
  it("give back each page's key and hash, in this process and read from disk", async () => {
    const file = join(dir, "pages.json");
    await savePageRecords(file, "v1", keys, (path) => hashes.get(path));
    // A copy is a file this process has not seen: it is parsed, not remembered.
    const copy = join(dir, "copy.json");
    await copyFile(file, copy);
    for (const records of [await loadPageRecords(file, "v1"), await loadPageRecords(copy, "v1")]) {
      expect(records.keyOf("2024/01/02/a/index.html")).toBe(textHash("a"));
      expect(records.hashOf("2024/01/02/a/index.html")).toBe(hashContent("<a>"));
      expect(records.keyOf("index.html")).toBe(textHash("front"));
      expect(records.hashOf("index.html")).toBe(hashContent("<front>"));
      // A page with no bytes staged has no record: it renders next time.
      expect(records.keyOf("feed.xml")).toBeUndefined();
      expect(records.keyOf("nowhere.html")).toBeUndefined();
    }
  });

  it("are none for another code version, an older layout or a damaged file", async () => {
    const file = join(dir, "pages.json");
    await savePageRecords(file, "v1", keys, (path) => hashes.get(path));
    expect((await loadPageRecords(file, "v2")).keyOf("index.html")).toBeUndefined();

    const old = join(dir, "old.json");
    await writeFile(old, JSON.stringify({ version: "v1", pages: { "index.html": { key: textHash("front"), hash: hashContent("<front>") } } }));
    expect((await loadPageRecords(old, "v1")).keyOf("index.html")).toBeUndefined();

    const damaged = join(dir, "damaged.json");
    await writeFile(damaged, JSON.stringify({ version: "v1", paths: ["index.html", "b.html"], keys: textHash("front"), hashes: hashContent("<front>") }));
    expect((await loadPageRecords(damaged, "v1")).keyOf("index.html")).toBeUndefined();

    const truncated = join(dir, "truncated.json");
    await writeFile(truncated, '{"version":"v1","paths":["index.html"');
    expect((await loadPageRecords(truncated, "v1")).keyOf("index.html")).toBeUndefined();
  });
});
