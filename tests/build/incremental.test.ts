import { readFile, rename, rm, utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { extraArticle, generateCorpus } from "../../bench/corpus.js";
import { listArticleFiles } from "../../src/load-articles.js";
import { listFiles } from "../../src/output/write-site.js";
import { createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";

/**
 * Issue 7: a rebuild from `.dateline-cache/` renders only what changed, and its output is the same,
 * byte for byte, as a clean build of the same content into an empty folder with an empty cache.
 */

const projects: FixtureProject[] = [];
afterEach(async () => {
  await Promise.all(projects.splice(0).map((project) => project.cleanup()));
});

async function newProject(): Promise<FixtureProject> {
  const project = await createFixtureProject();
  projects.push(project);
  return project;
}

/** A small archive from the bench generator: dates over 25 years, shared people, places and tags. */
async function writeArchive(project: FixtureProject, count: number): Promise<void> {
  const files: Record<string, string> = { "site.yaml": "title: Incremental Gazette\nbaseUrl: https://inc.example.org/\nperPage: 5\n" };
  for (const article of generateCorpus(count, 7)) files[article.path] = article.text;
  await project.write(files);
  // Old modification times, so the cache's stat shortcut (not only its content hash) is exercised.
  const old = new Date("2020-01-01T00:00:00Z");
  for (const file of await listArticleFiles(project.contentDir)) await utimes(file, old, old);
}

/** Every file of both trees, compared byte for byte; returns how many files were compared. */
async function expectSameTree(actualDir: string, expectedDir: string): Promise<number> {
  const [actual, expected] = await Promise.all([listFiles(actualDir), listFiles(expectedDir)]);
  expect(actual.sort()).toEqual(expected.sort());
  const differing: string[] = [];
  for (const path of expected) {
    const [a, b] = await Promise.all([readFile(join(actualDir, path)), readFile(join(expectedDir, path))]);
    if (!a.equals(b)) differing.push(path);
  }
  expect(differing).toEqual([]);
  return expected.length;
}

/** A clean build of the project's current content, in a fresh project with no cache. */
async function expectSameAsCleanBuild(project: FixtureProject): Promise<void> {
  const clean = await newProject();
  const files: Record<string, Uint8Array> = {};
  for (const file of await listFiles(project.contentDir)) files[file] = await readFile(join(project.contentDir, file));
  await clean.write(files);
  const report = await clean.build();
  expect(report.rendered).toBe(report.pages);
  expect(await expectSameTree(project.outputDir, clean.outputDir)).toBeGreaterThan(100);
}

async function editArticle(project: FixtureProject, path: string, edit: (text: string) => string): Promise<void> {
  const file = join(project.contentDir, path);
  await writeFile(file, edit(await readFile(file, "utf8")));
}

describe("incremental builds", () => {
  it("renders and parses nothing again when nothing changed, and writes nothing", async () => {
    const project = await newProject();
    await writeArchive(project, 40);
    const first = await project.build();
    expect(first.rendered).toBe(first.pages);
    expect(first.parsed).toBe(40);
    await project.build();
    const third = await project.build();
    expect(third.parsed).toBe(0);
    expect(third.rendered).toBe(0);
    expect(third.write.written).toBe(0);
    await expectSameAsCleanBuild(project);
  });

  it("after adding, editing, deleting and renaming articles, equals a clean build byte for byte (worker threads scanning and rendering)", async () => {
    const project = await newProject();
    await writeArchive(project, 60);
    const first = await project.build({ threads: true });
    const paths = (await listFiles(project.contentDir)).filter((path) => path.endsWith(".md")).sort();

    // Add one article, dated after all others: new page, front page, neighbours, new terms, feeds.
    const added = extraArticle(1);
    await project.write({ [added.path]: added.text });
    const afterAdd = await project.build({ threads: true });
    expect(afterAdd.threads).toEqual({ scan: true, render: true });
    expect(afterAdd.parsed).toBe(1);
    expect(afterAdd.rendered).toBeGreaterThan(0);
    expect(afterAdd.rendered).toBeLessThan(first.pages / 2);
    await expectSameAsCleanBuild(project);

    // Edit one article's body and one's people (moves it between term pages).
    await editArticle(project, paths[10]!, (text) => text.replace(/\n\n([A-Z])/, "\n\nUpdated: $1"));
    await editArticle(project, paths[20]!, (text) => text.replace("people:\n", 'people:\n  - "Zora Newsome"\n'));
    const afterEdit = await project.build({ threads: true });
    expect(afterEdit.parsed).toBe(2);
    await expectSameAsCleanBuild(project);

    // Delete one; rename another (same content, new path: same URL, new file name in messages).
    await rm(join(project.contentDir, paths[30]!));
    await rename(join(project.contentDir, paths[40]!), join(project.contentDir, paths[40]!.replace(/\.md$/, "-renamed.md")));
    const afterMove = await project.build({ threads: true });
    expect(afterMove.parsed).toBe(1);
    expect(afterMove.articles).toBe(60);
    await expectSameAsCleanBuild(project);

    // Undo the first edit: the page's bytes come back from the tree two builds old, or are rendered.
    await editArticle(project, paths[10]!, (text) => text.replace("\n\nUpdated: ", "\n\n"));
    await project.build({ threads: true });
    await expectSameAsCleanBuild(project);
  });

  it("builds the same bytes with the build thread (sharing the parse, scanning, rendering) as on the main thread alone", async () => {
    const threaded = await newProject();
    await writeArchive(threaded, 300);
    const report = await threaded.build({ threads: true });
    expect(report.threads).toEqual({ scan: true, render: true });
    expect(report.parsed).toBe(300);
    const alone = await newProject();
    const files: Record<string, Uint8Array> = {};
    for (const file of await listFiles(threaded.contentDir)) files[file] = await readFile(join(threaded.contentDir, file));
    await alone.write(files);
    const single = await alone.build({ threads: false });
    expect(single.threads).toEqual({ scan: false, render: false });
    expect(await expectSameTree(threaded.outputDir, alone.outputDir)).toBeGreaterThan(300);
  });

  it("renders every page again when the settings change", async () => {
    const project = await newProject();
    await writeArchive(project, 20);
    await project.build();
    await project.write({ "site.yaml": "title: Renamed Gazette\nbaseUrl: https://inc.example.org/\nperPage: 5\n" });
    const rebuilt = await project.build();
    expect(rebuilt.parsed).toBe(0);
    expect(rebuilt.rendered).toBe(rebuilt.pages);
    expect(await project.read("index.html")).toContain("Renamed Gazette");
    await expectSameAsCleanBuild(project);
  });

  it("renders a page again when its file in the output was changed by hand", async () => {
    const project = await newProject();
    await writeArchive(project, 20);
    await project.build({ threads: true });
    await project.build({ threads: true });
    const index = join(project.outputDir, "index.html");
    const original = await readFile(index, "utf8");
    await writeFile(index, original.replace("Incremental Gazette", "Tampered"));
    // And files added by hand to the live site go at the next build, as they are not the build's.
    await writeFile(join(project.outputDir, "added-by-hand.html"), "<p>not Dateline's</p>");
    await project.build({ threads: true });
    expect(await project.read("index.html")).toBe(original);
    expect(await listFiles(project.outputDir)).not.toContain("added-by-hand.html");
    await expectSameAsCleanBuild(project);
  });
});
