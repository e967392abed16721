import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listFiles, stageSite } from "../../src/output/write-site.js";
import { slugify } from "../../src/slugs.js";
import { outputPathForUrl } from "../../src/urls.js";
import { stateDirForOutput } from "../../src/build.js";
import { articleText, createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";
import { diffSnapshots, snapshotTree } from "../helpers/cli.js";

/**
 * No title, name or slug can make the build write outside `_site/`, and text that slugs to nothing
 * still gets a stable URL of its own.
 */
const ESCAPING_TEXTS = ["../../../../tmp/escaped", "..", ".", "/etc/passwd", "%2e%2e%2f%2e%2e%2fescaped", "..\\..\\escaped", "C:\\Windows\\escaped", "~/escaped", "\u0000/escaped", "./.././escaped"];

async function snapshotOutside(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => !e.startsWith("_site") && !e.startsWith(".dateline-cache")).sort();
}

describe("outputPathForUrl", () => {
  it.each([
    ["/", "index.html"],
    ["/2024/04/11/a-title/", "2024/04/11/a-title/index.html"],
    ["/people/n-e84c538e7f/", "people/n-e84c538e7f/index.html"],
    ["/feed.xml", "feed.xml"],
    ["/search/?person=x#top", "search/index.html"],
  ])("maps %j to %j", (url, path) => {
    expect(outputPathForUrl(url)).toBe(path);
  });

  it.each([
    "relative/",
    "/../etc/passwd",
    "/a/../../etc/",
    "/a/./b/",
    "/a/..",
    "/a/.",
    "//etc/passwd",
    "/a//b/",
    "/%2e%2e/etc/",
    "/%2E%2E%2Fetc/",
    "/a%2fb/",
    "/a%5c..%5c/",
    "/a\\..\\..\\etc/",
    "/C:/Windows/",
    "/a\u0000b/",
    "/a%00b/",
    "/a\nb/",
  ])("refuses %j", (url) => {
    expect(() => outputPathForUrl(url)).toThrow(/not a site path/);
  });
});

describe("stageSite", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "dateline-stage-"));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(["../escaped.html", "../../escaped.html", "a/../../escaped.html", "/tmp/escaped-absolute.html", "a\u0000b.html"])(
    "refuses to write %j and leaves the live output as it was",
    async (path) => {
      const root = await mkdtemp(join(dir, "case-"));
      const trees = { output: join(root, "_site"), standby: join(root, "state", "standby-_site"), stateDir: join(root, "state") };
      await mkdir(trees.output, { recursive: true });
      await writeFile(join(trees.output, "index.html"), "previous");
      const files = new Map<string, string>([
        ["index.html", "new"],
        [path, "escaped"],
      ]);
      await expect(stageSite(trees, files)).rejects.toThrow(/outside the output folder/);
      expect(await listFiles(trees.output)).toEqual(["index.html"]);
      const everything = await readdir(root, { recursive: true });
      expect(everything.filter((e) => e.includes("escaped"))).toEqual([]);
      await expect(readdir("/tmp")).resolves.not.toContain("escaped-absolute.html");
    },
  );
});

