import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Preparation } from "../../../src/importer/prepare-article.js";
import { prepareBatch, type PrepareOptions } from "../../../src/importer/prepare-batch.js";

/** Everything the batch hands over, in the order it hands it over. */
async function prepareAll(files: readonly string[], options: PrepareOptions): Promise<Preparation[]> {
  const delivered: Preparation[] = [];
  await prepareBatch(files, (prepared) => delivered.push(...prepared), options);
  return delivered;
}

const PLACES = ["Lisbon", "Nairobi", "Lyon", "Rotterdam", "Shanghai", "Montreal"];
const PEOPLE = ["Rosa Delgado", "Wanjiru Kamau", "Sofia Lindgren", "Jean-Paul Mercier", "Chen Haoran", "Chloé Tremblay"];

let dir: string;
let files: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-prepare-batch-"));
  // More than one chunk of 25, so chunks are handed out, and a story each so order mistakes show.
  files = [];
  for (let i = 0; i < 240; i++) {
    const file = join(dir, `story-${String(i).padStart(3, "0")}.txt`);
    const day = `2023-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
    const person = PEOPLE[i % PEOPLE.length]!;
    const place = PLACES[i % PLACES.length]!;
    await writeFile(file, ` date ${day} Story number ${i} from ${place} opened on Monday.\n\nOfficials in ${place} said ${person} would speak on Tuesday.\n`);
    files.push(file);
  }
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("prepareBatch", () => {
  it("prepares every file in this thread, in input order, reporting progress up to the total", async () => {
    const progress: [number, number][] = [];
    const results = await prepareAll(files, { workers: 0, onProgress: (done, total) => progress.push([done, total]) });
    expect(results.map((r) => r.file)).toEqual(files);
    expect(results.every((r) => r.ok)).toBe(true);
    const story7 = results[7]!;
    if (!story7.ok) throw new Error(story7.reason);
    expect(story7).toMatchObject({ day: "2023-08-08", people: [PEOPLE[1]], places: [PLACES[1]] });
    expect(story7.title).toContain("Story number 7");
    expect(progress.map(([done]) => done)).toEqual([25, 50, 75, 100, 125, 150, 175, 200, 225, 240]);
    expect(progress.every(([, total]) => total === files.length)).toBe(true);
  });

  // Whether the worker takes any chunk depends on how fast it loads; either way the answer must not
  // change. The worker's own protocol is tested in import-worker.test.ts.
  it("gives the same results in the same order when a worker thread may share the batch", async () => {
    const here = await prepareAll(files, { workers: 0 });
    const shared = await prepareAll(files, { workers: 1 });
    expect(shared).toEqual(here);
  });

  it("reports a file it cannot read as a failure of that file alone", async () => {
    const folder = join(dir, "not-a-file.txt");
    await mkdir(folder, { recursive: true });
    const missing = join(dir, "missing.txt");
    const results = await prepareAll([files[0]!, folder, missing, files[1]!], { workers: 0 });
    expect(results.map((r) => [r.file, r.ok])).toEqual([
      [files[0], true],
      [folder, false],
      [missing, false],
      [files[1], true],
    ]);
    expect(!results[1]!.ok && results[1]!.reason).toMatch(new RegExp(`^${escape(folder)}:1:1  error  cannot read the file \\(EISDIR.*\\)  import:read$`));
    expect(!results[2]!.ok && results[2]!.reason).toMatch(new RegExp(`^${escape(missing)}:1:1  error  cannot read the file \\(ENOENT.*\\)  import:read$`));
  });

  it("gives nothing, and reports no progress, for no files", async () => {
    let calls = 0;
    expect(await prepareAll([], { workers: 2, onProgress: () => calls++ })).toEqual([]);
    expect(calls).toBe(0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
