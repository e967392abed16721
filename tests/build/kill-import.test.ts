import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArticle } from "../../src/load-articles.js";
import { createMarkdown } from "../../src/markdown.js";
import { runCommand, startCommand } from "../helpers/cli.js";

/**
 * `npm run import` killed with SIGKILL part-way through a batch (after it wrote some articles of the
 * batch, before it wrote all) leaves only whole articles; running it again, without `--force`,
 * finishes the batch: every raw file imported once, none twice, and no temp file left behind.
 */
const RAW_FILES = 800;
let dir: string;
const md = createMarkdown();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-kill-import-"));
  await mkdir(join(dir, "raw"), { recursive: true });
  const people = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Katherine Johnson"];
  const places = ["Lisbon", "Paris", "Nairobi", "Lima"];
  for (let i = 0; i < RAW_FILES; i++) {
    const day = `2023-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    const text =
      ` date ${day}\n\n${people[i % 4]} opened report number ${i} in ${places[i % 4]} on Tuesday, officials said.\n\n` +
      `The report, the ${i}th of its series, covers the harbour, the bridge and the budget. ${people[(i + 1) % 4]} welcomed it.\n\n` +
      "Reporting by Maeve Rutherford; Editing by Tom Ash\n";
    await writeFile(join(dir, "raw", `story-${String(i).padStart(4, "0")}.txt`), text);
  }
}, 60_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

async function articlesWritten(): Promise<{ path: string; text: string }[]> {
  if (!existsSync(join(dir, "content"))) return [];
  const entries = await readdir(join(dir, "content"), { recursive: true });
  const files = entries.filter((e) => e.endsWith(".md") && !e.split("/").some((part) => part.startsWith(".")));
  return Promise.all(files.map(async (path) => ({ path, text: await readFile(join(dir, "content", path), "utf8") })));
}

/** Every article file present must be whole: a valid article, imported from one raw file. */
async function expectOnlyWholeArticles(): Promise<Map<string, string>> {
  const sources = new Map<string, string>();
  for (const { path, text } of await articlesWritten()) {
    const parsed = parseArticle(text, `content/${path}`, md);
    expect(parsed.ok, `content/${path} is not a whole article:\n${text.slice(-300)}`).toBe(true);
    if (!parsed.ok) continue;
    const from = parsed.article.imported?.from;
    expect(from, path).toMatch(/^story-\d{4}\.txt$/);
    expect(sources.has(from!), `${from} imported twice: ${sources.get(from!)} and ${path}`).toBe(false);
    sources.set(from!, path);
  }
  return sources;
}

/** Hidden temp files of the importer's writer (`.<name>.md.<pid>.<hex>.tmp`) under content/. */
async function tempFilesLeft(): Promise<string[]> {
  if (!existsSync(join(dir, "content"))) return [];
  const entries = await readdir(join(dir, "content"), { recursive: true });
  return entries.filter((e) => /(?:^|\/)\.[^/]*\.tmp$/.test(e));
}

/** Resolves once more than `count` whole articles exist; `stop()` ends the polling. */
function moreArticlesThan(count: number): { written: Promise<void>; stop: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const written = new Promise<void>((done) => {
    timer = setInterval(() => {
      void articleCount().then((n) => {
        if (n > count) {
          clearInterval(timer);
          done();
        }
      });
    }, 5);
  });
  return { written, stop: () => clearInterval(timer) };
}

async function articleCount(): Promise<number> {
  const entries = await readdir(join(dir, "content"), { recursive: true }).catch(() => [] as string[]);
  return entries.filter((e) => e.endsWith(".md") && !e.split("/").some((part) => part.startsWith("."))).length;
}

/** Above Linux's largest pid_max (2^22): a writer id no process has. */
const GONE_WRITER = 2 ** 22 + 1;

describe("an import killed with SIGKILL", () => {
  it("mid-batch leaves only whole articles, and the next run finishes without duplicates or temp files", { timeout: 300_000 }, async () => {
    const seen: string[] = [];
    for (const label of ["first run", "second run"]) {
      const before = await articleCount();
      // No --force: a killed run's articles are already imported for the next run, which skips them.
      const run = startCommand("src/cli/import.ts", ["raw", "--out", "content"], dir);
      const poll = moreArticlesThan(before);
      const first = await Promise.race([poll.written.then(() => "wrote" as const), run.exited.then(() => "exited" as const)]);
      poll.stop();
      expect(first, `${label} ended before writing an article:\n${run.output().slice(-2000)}`).toBe("wrote");
      await run.kill("SIGKILL");
      expect(await run.exited, `${label} was not killed:\n${run.output().slice(-2000)}`).toBe("SIGKILL");
      const sources = await expectOnlyWholeArticles();
      // Killed mid-batch: it wrote some articles of its batch, and not all of them.
      expect(sources.size, label).toBeGreaterThan(before);
      expect(sources.size, `${label} finished the batch before the kill`).toBeLessThan(RAW_FILES);
      seen.push(`${label} killed with ${sources.size} of ${RAW_FILES} written (${sources.size - before} by it), ${(await tempFilesLeft()).length} temp files left`);
    }
    console.log(`import kill moments:\n  ${seen.join("\n  ")}`);

    // A temp file of a writer that is gone, as a kill during a write leaves one, whatever the kills above left.
    await mkdir(join(dir, "content", "2023", "01"), { recursive: true });
    await writeFile(join(dir, "content", "2023", "01", `.left-over.md.${GONE_WRITER}.0a1b2c3d.tmp`), "---\ntitle: half");

    const rerun = await runCommand("src/cli/import.ts", ["raw", "--out", "content"], dir);
    expect(rerun.code, rerun.output.slice(-2000)).toBe(0);
    const sources = await expectOnlyWholeArticles();
    expect(sources.size).toBe(RAW_FILES);
    expect((await articlesWritten()).length).toBe(RAW_FILES);
    expect(await tempFilesLeft()).toEqual([]);

    // Once more: nothing left to do, nothing written twice.
    const again = await runCommand("src/cli/import.ts", ["raw", "--out", "content"], dir);
    expect(again.code, again.output.slice(-2000)).toBe(0);
    expect(again.output).toContain(`imported 0, skipped ${RAW_FILES} (already imported), failed 0`);
    expect((await articlesWritten()).length).toBe(RAW_FILES);

    const build = await runCommand("src/cli/build.ts", ["--no-search", "--quiet"], dir);
    expect(build.code, build.output.slice(-2000)).toBe(0);
  });
});