describe("a build whose titles and names look like paths", () => {
  let project: FixtureProject;
  let before: string[];
  beforeAll(async () => {
    const files: Record<string, string> = {};
    ESCAPING_TEXTS.forEach((text, i) => {
      const value = JSON.stringify(text);
      files[`2024/path-${i}.md`] = articleText(`title: ${value}\ndate: 2024-03-${String(i + 1).padStart(2, "0")}\npeople: [${value}]\nplaces: [${value}]\ntags: [${value}]`);
    });
    project = await createFixtureProject(files, "dateline-paths-");
    before = await snapshotOutside(project.dir);
    await project.build();
    firstBuild = await snapshotTree(project.outputDir);
    // A second build makes the first one the standby tree, inside the state folder.
    await project.build();
  });
  afterAll(() => project?.cleanup());
  let firstBuild: Map<string, string>;

  it("writes nothing outside _site/ and the state folder", async () => {
    expect(await snapshotOutside(project.dir)).toEqual(before);
    const tmp = await readdir(tmpdir());
    expect(tmp.filter((e) => e === "escaped" || e.startsWith("escaped"))).toEqual([]);
  });

  it("puts in the state folder only what Dateline keeps there, so a write that climbed out of the standby tree would show", async () => {
    const state = join(project.dir, ".dateline-cache");
    const outputState = stateDirForOutput(state, project.outputDir);
    const standby = join(outputState, "standby");
    const entries = (await readdir(state, { recursive: true })).map((e) => e.split(sep).join("/"));
    const outside = entries.filter((e) => !`${state}/${e}`.startsWith(`${standby}/`)).sort();
    const outputFolder = outputState.slice(state.length + 1).split(sep).join("/");
    expect(outputFolder).toMatch(/^outputs\/_site-[0-9a-f]{8}$/);
    const unexpected = outside.filter(
      (e) =>
        !["articles", "outputs", outputFolder, `${outputFolder}/standby`, `${outputFolder}/pages.json`, `${outputFolder}/manifest-output.json`, `${outputFolder}/manifest-standby.json`].includes(e) &&
        !/^articles\/articles-\d\d\.json$/.test(e) &&
        !/^articles\/articles-\d\d\.[0-9a-z]+\.\d+\.bodies$/.test(e),
    );
    expect(unexpected).toEqual([]);
    expect(outside.filter((e) => /^articles\//.test(e)).length).toBeGreaterThan(0);
  });

  it("keeps in the standby tree only the previous build's site files, byte for byte", async () => {
    const standby = join(stateDirForOutput(join(project.dir, ".dateline-cache"), project.outputDir), "standby");
    expect(diffSnapshots(await snapshotTree(standby), firstBuild)).toBe("");
    expect(firstBuild.size).toBeGreaterThan(ESCAPING_TEXTS.length * 4);
    expect(diffSnapshots(await snapshotTree(project.outputDir), firstBuild)).toBe("");
  });

  it("gives each article and each name a page inside _site/", async () => {
    const files = await listFiles(project.outputDir);
    ESCAPING_TEXTS.forEach((text, i) => {
      const slug = slugify(text.replace(/[\s\u0000]+/g, " ").trim());
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(files).toContain(`2024/03/${String(i + 1).padStart(2, "0")}/${slug}/index.html`);
      for (const kind of ["people", "places", "tags"]) expect(files).toContain(`${kind}/${slug}/index.html`);
    });
  });
});

describe("titles and names that slug to nothing", () => {
  const EMPTY_SLUG_TEXTS = ["!!!", "???", "😀", "😀😀", "北京欢迎你", "東京", "ㅋㅋㅋ", "…", "—", "...", "%"];
  let project: FixtureProject;
  beforeAll(async () => {
    const files: Record<string, string> = {};
    EMPTY_SLUG_TEXTS.forEach((text, i) => {
      const value = JSON.stringify(text);
      files[`2024/empty-${String(i).padStart(2, "0")}.md`] = articleText(`title: ${value}\ndate: 2024-05-01\npeople: [${value}]\ntags: [${value}]`);
    });
    // The same title twice on one day: the second gets `-2`, whatever the slug.
    files["2024/empty-99.md"] = articleText(`title: "!!!"\ndate: 2024-05-01`);
    project = await createFixtureProject(files, "dateline-empty-slugs-");
    await project.build();
  });
  afterAll(() => project?.cleanup());

  it("get a distinct, well-formed URL each", async () => {
    const slugs = EMPTY_SLUG_TEXTS.map((text) => slugify(text));
    expect(new Set(slugs).size).toBe(EMPTY_SLUG_TEXTS.length);
    const files = await listFiles(project.outputDir);
    for (const slug of slugs) {
      expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(files).toContain(`2024/05/01/${slug}/index.html`);
      expect(files).toContain(`people/${slug}/index.html`);
      expect(files).toContain(`tags/${slug}/index.html`);
    }
    expect(files).toContain(`2024/05/01/${slugify("!!!")}-2/index.html`);
  });

  it("show the name itself on its page", async () => {
    for (const text of EMPTY_SLUG_TEXTS) {
      const page = await project.read(`people/${slugify(text)}/index.html`);
      expect(page).toContain(`mentioning ${text}</h1>`);
    }
  });

  it("keep the same URLs when the archive is rebuilt from scratch elsewhere", async () => {
    const again = await createFixtureProject({}, "dateline-empty-slugs-again-");
    try {
      const sources = await listFiles(project.contentDir);
      const { readFile } = await import("node:fs/promises");
      const copy: Record<string, string> = {};
      for (const file of sources.reverse()) copy[file] = await readFile(join(project.contentDir, file), "utf8");
      await again.write(copy);
      await again.build();
      expect((await listFiles(again.outputDir)).sort()).toEqual((await listFiles(project.outputDir)).sort());
    } finally {
      await again.cleanup();
    }
  });
});

describe("names that transliterate only in part", () => {
  const PAIRS: [string, string, string][] = [
    ["people", "王伟 Jr", "李娜 Jr"],
    ["places", "北京 2024", "東京 2024"],
    ["tags", "😀 A", "🎉 A"],
  ];
  let project: FixtureProject;
  let warnings: string[];
  beforeAll(async () => {
    const files: Record<string, string> = {};
    for (const side of [0, 1]) {
      const names = PAIRS.map(([kind, ...pair]) => `${kind}: [${JSON.stringify(pair[side])}, ${JSON.stringify(side === 0 ? "José Martí" : "Jose Marti")}]`);
      files[`2024/partly-${side}.md`] = articleText(`title: Story ${side}\ndate: 2024-05-0${side + 1}\n${names.join("\n")}`);
    }
    project = await createFixtureProject(files, "dateline-partly-");
    warnings = (await project.build({ search: false })).warnings.map((w) => w.reason);
  });
  afterAll(() => project?.cleanup());

  it("get a page each, not one shared page, each showing its own name and article", async () => {
    for (const [kind, a, b] of PAIRS) {
      expect(slugify(a)).not.toBe(slugify(b));
      for (const [name, title] of [[a, "Story 0"], [b, "Story 1"]] as const) {
        const page = await project.read(`${kind}/${slugify(name)}/index.html`);
        expect(page, name).toContain(name);
        expect(page, name).toContain(title);
        expect(page, name).not.toContain(title === "Story 0" ? "Story 1" : "Story 0");
      }
    }
    expect(warnings).toEqual([]);
  });

  it("while spellings that differ only in accents still share one page", async () => {
    for (const [kind] of PAIRS) {
      const page = await project.read(`${kind}/jose-marti/index.html`);
      expect(page).toContain("Story 0");
      expect(page).toContain("Story 1");
    }
  });
});
