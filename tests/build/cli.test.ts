import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listFiles } from "../../src/output/write-site.js";
import { REPO_DIR, articleText, createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";
import { DATELINE_COMMAND, runCommand } from "../helpers/cli.js";
import { attr, parseHtml } from "../helpers/html.js";

/** `npm run build` is `node src/cli/launch.mjs src/cli/build.ts`; here it runs in a project folder that is not the repo. */

const CLI = join(REPO_DIR, "src/cli/build.ts");

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

function runBuild(cwd: string, args: string[] = []) {
  return spawnSync(DATELINE_COMMAND[0], [...DATELINE_COMMAND.slice(1), CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

describe("the build command", () => {
  it("builds a content-only project from its own folder and exits 0", async () => {
    project = await createFixtureProject({ "2024/a.md": articleText("title: Talks resume\ndate: 2024-04-11\ntags: [Diplomacy]") });
    const run = runBuild(project.dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Built 1 article into \d+ pages in [\d.]+ s \(\d+ files written, 0 unchanged, 0 removed\)\.\nSearch index: 1 article in 1 shard \(1 indexed, 0 unchanged\)\.\n$/);
    expect(await listFiles(project.outputDir)).toContain("2024/04/11/talks-resume/index.html");
  });

  it("exits non-zero with the issues on stderr, and writes nothing", async () => {
    project = await createFixtureProject({
      "2024/iran.md": articleText("title: Iran\ndate: 2024-13-01"),
      "2024/ok.md": articleText("title: Fine\ndate: 2024-04-11"),
    });
    const run = runBuild(project.dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr.trim()).toBe(
      [
        'content/2024/iran.md:3:1  error  `date`: "2024-13-01" is not a date; expected YYYY-MM-DD (or a date-time with offset like 2024-04-11T09:30:00+02:00)  article-schema:date',
        "  hint: write the day as YYYY-MM-DD; it is shown as written, whatever the time zone",
        "",
        "✖ 1 error in 1 file — the build stopped before writing the site",
      ].join("\n"),
    );
    expect(await listFiles(project.outputDir)).toEqual([]);
  });

  it("builds --content from elsewhere, run in a folder that has no content/ of its own", async () => {
    project = await createFixtureProject({ "2024/a.md": articleText("title: Talks resume\ndate: 2024-04-11") });
    const elsewhere = join(project.dir, "work");
    await mkdir(elsewhere);
    const run = runBuild(elsewhere, ["--content", project.contentDir, "--no-search"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(await readFile(join(elsewhere, "_site/2024/04/11/talks-resume/index.html"), "utf8")).toContain("Talks resume");
  });

  it("refuses an --output folder of someone else's files, exit 1, and they are all still there after two tries", async () => {
    project = await createFixtureProject({ "2024/a.md": articleText("title: Talks resume\ndate: 2024-04-11") });
    const docs = join(project.dir, "docs");
    await mkdir(docs);
    await writeFile(join(docs, "thesis.txt"), "years of work");
    for (let attempt = 0; attempt < 2; attempt++) {
      const run = runBuild(project.dir, ["--output", "docs", "--no-search"]);
      expect(run.status).toBe(1);
      expect(run.stdout).toBe("");
      expect(run.stderr.trim()).toBe(
        "The output folder docs/ already holds files that Dateline did not build (thesis.txt). Each build replaces the whole output folder, so they would be lost. Choose another output folder (--output DIR; the default is _site/). Or move those files away, or delete the folder.",
      );
    }
    expect(await listFiles(docs)).toEqual(["thesis.txt"]);
    expect(await readFile(join(docs, "thesis.txt"), "utf8")).toBe("years of work");
  });

  it("says so, exit 1, when the content folder does not exist or is a file", async () => {
    project = await createFixtureProject();
    const run = runBuild(project.dir, ["--content", "archive"]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe("The content folder archive/ does not exist: expected a folder of Markdown articles (content/ in the project, or --content DIR).");
    await writeFile(join(project.dir, "notes.md"), "# not a folder");
    const file = runBuild(project.dir, ["--content", "notes.md"]);
    expect(file.status).toBe(1);
    expect(file.stderr.trim()).toBe("The content folder notes.md is a file, not a folder: expected a folder of Markdown articles (content/ in the project, or --content DIR).");
    expect(await listFiles(project.outputDir)).toEqual([]);
  });

  it("exits 2 with the usage on a bad flag", async () => {
    project = await createFixtureProject();
    const run = runBuild(project.dir, ["--nonsense"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Usage: npm run build");
  });

  it("honours --drafts and --output", async () => {
    project = await createFixtureProject({ "2024/d.md": articleText("title: Draft one\ndate: 2024-04-11\ndraft: true") });
    const run = runBuild(project.dir, ["--drafts", "--output", "public"]);
    expect(run.status).toBe(0);
    expect(await readFile(join(project.dir, "public/2024/04/11/draft-one/index.html"), "utf8")).toContain("Draft one");
  });

  it("builds for --pathprefix=/archive/: every internal link and asset carries the prefix and names a built file", async () => {
    project = await createFixtureProject({
      "site.yaml": "baseUrl: https://news.example.org/\n",
      "2024/a.md": articleText("title: Talks resume\ndate: 2024-04-11\npeople: [Ada Lovelace]\nplaces: [Lisbon]\ntags: [Diplomacy]", "See [the day after](/2024/04/12/harbour-reopens/)."),
      "2024/b.md": articleText("title: Harbour reopens\ndate: 2024-04-12\npeople: [Ada Lovelace]"),
    });
    const run = await runCommand("src/cli/build.ts", ["--pathprefix=/archive/"], project.dir);
    expect(run.output).toMatch(/^Built 2 articles into \d+ pages/);
    expect(run.code).toBe(0);
    const files = new Set(await listFiles(project.outputDir));
    const fileFor = (url: string) => {
      const path = decodeURIComponent(new URL(url, "https://news.example.org/archive/").pathname);
      expect(path.startsWith("/archive/"), url).toBe(true);
      const inSite = path.slice("/archive/".length);
      return inSite === "" || inSite.endsWith("/") ? `${inSite}index.html` : inSite;
    };
    const pages = ["index.html", "2024/04/11/talks-resume/index.html", "people/ada-lovelace/index.html", "search/index.html", "404.html"];
    let checked = 0;
    for (const page of pages) {
      const html = parseHtml(await project.read(page));
      const links = [...html.all("a"), ...html.all("link"), ...html.all("script"), ...html.all("form")]
        .map((el) => attr(el, "href") ?? attr(el, "src") ?? attr(el, "action"))
        .filter((url): url is string => url !== undefined && !/^(https?:)?\/\//.test(url) && !url.startsWith("#"));
      expect(links.length, page).toBeGreaterThan(3);
      for (const url of links) {
        expect(url, `${page}: ${url}`).toMatch(/^\/archive\//);
        expect(files.has(fileFor(url)), `${page} links ${url}, which is not in _site/`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    // The body's site path gets the prefix on the page, and feeds, sitemap and robots.txt carry absolute URLs under it.
    expect(await project.read("2024/04/11/talks-resume/index.html")).toContain('<a href="/archive/2024/04/12/harbour-reopens/">the day after</a>');
    expect(await project.read("feed.xml")).toContain('<link rel="self" type="application/atom+xml" href="https://news.example.org/archive/feed.xml"/>');
    const locs = [...(await project.read("sitemap.xml")).matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    expect(locs.length).toBeGreaterThan(5);
    for (const loc of locs) {
      expect(loc.startsWith("https://news.example.org/archive/"), loc).toBe(true);
      expect(files.has(fileFor(loc)), loc).toBe(true);
    }
    expect(await project.read("robots.txt")).toContain("Sitemap: https://news.example.org/archive/sitemap.xml");
  });

  it.each(["/../x/", "/a?b/", "/a#b/", "/a//b/"])("refuses --pathprefix=%s with exit code 2, the flag, the value and what is expected; writes nothing", async (prefix) => {
    project = await createFixtureProject({ "2024/a.md": articleText("title: Talks resume\ndate: 2024-04-11") });
    const run = await runCommand("src/cli/build.ts", [`--pathprefix=${prefix}`], project.dir);
    expect(run.code).toBe(2);
    expect(run.output.split("\n")[0]).toBe(
      `--pathprefix: ${JSON.stringify(prefix)} is not a path prefix; expected a path like /archive/: letters, digits, - _ . ~ and /, with no empty, "." or ".." segment`,
    );
    expect(run.output).toContain("Usage: npm run build");
    expect(await listFiles(project.outputDir)).toEqual([]);
  });

  it("npm start refuses a bad --pathprefix the same way, before building or serving", async () => {
    project = await createFixtureProject({ "2024/a.md": articleText("title: Talks resume\ndate: 2024-04-11") });
    const run = await runCommand("src/cli/serve.ts", ["--pathprefix=/../x/", "--port", "0"], project.dir);
    expect(run.code).toBe(2);
    expect(run.output).toContain('--pathprefix: "/../x/" is not a path prefix; expected a path like /archive/');
    expect(run.output).toContain("Usage: npm start");
    expect(await listFiles(project.outputDir)).toEqual([]);
  });

  it("npm start stops, exit 1, rather than serve a folder of someone else's files it may not build into", async () => {
    project = await createFixtureProject({ "2024/a.md": articleText("title: Talks resume\ndate: 2024-04-11") });
    const docs = join(project.dir, "docs");
    await mkdir(docs);
    await writeFile(join(docs, "thesis.txt"), "years of work");
    const run = await runCommand("src/cli/serve.ts", ["--output", "docs", "--port", "0"], project.dir);
    expect(run.code).toBe(1);
    expect(run.output).toContain("The output folder docs/ already holds files that Dateline did not build (thesis.txt).");
    expect(run.output).not.toContain("Serving");
    expect(await listFiles(docs)).toEqual(["thesis.txt"]);
  });
});
