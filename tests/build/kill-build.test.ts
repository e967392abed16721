import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.js";
import { stateDirForOutput } from "../../src/build.js";
import { diffSnapshots, runCommand, snapshotTree, startCommand } from "../helpers/cli.js";
import { listProcesses, waitFor } from "../helpers/processes.js";
import { startStaticServer } from "../helpers/static-server.js";

/** The build's state for the project's default `_site/`. */
const outputState = (dir: string) => stateDirForOutput(join(dir, ".dateline-cache"), join(dir, "_site"));

/**
 * A real `npm run build` (src/cli/build.ts in a child process) on a temp project of a few thousand
 * articles, killed with SIGKILL at several moments: `_site/` must be exactly the previous build,
 * byte for byte, or exactly the new one, and servable; the next build must recover and succeed.
 * Two builds at once must not corrupt it either. Most kills are of `--no-search` builds; the last
 * ones hit a default build while Pagefind indexes, killing the whole command or the build's own
 * process alone, and no Pagefind may outlive it.
 */
const ARTICLES = 1500;
let dir: string;
/** The two versions of the archive the kills alternate between: every article differs. */
const versions: Record<"a" | "b", Map<string, string>> = { a: new Map(), b: new Map() };
const references: Partial<Record<"a" | "b", Map<string, string>>> = {};
let current: "a" | "b" = "a";
let buildSeconds: number;

const BUILD = "src/cli/build.ts";
const ARGS = ["--no-search", "--quiet"];

async function writeVersion(version: "a" | "b"): Promise<void> {
  for (const [file, text] of versions[version]) await writeFile(join(dir, "content", file), text);
  current = version;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-kill-"));
  await writeCorpus(join(dir, "content"), ARTICLES);
  for (const file of (await readdir(join(dir, "content"), { recursive: true })).filter((f) => f.endsWith(".md"))) {
    const text = await readFile(join(dir, "content", file), "utf8");
    versions.a.set(file, text);
    versions.b.set(file, text + "\nRevised for the second version.\n");
  }
  // Each version built completely once: the trees a killed build may leave, and nothing else.
  await writeVersion("a");
  const first = await runCommand(BUILD, ARGS, dir);
  expect(first.code, first.output).toBe(0);
  references.a = await snapshotTree(join(dir, "_site"));
  // The second also times a build that rewrites every article page, to spread the kills over.
  await writeVersion("b");
  const started = performance.now();
  const timed = await runCommand(BUILD, ARGS, dir);
  expect(timed.code, timed.output).toBe(0);
  buildSeconds = (performance.now() - started) / 1000;
  references.b = await snapshotTree(join(dir, "_site"));
  expect(diffSnapshots(references.a, references.b)).not.toBe("");
}, 400_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function expectServable(siteDir: string, expected: Map<string, string>, more: readonly string[] = []): Promise<void> {
  const server = await startStaticServer(siteDir);
  try {
    const article = [...expected.keys()].find((f) => /^\d{4}\/\d\d\/\d\d\/.+\/index\.html$/.test(f))!;
    for (const path of ["", "archive/", article.replace(/index\.html$/, ""), "feed.xml", ...more]) {
      const response = await fetch(`${server.url}/${path}`);
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
    }
  } finally {
    await server.close();
  }
}

