import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import matter from "gray-matter";
import { beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/build.js";
import { slugify } from "../../src/slugs.js";
import { DATELINE_COMMAND } from "../helpers/cli.js";
import { requireSharedSample, skipWithoutSharedSample } from "../helpers/shared-sample.js";

const ROOT = path.resolve(__dirname, "../..");
const FIXTURES = path.join(ROOT, "tests", "fixtures", "raw");

/** The harbour-vote title slugs past 80 characters, so its file name is cut and hashed by the one slug rule. */
const GALWAY = slugify("Councillors in Galway voted on Thursday to close the old harbour road to cars on summer");

function runImport(args: string[], cwd: string) {
  const result = spawnSync(DATELINE_COMMAND[0], [...DATELINE_COMMAND.slice(1), path.join(ROOT, "src", "cli", "import.ts"), ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

async function listMarkdown(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith(".md")).map((e) => e.split(path.sep).join("/")).sort();
}

/** Each article's text, modification time and inode: a rewrite, even of the same bytes, changes the last two. */
async function snapshotArticles(dir: string): Promise<Map<string, { text: string; mtimeMs: number; ino: number }>> {
  const snapshot = new Map<string, { text: string; mtimeMs: number; ino: number }>();
  for (const file of await listMarkdown(dir)) {
    const info = await stat(path.join(dir, file));
    snapshot.set(file, { text: await readFile(path.join(dir, file), "utf8"), mtimeMs: info.mtimeMs, ino: info.ino });
  }
  return snapshot;
}

describe("npm run import", () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), "dateline-import-cli-"));
    await cp(FIXTURES, path.join(work, "raw"), { recursive: true });
  });

  it("imports the good files, skips the duplicate, reports the broken ones and exits 1", async () => {
    const { code, stdout } = runImport(["raw", "--out", "content", "--tag", "fixtures"], work);
    expect(code).toBe(1);
    expect(await listMarkdown(path.join(work, "content"))).toEqual([
      "2021/10/five-stars-for-the-new-cafe-and-bar-b-opening-b-in-cork.md",
      expect.stringMatching(/^2022\/02\/the-tallinn-chamber-orchestra-will-tour-finland-and-sweden-in-april-[0-9a-f]{8}\.md$/),
      `2023/06/${GALWAY}.md`,
    ]);
    const lines = stdout.trim().split("\n");
    // The duplicate folder sorts first, so its copy is imported and the original is the one skipped.
    expect(lines).toContain("raw/good/2023-06-01-harbour-vote.txt  skipped  same text as raw/duplicate/2023-06-01-harbour-vote-copy.txt in this batch");
    expect(lines.at(-1)).toBe("imported 3, skipped 1 (same text as another file in this batch), failed 4");
    expect(stdout).toContain("raw/broken/bad-date.txt:1:7  error  the date must be a real calendar day like 2024-04-11; got \"2024-02-30\"  raw-article:date");
    expect(stdout).toContain("raw/broken/no-date-line.txt:1:1  error  the first line must be ` date YYYY-MM-DD`");
    expect(stdout).toMatch(/raw\/broken\/invalid-utf8\.txt:3:8  error  the file must be UTF-8 text/);
    expect(stdout).toContain("raw/broken/empty-body.txt:2:1  error  the article text must follow the date");
  });

  it("names an input that does not exist and a folder with no raw articles in it, exits 1 and writes nothing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dateline-import-inputs-"));
    await mkdir(path.join(dir, "photos", "2024"), { recursive: true });
    await writeFile(path.join(dir, "photos", "2024", "harbour.jpg"), "not text");
    const { code, stdout } = runImport(["missing.txt", "photos", "--out", "content"], dir);
    expect(code).toBe(1);
    expect(stdout.trim().split("\n")).toEqual([
      "missing.txt  error  no such file or folder  import:input",
      "photos  error  no raw articles in this folder or below it; expected .txt or .md files  import:empty-folder",
      "imported 0, skipped 0 (already imported), failed 2",
    ]);
    expect(await listMarkdown(path.join(dir, "content"))).toEqual([]);
  });

  it("writes front-matter the build accepts, with people, places, tags and the source hash", async () => {
    const file = path.join(work, "content", "2023", "06", `${GALWAY}.md`);
    const { data, content } = matter(await readFile(file, "utf8"));
    expect(data).toMatchObject({
      title: "Councillors in Galway voted on Thursday to close the old harbour road to cars on summer",
      date: "2023-06-01",
      people: ["Niamh Gallagher"],
      places: ["Galway"],
      tags: ["fixtures"],
    });
    // The duplicate folder sorts first: whichever copy came first is the one imported.
    expect(data.imported.from).toMatch(/^2023-06-01-harbour-vote(-copy)?\.txt$/);
    expect(data.imported.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(content).toContain("Mayor Niamh Gallagher said the trial");
  });

  it("escapes markdown syntax in the body", async () => {
    const file = path.join(work, "content", "2021", "10", "five-stars-for-the-new-cafe-and-bar-b-opening-b-in-cork.md");
    const { content } = matter(await readFile(file, "utf8"));
    expect(content).toContain("\\# Five \\*stars\\* for the\\_new café \\& bar \\<b\\>opening\\</b\\> in Cork");
    expect(content).toContain("1\\. The owners said \\[prices\\] would stay low; \\`espresso\\` costs €2.");
  });

  it("re-importing is a no-op: same files, same bytes, untouched", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dateline-import-again-"));
    await cp(FIXTURES, path.join(dir, "raw"), { recursive: true });
    const first = runImport(["raw/good", "raw/duplicate", "--out", "content"], dir);
    expect(first.stdout.trim().split("\n").at(-1)).toBe("imported 3, skipped 1 (same text as another file in this batch), failed 0");
    const before = await snapshotArticles(path.join(dir, "content"));
    expect(before.size).toBe(3);
    const { code, stdout } = runImport(["raw/good", "raw/duplicate", "--out", "content"], dir);
    expect(code).toBe(0);
    expect(stdout.trim().split("\n").at(-1)).toBe("imported 0, skipped 4 (already imported), failed 0");
    expect(await snapshotArticles(path.join(dir, "content"))).toEqual(before);
  });

  it("--force re-writes an imported article in place", async () => {
    const file = path.join(work, "content", "2023", "06", `${GALWAY}.md`);
    await writeFile(file, (await readFile(file, "utf8")).replace("Galway", "Edited"));
    const { code, stdout } = runImport(["raw/good/2023-06-01-harbour-vote.txt", "--out", "content", "--force"], work);
    expect(code).toBe(0);
    expect(stdout).toContain("imported 1, skipped 0");
    expect(await readFile(file, "utf8")).toContain('places:\n  - "Galway"');
    expect((await listMarkdown(path.join(work, "content"))).length).toBe(3);
  });

  it("a new article with a taken slug gets -2", async () => {
    await writeFile(path.join(work, "raw", "same-title.txt"), " date 2023-06-20 Councillors in Galway voted on Thursday to close the old harbour road to cars on summer weekends. Again.\n");
    runImport(["raw/same-title.txt", "--out", "content"], work);
    expect(await listMarkdown(path.join(work, "content", "2023", "06"))).toEqual([
      `${GALWAY}-2.md`,
      `${GALWAY}.md`,
    ]);
  });

  it("--dry-run prints what would be written with people and places, and writes nothing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dateline-import-dry-"));
    const { code, stdout } = runImport([path.join(FIXTURES, "good"), "--out", path.join(dir, "content"), "--dry-run"], dir);
    expect(code).toBe(0);
    expect(stdout).toContain(`would write content/2023/06/${GALWAY}.md`);
    expect(stdout).toContain("  people: Niamh Gallagher");
    expect(stdout).toContain("  places: Galway");
    expect(stdout.trim().split("\n").at(-1)).toBe("would import 3, skipped 0 (already imported), failed 0");
    expect(existsSync(path.join(dir, "content"))).toBe(false);
  });

  it("applies content/aliases.yaml", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dateline-import-aliases-"));
    await cp(path.join(FIXTURES, "good"), path.join(dir, "raw"), { recursive: true });
    await mkdir(path.join(dir, "content"));
    await writeFile(path.join(dir, "content", "aliases.yaml"), 'people:\n  aliases: { "niamh gallagher": "Niamh Ní Ghallchóir" }\nplaces:\n  ignore: [Galway]\n');
    runImport(["raw", "--out", "content"], dir);
    const file = path.join(dir, "content", "2023", "06", `${GALWAY}.md`);
    const { data } = matter(await readFile(file, "utf8"));
    expect(data.people).toEqual(["Niamh Ní Ghallchóir"]);
    expect(data.places).toEqual([]);
  });

  it("stops on a bad aliases file, naming it relative to the working folder", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dateline-import-bad-aliases-"));
    await cp(path.join(FIXTURES, "good"), path.join(dir, "raw"), { recursive: true });
    await mkdir(path.join(dir, "content"));
    await writeFile(path.join(dir, "content", "aliases.yaml"), 'people:\n  aliases:\n    - "Niamh Gallagher"\n');
    // --out given as an absolute path: the message still names the file as the user sees it.
    const { code, stderr } = runImport(["raw", "--out", path.join(dir, "content")], dir);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe("content/aliases.yaml:3:1  error  `people.aliases` must map each variant to its canonical name; got a list  aliases:shape");
    expect(await listMarkdown(path.join(dir, "content"))).toEqual([]);
  });

  it.each([[[]], [["raw", "--bogus"]], [["raw", "--tag"]], [["raw", "--workers", "x"]]])("exits 2 with a usage message on bad usage: %j", (args) => {
    const { code, stderr } = runImport(args, work);
    expect(code).toBe(2);
    expect(stderr).toContain("usage: npm run import --");
  });

  it.skipIf(skipWithoutSharedSample)("imports the shared raw sample with its seven people", async () => {
    const SAMPLE = requireSharedSample();
    const dir = await mkdtemp(path.join(tmpdir(), "dateline-import-sample-"));
    const { code } = runImport([SAMPLE, "--out", "content"], dir);
    expect(code).toBe(0);
    const [file] = await listMarkdown(path.join(dir, "content"));
    const { data } = matter(await readFile(path.join(dir, "content", file!), "utf8"));
    expect(data.people).toEqual(["Antony Blinken", "Yoav Gallant", "Matthew Miller", "Joe Biden", "Fumio Kishida", "Israel Katz", "Ali Khamenei"]);
    expect(data.places).toEqual(expect.arrayContaining(["United States", "Israel", "Iran", "Gaza", "Damascus", "Tehran"]));
  });

  it.skipIf(skipWithoutSharedSample)("builds the imported sample into a site whose person pages are exactly its seven people", async () => {
    const SAMPLE = requireSharedSample();
    const dir = await mkdtemp(path.join(tmpdir(), "dateline-import-build-"));
    expect(runImport([SAMPLE, "--out", "content"], dir).code).toBe(0);
    await buildSite({ projectDir: dir, search: false });
    const people = (await readdir(path.join(dir, "_site", "people"), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const expected = ["Antony Blinken", "Yoav Gallant", "Matthew Miller", "Joe Biden", "Fumio Kishida", "Israel Katz", "Ali Khamenei"].map((name) => slugify(name)).sort();
    expect(people).toEqual(expected);
    const hub = await readFile(path.join(dir, "_site", "people", "index.html"), "utf8");
    for (const slug of expected) expect(hub).toContain(`href="/people/${slug}/"`);
  });
});
