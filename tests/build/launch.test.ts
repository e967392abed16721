import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createFixtureProject, articleText, type FixtureProject } from "../helpers/build-fixture.js";
import { REPO, diffSnapshots, runCommand, snapshotTree } from "../helpers/cli.js";

/**
 * `src/cli/launch.mjs`, which every npm script starts through: Dateline's TypeScript compiled once
 * into a cache folder and run from there, or from source under tsx when asked or when it cannot
 * compile. Either way the site must be the same.
 */

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

interface Probe {
  url: string;
  root: string;
  compiled: boolean;
  argv1: string;
  args: string[];
}

async function probe(env: NodeJS.ProcessEnv): Promise<Probe> {
  const run = await runCommand("tests/helpers/launch-probe.ts", ["--flag", "value"], tmpdir(), env);
  expect(run.code, run.output).toBe(0);
  return JSON.parse(run.output) as Probe;
}

describe("the launcher", () => {
  it("runs a module compiled from a cache folder, where it still finds Dateline's own files", async () => {
    const cache = await tempDir("dateline-compile-");
    const seen = await probe({ DATELINE_COMPILE_CACHE: cache });
    expect(seen.compiled).toBe(true);
    expect(fileURLToPath(seen.url).startsWith(cache)).toBe(true);
    expect(seen.argv1).toBe(fileURLToPath(seen.url));
    expect(seen.args).toEqual(["--flag", "value"]);
    expect(join(seen.root)).toBe(join(REPO));
    const trees = await readdir(cache);
    expect(trees).toHaveLength(1);
    expect(trees[0]).toMatch(/^js-[0-9a-f]{16}$/);
    expect(await readdir(join(cache, trees[0]!))).toContain(".complete");
  });

  it("runs from source under tsx with DATELINE_FROM_SOURCE=1", async () => {
    const seen = await probe({ DATELINE_FROM_SOURCE: "1" });
    expect(seen.compiled).toBe(false);
    expect(fileURLToPath(seen.url)).toBe(join(REPO, "tests/helpers/launch-probe.ts"));
    expect(join(seen.root)).toBe(join(REPO));
  });

  it("falls back to source when the cache folder cannot be written", async () => {
    const blocked = join(await tempDir("dateline-compile-"), "a-file");
    await (await import("node:fs/promises")).writeFile(blocked, "not a folder");
    const seen = await probe({ DATELINE_COMPILE_CACHE: join(blocked, "cache") });
    expect(seen.compiled).toBe(false);
  });

  it("lets processes that start at once share one compiled tree, leaving no temporary folders", async () => {
    const cache = await tempDir("dateline-compile-");
    const seen = await Promise.all([1, 2, 3, 4].map(() => probe({ DATELINE_COMPILE_CACHE: cache })));
    for (const one of seen) expect(one.compiled).toBe(true);
    expect(new Set(seen.map((one) => one.url)).size).toBe(1);
    expect((await readdir(cache)).filter((name) => !name.startsWith("."))).toHaveLength(1);
  });

  it("builds the same site, byte for byte, compiled and from source", async () => {
    const files = {
      "2024/05/quay.md": articleText("title: Quay wall repaired\ndate: 2024-05-02\npeople: [Ada Brennan]\nplaces: [Harbour Town]\ntags: [harbour]", "The quay wall was repaired."),
      "2024/06/ferry.md": articleText("title: Ferry timetable changes\ndate: 2024-06-11\npeople: [Ada Brennan]\nplaces: [Harbour Town]\ntags: [transport]", "The ferry runs later in summer."),
    };
    const projects: FixtureProject[] = [];
    for (const env of [{}, { DATELINE_FROM_SOURCE: "1" }]) {
      const project = await createFixtureProject(files, "dateline-launch-");
      cleanups.push(() => project.cleanup());
      const build = await runCommand("src/cli/build.ts", ["--quiet"], project.dir, env);
      expect(build.code, build.output).toBe(0);
      projects.push(project);
    }
    const [compiled, fromSource] = await Promise.all(projects.map((project) => snapshotTree(project.outputDir)));
    expect(compiled!.size).toBeGreaterThan(10);
    expect(diffSnapshots(compiled!, fromSource!)).toBe("");
  }, 120_000);
});
