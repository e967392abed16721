import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArticle } from "../../src/load-articles.js";
import { createMarkdown } from "../../src/markdown.js";
import { runCommand, startCommand } from "../helpers/cli.js";

/**
 * `npm run import` killed with SIGKILL part-way through a batch leaves only whole articles, and
 * running it again finishes the batch: every raw file imported once, none twice.
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

describe("an import killed with SIGKILL", () => {
  it("leaves only whole articles, wherever it is killed, and the next run finishes without duplicates", { timeout: 300_000 }, async () => {
    const seen: string[] = [];
    const moments: [string, () => Promise<void>][] = [
      ["after 1 s", () => new Promise((done) => setTimeout(done, 1000))],
      [
        "when the first articles appear",
        () =>
          new Promise<void>((done) => {
            const poll = setInterval(() => {
              void readdir(join(dir, "content"), { recursive: true })
                .then((entries) => {
                  if (entries.some((e) => e.endsWith(".md"))) {
                    clearInterval(poll);
                    done();
                  }
                })
                .catch(() => undefined);
            }, 2);
          }),
      ],
    ];
    for (const [label, moment] of moments) {
      const run = startCommand("src/cli/import.ts", ["raw", "--out", "content", "--force"], dir);
      await Promise.race([moment(), run.exited]);
      await run.kill("SIGKILL");
      await run.exited;
      const sources = await expectOnlyWholeArticles();
      seen.push(`${label}: ${sources.size} of ${RAW_FILES} written`);
    }
    console.log(`import kill moments:\n  ${seen.join("\n  ")}`);

    const rerun = await runCommand("src/cli/import.ts", ["raw", "--out", "content"], dir);
    expect(rerun.code, rerun.output.slice(-2000)).toBe(0);
    const sources = await expectOnlyWholeArticles();
    expect(sources.size).toBe(RAW_FILES);
    expect((await articlesWritten()).length).toBe(RAW_FILES);

    // Once more: nothing left to do, nothing written twice.
    const again = await runCommand("src/cli/import.ts", ["raw", "--out", "content"], dir);
    expect(again.code, again.output.slice(-2000)).toBe(0);
    expect((await articlesWritten()).length).toBe(RAW_FILES);

    const build = await runCommand("src/cli/build.ts", ["--no-search", "--quiet"], dir);
    expect(build.code, build.output.slice(-2000)).toBe(0);
  });
});