describe("a build killed with SIGKILL", () => {
  const outcomes: string[] = [];

  /** Switches the archive to the other version, starts a build, kills it when `when` resolves, checks _site/. */
  async function killAndCheck(label: string, when: (started: number) => Promise<void>): Promise<void> {
    const previous = await snapshotTree(join(dir, "_site"));
    const target = current === "a" ? "b" : "a";
    expect(diffSnapshots(previous, references[current]!)).toBe("");
    await writeVersion(target);
    const build = startCommand(BUILD, ARGS, dir);
    const started = performance.now();
    const ended = build.exited.then(() => "ended" as const);
    const moment = await Promise.race([when(started).then(() => "moment" as const), ended]);
    // stageSite drops the standby tree's manifest when it starts writing into that tree.
    const stagingBegun = existsSync(join(outputState(dir), "standby")) && !existsSync(join(outputState(dir), "manifest-standby.json"));
    await build.kill("SIGKILL");
    const code = await build.exited;
    const after = await snapshotTree(join(dir, "_site"));
    const asBefore = diffSnapshots(after, previous) === "";
    const asNew = diffSnapshots(after, references[target]!) === "";
    outcomes.push(`${label}: ${moment === "ended" ? `finished first (${code})` : `killed${stagingBegun ? " while staging" : ""}`}; _site ${asBefore ? "as before" : asNew ? "as the new build" : "CORRUPT"}`);
    expect(asBefore || asNew, `${label}: _site is neither the previous build nor the new one: ${diffSnapshots(after, previous)}`).toBe(true);
    await expectServable(join(dir, "_site"), asBefore ? previous : references[target]!);
    // The next kill starts from whatever _site now is.
    if (asBefore) current = target === "a" ? "b" : "a";
  }

  const after = (ms: number) => () => new Promise<void>((done) => setTimeout(done, ms));
  const whenExists = (path: string) => () =>
    new Promise<void>((done) => {
      const poll = setInterval(() => {
        if (existsSync(path)) {
          clearInterval(poll);
          done();
        }
      }, 2);
    });

  it("leaves the previous _site/ complete and servable, wherever it is killed", { timeout: 400_000 }, async () => {
    await killAndCheck("after 300 ms", after(300));
    await rm(join(outputState(dir), "standby"), { recursive: true, force: true });
    await killAndCheck("when the staging tree appears", whenExists(join(outputState(dir), "standby")));
    for (const fraction of [0.15, 0.3, 0.45, 0.6, 0.75, 0.9]) {
      await killAndCheck(`after ${Math.round(fraction * 100)}% of a build`, after(fraction * buildSeconds * 1000));
    }
    console.log(`kill moments (a build takes ${buildSeconds.toFixed(1)} s):\n  ${outcomes.join("\n  ")}`);
    expect(outcomes.filter((o) => o.includes("killed while staging") && o.endsWith("as before")).length).toBeGreaterThan(0);
  });

  it("is recovered by the next build, which writes exactly what a clean build writes", { timeout: 120_000 }, async () => {
    await writeVersion(current === "a" ? "b" : "a");
    const next = await runCommand(BUILD, ARGS, dir);
    expect(next.code, next.output).toBe(0);
    expect(diffSnapshots(await snapshotTree(join(dir, "_site")), references[current]!)).toBe("");
    expect(existsSync(join(dir, "_site.swapping"))).toBe(false);
    expect(existsSync(join(outputState(dir), "build.lock"))).toBe(false);
  });
});

describe("two builds started at once", () => {
  it("both finish or the second refuses with a clear message; the output is whole", { timeout: 200_000 }, async () => {
    await writeVersion(current === "a" ? "b" : "a");
    const one = startCommand(BUILD, ARGS, dir);
    const two = startCommand(BUILD, ARGS, dir);
    const codes = await Promise.all([one.exited, two.exited]);
    for (const [i, run] of [one, two].entries()) {
      if (codes[i] !== 0) {
        expect(codes[i], run.output()).toBe(1);
        expect(run.output()).toMatch(/another build \(process \d+\) is writing .*_site/);
      }
    }
    expect(codes).toContain(0);
    expect(diffSnapshots(await snapshotTree(join(dir, "_site")), references[current]!)).toBe("");
    expect(existsSync(join(outputState(dir), "build.lock"))).toBe(false);
  });
});

