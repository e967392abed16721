import { mkdtemp, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { defaultTrees, listFiles, recoverOutput, stageSite, type SiteTrees } from "../../../src/output/write-site.js";

let dir: string;
let trees: SiteTrees;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-write-"));
  trees = defaultTrees(join(dir, "_site"), join(dir, ".dateline-cache"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const site = (entries: Record<string, string>) => new Map(Object.entries(entries));

async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const file of (await listFiles(root)).sort()) out[file] = await readFile(join(root, file), "utf8");
  return out;
}

async function publish(entries: Record<string, string>) {
  const staged = await stageSite(trees, site(entries));
  await staged.commit();
  return staged.stats;
}

describe("stageSite + commit", () => {
  it("stages the whole site aside and makes it the output only on commit", async () => {
    await publish({ "index.html": "v1", "a/index.html": "A1" });
    const before = await snapshot(trees.output);
    const staged = await stageSite(trees, site({ "index.html": "v2", "b/index.html": "B2" }));
    expect(await snapshot(staged.dir)).toEqual({ "b/index.html": "B2", "index.html": "v2" });
    // Nothing the user serves changed yet.
    expect(await snapshot(trees.output)).toEqual(before);
    await staged.commit();
    expect(await snapshot(trees.output)).toEqual({ "b/index.html": "B2", "index.html": "v2" });
  });

  it("lets a later step add files to the staged tree before commit (search index)", async () => {
    const staged = await stageSite(trees, site({ "index.html": "x" }));
    await writeFile(join(staged.dir, "extra.json"), "{}");
    await staged.commit();
    expect(await snapshot(trees.output)).toEqual({ "extra.json": "{}", "index.html": "x" });
  });

  it("writes only changed files: unchanged ones keep their bytes and modification time", async () => {
    const files = { "index.html": "home", "a/index.html": "A", "b/index.html": "B" };
    await publish(files);
    const firstTime = (await stat(join(trees.output, "a/index.html"))).mtimeMs;
    await publish(files); // the standby tree was empty: everything written once more
    await new Promise((resolve) => setTimeout(resolve, 20));
    const third = await stageSite(trees, site({ ...files, "b/index.html": "B changed" }));
    // The standby tree is the first build's: only b changed since then.
    expect(third.stats).toEqual({ written: 1, unchanged: 2, deleted: 0 });
    expect((await stat(join(third.dir, "a/index.html"))).mtimeMs).toBe(firstTime);
    await third.commit();
    expect(await snapshot(trees.output)).toEqual({ "a/index.html": "A", "b/index.html": "B changed", "index.html": "home" });
  });

  it("rewrites a file that was changed on disk behind its back", async () => {
    const files = { "index.html": "home" };
    await publish(files);
    await publish(files);
    // The standby tree (first build) is edited by hand: its manifest no longer describes it.
    await writeFile(join(trees.standby, "index.html"), "tampered!");
    const staged = await stageSite(trees, site(files));
    expect(staged.stats.written).toBe(1);
    await staged.commit();
    expect(await snapshot(trees.output)).toEqual({ "index.html": "home" });
  });

  it("removes files (and emptied folders) no longer produced", async () => {
    const files = { "index.html": "home", "2024/04/11/gone/index.html": "old article" };
    await publish(files);
    await publish(files);
    const stats = await publish({ "index.html": "home" });
    expect(stats.deleted).toBe(1);
    expect(await listFiles(trees.output)).toEqual(["index.html"]);
    await expect(stat(join(trees.output, "2024"))).rejects.toThrow();
    // And the next build, on the other tree, drops it too.
    await publish({ "index.html": "home" });
    expect(await listFiles(trees.output)).toEqual(["index.html"]);
  });

  it("refuses paths outside the output folder", async () => {
    await expect(stageSite(trees, site({ "../evil.html": "x" }))).rejects.toThrow(/outside the output folder/);
    await expect(stat(join(dir, "evil.html"))).rejects.toThrow();
  });
});

describe("a build killed mid-swap", () => {
  it("is repaired when killed between the two renames: the old site comes back, then the new one goes live", async () => {
    await publish({ "index.html": "old" });
    await publish({ "index.html": "old", "a/index.html": "A" });
    const staged = await stageSite(trees, site({ "index.html": "new" }));
    // The commit's first rename happened, then the process died before the second.
    await rename(trees.output, trees.output + ".swapping");
    await expect(stat(trees.output)).rejects.toThrow();
    expect(staged.dir).toBe(trees.standby);

    await recoverOutput(trees);
    expect(await snapshot(trees.output)).toEqual({ "a/index.html": "A", "index.html": "old" });

    const next = await publish({ "index.html": "new", "b/index.html": "B" });
    expect(next.written + next.unchanged).toBe(2);
    expect(await snapshot(trees.output)).toEqual({ "b/index.html": "B", "index.html": "new" });
    await expect(stat(trees.output + ".swapping")).rejects.toThrow();
  });

  it("is repaired by the next build itself, with no separate recovery step", async () => {
    await publish({ "index.html": "old" });
    await stageSite(trees, site({ "index.html": "new" }));
    await rename(trees.output, trees.output + ".swapping");
    await publish({ "index.html": "newer" });
    expect(await snapshot(trees.output)).toEqual({ "index.html": "newer" });
    await expect(stat(trees.output + ".swapping")).rejects.toThrow();
  });

  it("is repaired when killed after the swap but before the old tree became the standby", async () => {
    await publish({ "index.html": "one" });
    const staged = await stageSite(trees, site({ "index.html": "two" }));
    await rename(trees.output, trees.output + ".swapping");
    await rename(staged.dir, trees.output);
    await recoverOutput(trees);
    expect(await snapshot(trees.output)).toEqual({ "index.html": "two" });
    await expect(stat(trees.output + ".swapping")).rejects.toThrow();
    await publish({ "index.html": "three" });
    expect(await snapshot(trees.output)).toEqual({ "index.html": "three" });
  });
});
