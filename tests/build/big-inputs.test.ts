import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCommand } from "../helpers/cli.js";

/**
 * Big inputs build in bounded memory. Each archive is generated in a temp folder and built in a
 * child process whose JavaScript heap is capped at 1 GiB (a build that needed more would die of
 * it) and whose peak resident memory must stay under 1.5 GiB. Memory is asserted, time is not.
 */
const HEAP_LIMIT_MIB = 1024;
const RSS_LIMIT_MIB = 1536;
const dirs: string[] = [];
// Removing a 200,000-file site takes minutes on a busy disk.
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))), 600_000);

interface Measured {
  maxRssMiB: number;
  pages: number;
  articles: number;
}

async function project(files: Iterable<[string, string]>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dateline-big-"));
  dirs.push(dir);
  for (const [path, text] of files) {
    const target = join(dir, "content", path);
    await mkdir(join(target, ".."), { recursive: true });
    await writeFile(target, text);
  }
  return dir;
}

async function measuredBuild(dir: string, search = false): Promise<Measured> {
  const run = await runCommand("tests/helpers/measured-build.ts", [dir, ...(search ? ["search"] : [])], dir, {
    NODE_OPTIONS: `--max-old-space-size=${HEAP_LIMIT_MIB}`,
  });
  expect(run.code, run.output.slice(-3000)).toBe(0);
  const measured = JSON.parse(run.output.trim().split("\n").pop()!) as Measured;
  console.log(`${dir}: ${measured.articles} articles, ${measured.pages} pages, peak ${measured.maxRssMiB} MiB`);
  expect(measured.maxRssMiB).toBeLessThan(RSS_LIMIT_MIB);
  return measured;
}

const day = (i: number) => `20${String(10 + Math.floor(i / 336) % 15).padStart(2, "0")}-${String((Math.floor(i / 28) % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;

describe("big inputs", () => {
  it("a 5 MB article, searchable", { timeout: 300_000 }, async () => {
    const paragraph = "The council met again on Tuesday to discuss the harbour budget, the bridge repairs and the flood defences of the lower town. ";
    const body = Array.from({ length: 5_000_000 / (paragraph.length * 8) + 1 }, (_, i) => `Paragraph ${i}. ${paragraph.repeat(8)}`).join("\n\n");
    expect(body.length).toBeGreaterThan(5_000_000);
    const dir = await project([["2024/huge.md", `---\ntitle: A very long report\ndate: 2024-04-11\npeople: [Ada Lovelace]\n---\n\n${body}\n`]]);
    const measured = await measuredBuild(dir, true);
    expect(measured.articles).toBe(1);
    expect((await stat(join(dir, "_site/2024/04/11/a-very-long-report/index.html"))).size).toBeGreaterThan(5_000_000);
    expect(await readdir(join(dir, "_site/pagefind"))).toContain("shards.json");
  });

  it("an article naming 2,000 people", { timeout: 300_000 }, async () => {
    const people = Array.from({ length: 2_000 }, (_, i) => `  - Person Number ${i}`).join("\n");
    const dir = await project([["2024/crowd.md", `---\ntitle: Everyone was there\ndate: 2024-04-11\npeople:\n${people}\n---\n\nA crowd.\n`]]);
    const measured = await measuredBuild(dir, true);
    expect((await readdir(join(dir, "_site/people"))).filter((e) => e.startsWith("person-number-"))).toHaveLength(2_000);
    const { readFile } = await import("node:fs/promises");
    const page = await readFile(join(dir, "_site/2024/04/11/everyone-was-there/index.html"), "utf8");
    expect(page.match(/href="\/people\/person-number-\d+\/"/g)?.length).toBeGreaterThanOrEqual(2_000);
    expect(measured.pages).toBeGreaterThan(2_000);
  });

  it("one person in 5,000 articles, paginated", { timeout: 400_000 }, async () => {
    const files = function* (): Generator<[string, string]> {
      for (let i = 0; i < 5_000; i++) {
        yield [`${day(i).slice(0, 4)}/a-${i}.md`, `---\ntitle: Story ${i}\ndate: ${day(i)}\npeople: [Ada Lovelace]\n---\n\nStory ${i}.\n`];
      }
    };
    const dir = await project(files());
    const measured = await measuredBuild(dir);
    expect(measured.articles).toBe(5_000);
    const pages = await readdir(join(dir, "_site/people/ada-lovelace/page"));
    expect(pages).toHaveLength(249);
    expect(pages).toContain("250");
    expect(pages).not.toContain("251");
  });

  it("100,000 tags across the archive", { timeout: 600_000 }, async () => {
    const files = function* (): Generator<[string, string]> {
      for (let i = 0; i < 2_000; i++) {
        const tags = Array.from({ length: 50 }, (_, j) => `  - Tag ${i * 50 + j}`).join("\n");
        yield [`${day(i).slice(0, 4)}/t-${i}.md`, `---\ntitle: Tagged ${i}\ndate: ${day(i)}\ntags:\n${tags}\n---\n\nTagged.\n`];
      }
    };
    const dir = await project(files());
    const measured = await measuredBuild(dir);
    expect(measured.articles).toBe(2_000);
    expect((await readdir(join(dir, "_site/tags"))).length).toBeGreaterThanOrEqual(100_000);
  });
});
