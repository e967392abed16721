import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readTreeListing, saveTreeListing, treeKey, walkTree, type ListingOptions, type TreeListing } from "../../../src/output/tree-listing.js";
import { defaultTrees, findStrays, stageSite } from "../../../src/output/write-site.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-listing-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function makeTree(root: string, files: readonly string[]): Promise<void> {
  for (const file of files) {
    await mkdir(join(root, file, ".."), { recursive: true });
    await writeFile(join(root, file), file);
  }
}

function walk(root: string, previous: TreeListing | undefined, options: ListingOptions = { racyMs: 0 }) {
  const files: string[] = [];
  const state: { listing?: TreeListing; foldersRead: number } = { foldersRead: 0 };
  for (const _folder of walkTree(root, previous, (path) => files.push(path), state, options));
  return { files: files.sort(), listing: state.listing, foldersRead: state.foldersRead };
}

// A folder's ctime moves with the file system's clock tick (a few milliseconds on Linux): the
// tests change a folder only once a tick has surely passed since it was listed.
const nextTick = () => sleep(50);

const FILES = ["index.html", "a/index.html", "a/b/index.html", "a/b/feed.xml", "c/index.html", "c/d/e/index.html"];

describe("walkTree", () => {
  it("lists every file, reading every folder, when nothing is known", async () => {
    const root = join(dir, "tree");
    await makeTree(root, FILES);
    const first = walk(root, undefined);
    expect(first.files).toEqual([...FILES].sort());
    // "", a, a/b, c, c/d, c/d/e
    expect(first.foldersRead).toBe(6);
  });

  it("reads no folder again when none changed, and lists the same files", async () => {
    const root = join(dir, "tree");
    await makeTree(root, FILES);
    const first = walk(root, undefined);
    await nextTick();
    const second = walk(root, first.listing);
    expect(second.files).toEqual(first.files);
    expect(second.foldersRead).toBe(0);
  });

  it("reads only the folder a file was added to, and finds the file", async () => {
    const root = join(dir, "tree");
    await makeTree(root, FILES);
    const first = walk(root, undefined);
    await nextTick();
    await writeFile(join(root, "c/d/e/added-by-hand.html"), "x");
    const second = walk(root, first.listing);
    expect(second.files).toContain("c/d/e/added-by-hand.html");
    expect(second.foldersRead).toBe(1);
    // And the listing it leaves knows the file without reading the folder again.
    await nextTick();
    const third = walk(root, second.listing);
    expect(third.files).toEqual(second.files);
    expect(third.foldersRead).toBe(0);
  });

  it("finds a new folder under an unchanged one's sibling, and forgets removed files and folders", async () => {
    const root = join(dir, "tree");
    await makeTree(root, FILES);
    const first = walk(root, undefined);
    await nextTick();
    await makeTree(root, ["a/new/deep/page.html"]);
    await rm(join(root, "c/d"), { recursive: true });
    await rm(join(root, "a/b/feed.xml"));
    const second = walk(root, first.listing);
    expect(second.files).toEqual(["a/b/index.html", "a/index.html", "a/new/deep/page.html", "c/index.html", "index.html"]);
    // a (new entry), a/b (file removed), a/new and a/new/deep (new), c (entry removed).
    expect(second.foldersRead).toBe(5);
  });

  it("reads again, next time, a folder that changed just before it was listed (the racy case)", async () => {
    const root = join(dir, "tree");
    await makeTree(root, FILES);
    // Every folder changed a moment ago: none can be vouched for by its ctime yet.
    const first = walk(root, undefined, { racyMs: 60_000 });
    const second = walk(root, first.listing, { racyMs: 60_000 });
    expect(second.foldersRead).toBe(6);
    // Once they are old enough, they are trusted.
    const third = walk(root, second.listing, { racyMs: 60_000, now: Date.now() + 120_000 });
    const fourth = walk(root, third.listing, { racyMs: 60_000, now: Date.now() + 120_000 });
    expect(fourth.foldersRead).toBe(0);
    expect(fourth.files).toEqual([...FILES].sort());
  });

  it("lists nothing for a tree that is not there", () => {
    const gone = walk(join(dir, "missing"), undefined);
    expect(gone).toEqual({ files: [], listing: undefined, foldersRead: 0 });
  });
});

describe("tree listings on disk", () => {
  it("are kept by tree, survive the tree's renaming, and only the two trees' are kept", async () => {
    const stateDir = join(dir, "state");
    await mkdir(stateDir);
    const [one, two, three] = [join(dir, "one"), join(dir, "two"), join(dir, "three")];
    for (const root of [one, two, three]) await makeTree(root, ["index.html"]);
    const listing = walk(one, undefined).listing!;
    const keyOne = treeKey(one)!;
    await saveTreeListing(stateDir, keyOne, listing, []);
    await saveTreeListing(stateDir, treeKey(two)!, walk(two, undefined).listing!, [keyOne]);
    // Renamed, the tree is still the one listed.
    await rename(one, join(dir, "renamed"));
    expect(readTreeListing(stateDir, treeKey(join(dir, "renamed")))).toEqual(listing);
    // A third tree's listing, keeping the second's: the first one's is removed.
    await saveTreeListing(stateDir, treeKey(three)!, walk(three, undefined).listing!, [treeKey(two)]);
    expect((await readdir(stateDir)).filter((name) => name.startsWith("listing-")).length).toBe(2);
    expect(readTreeListing(stateDir, keyOne)).toBeUndefined();
  });

  it("a damaged listing is ignored: the walk reads every folder", async () => {
    const stateDir = join(dir, "state");
    const root = join(dir, "tree");
    await mkdir(stateDir);
    await makeTree(root, FILES);
    const key = treeKey(root)!;
    await saveTreeListing(stateDir, key, walk(root, undefined).listing!, []);
    const file = (await readdir(stateDir)).find((name) => name.startsWith("listing-"))!;
    await writeFile(join(stateDir, file), '{"not": "a listing"');
    expect(readTreeListing(stateDir, key)).toBeUndefined();
    await writeFile(join(stateDir, file), '{"not": "a listing"}');
    expect(readTreeListing(stateDir, key)).toBeUndefined();
  });
});

describe("findStrays with a listing", () => {
  it("finds a file added by hand to a standby folder that the last walk vouched for", async () => {
    const trees = defaultTrees(join(dir, "_site"), join(dir, ".dateline-cache"));
    const pages = new Map(Object.entries({ "index.html": "v1", "a/index.html": "A", "a/b/index.html": "B" }));
    // Two builds: the first tree is the standby again, with a manifest.
    await (await stageSite(trees, pages)).commit();
    await (await stageSite(trees, pages)).commit();
    expect(await findStrays(trees, undefined, { racyMs: 0 })).toEqual([]);
    await nextTick();
    await writeFile(join(trees.standby, "a/b/stray.html"), "added by hand");
    expect(await findStrays(trees, undefined, { racyMs: 0 })).toEqual(["a/b/stray.html"]);
    // Known from the listing now, without reading the folder: still a stray.
    await nextTick();
    expect(await findStrays(trees, undefined, { racyMs: 0 })).toEqual(["a/b/stray.html"]);
  });
});