describe("a default build (with search) killed while Pagefind indexes", () => {
  const standby = () => join(outputState(dir), "standby");
  /** Pagefind, and its watchdog, started by a build of this project (their arguments name its folder). */
  const pagefindProcesses = () => listProcesses().filter((p) => p.command.includes(dir) && /pagefind/.test(p.command) && p.command.includes("--site"));
  /** Every article of the current version, revised once more: no shard of any earlier build fits, so Pagefind indexes them all. */
  const writeRevision = async (n: number) => {
    for (const [file, text] of versions[current]) await writeFile(join(dir, "content", file), `${text}\nSearch revision ${n}.\n`);
  };

  beforeAll(async () => {
    const run = await runCommand(BUILD, ["--quiet"], dir);
    expect(run.code, run.output).toBe(0);
    expect(existsSync(join(dir, "_site", "pagefind", "shards.json"))).toBe(true);
  }, 300_000);

  /** Every file of the staged tree's search index with its size and mtime: unchanged only if nothing writes there. */
  async function searchIndexState(): Promise<string> {
    const root = join(standby(), "pagefind");
    if (!existsSync(root)) return "";
    const entries = (await readdir(root, { recursive: true })).sort();
    const states = await Promise.all(entries.map((e) => stat(join(root, e)).then((s) => `${e} ${s.size} ${s.mtimeMs}`, () => `${e} gone`)));
    return states.join("\n");
  }

  async function killDuringSearch(label: string, revision: number, delayMs: number, target: "group" | "build process"): Promise<string> {
    const previous = await snapshotTree(join(dir, "_site"));
    await writeRevision(revision);
    const build = startCommand(BUILD, ["--quiet"], dir);
    let ended = false;
    void build.exited.then(() => (ended = true));
    try {
      expect(await waitFor(() => ended || pagefindProcesses().length > 0, 120_000, 5), `${label}: no Pagefind process was seen`).toBe(true);
      expect(ended, `${label}: the build ended before Pagefind started\n${build.output()}`).toBe(false);
      await new Promise((done) => setTimeout(done, delayMs));
      const running = pagefindProcesses().length;
      if (target === "group") {
        await build.kill("SIGKILL");
      } else {
        // The build's own process (tsx runs it as a child of the command), killed alone as an
        // out-of-memory killer would: nothing but Dateline itself can then stop its Pagefind.
        const buildProcess = listProcesses().find((p) => p.ppid === build.child.pid);
        expect(buildProcess, label).toBeDefined();
        process.kill(buildProcess!.pid, "SIGKILL");
      }
      const code = await build.exited;
      // No Pagefind outlives the build, and nothing goes on writing into the staged index.
      expect(await waitFor(() => pagefindProcesses().length === 0, 1_000), `${label}: Pagefind still runs: ${JSON.stringify(pagefindProcesses())}`).toBe(true);
      const settled = await searchIndexState();
      await new Promise((done) => setTimeout(done, 750));
      expect(await searchIndexState(), `${label}: the staged search index changed after the kill`).toBe(settled);
      // _site/ is the previous build, byte for byte, search index included, and it serves.
      expect(diffSnapshots(await snapshotTree(join(dir, "_site")), previous), label).toBe("");
      await expectServable(join(dir, "_site"), previous, ["search/", "pagefind/shards.json"]);
      return `${label}: killed (${code}) with ${running} Pagefind and watchdog processes running; _site as before`;
    } finally {
      await build.kill("SIGKILL");
    }
  }

  it("leaves _site/ as it was and servable, with no Pagefind left running; the next build recovers", { timeout: 600_000 }, async () => {
    const outcomes = [
      await killDuringSearch("the whole command, as Pagefind starts", 1, 0, "group"),
      await killDuringSearch("the whole command, 400 ms into indexing", 2, 400, "group"),
      await killDuringSearch("the build's process alone, as Pagefind starts", 3, 0, "build process"),
      await killDuringSearch("the build's process alone, 400 ms into indexing", 4, 400, "build process"),
    ];
    console.log(`search-phase kills:\n  ${outcomes.join("\n  ")}`);

    // Recovery: the same build run again finishes and writes what a clean build of that content writes.
    const next = await runCommand(BUILD, ["--quiet"], dir);
    expect(next.code, next.output).toBe(0);
    const clean = await mkdtemp(join(tmpdir(), "dateline-kill-clean-"));
    try {
      await cp(join(dir, "content"), join(clean, "content"), { recursive: true });
      const fresh = await runCommand(BUILD, ["--quiet"], clean);
      expect(fresh.code, fresh.output).toBe(0);
      const recovered = await snapshotTree(join(dir, "_site"));
      expect([...recovered.keys()].filter((f) => f.startsWith("pagefind/")).length).toBeGreaterThan(5);
      expect(diffSnapshots(recovered, await snapshotTree(join(clean, "_site")))).toBe("");
    } finally {
      await rm(clean, { recursive: true, force: true });
    }
    expect(existsSync(join(outputState(dir), "build.lock"))).toBe(false);
    expect(pagefindProcesses()).toEqual([]);
  });
});
