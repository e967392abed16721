import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listFiles } from "../../src/output/write-site.js";
import { REPO_DIR, articleText, createFixtureProject, type FixtureProject } from "../helpers/build-fixture.js";

/** `npm run build` is `tsx src/cli/build.ts`; here it runs in a project folder that is not the repo. */
const TSX = join(REPO_DIR, "node_modules/.bin/tsx");
const CLI = join(REPO_DIR, "src/cli/build.ts");

let project: FixtureProject | undefined;
afterEach(async () => {
  await project?.cleanup();
  project = undefined;
});

function runBuild(cwd: string, args: string[] = []) {
  return spawnSync(TSX, [CLI, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

describe("the build command", () => {
  it("builds a content-only project from its own folder and exits 0", async () => {
    project = await createFixtureProject({ "2024/a.md": articleText("title: Talks resume\ndate: 2024-04-11\ntags: [Diplomacy]") });
    const run = runBuild(project.dir);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Built 1 articles into \d+ pages in [\d.]+ s/);
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
        "✖ 1 error in 1 file — the build stopped before writing _site/",
      ].join("\n"),
    );
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
});
