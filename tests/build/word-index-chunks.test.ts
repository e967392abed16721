import { decode } from "cborg";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolvePagefindBinary, runPagefind } from "../../src/search/pagefind-cli.js";
import { inflatePagefindFile, recutBundleWordIndex, splitChunkWords } from "../../src/search/word-index-chunks.js";

/** Re-cutting a bundle Pagefind really wrote: every word kept, byte for byte, and findable. */

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "dateline-word-chunks-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const WORDS = ["harbour", "bridge", "ferry", "lighthouse", "council", "election", "storm", "market", "school", "river"];

async function pagefindBundle(name: string): Promise<string> {
  const site = join(dir, name, "site");
  for (let i = 0; i < 40; i++) {
    const page = join(site, `p${i}`);
    await mkdir(page, { recursive: true });
    const text = Array.from({ length: 30 }, (_, j) => `${WORDS[(i + j) % WORDS.length]}${(i * 7 + j) % 23} zeta${i}`).join(" ");
    await writeFile(join(page, "index.html"), `<html lang="en"><body><article data-pagefind-body><h1>Page ${i}</h1><p>${text}</p></article></body></html>`);
  }
  const bundle = join(dir, name, "bundle");
  await runPagefind(resolvePagefindBinary(), { site, glob: "**/*.html", outputPath: bundle, language: "en" });
  return bundle;
}

interface Bundle {
  metaName: string;
  meta: unknown[];
  table: [string, string, string][];
  words: Map<string, { bytes: string; chunk: string }>;
  files: string[];
}

async function readBundle(bundle: string): Promise<Bundle> {
  const entry = JSON.parse(await readFile(join(bundle, "pagefind-entry.json"), "utf8")) as { languages: { en: { hash: string } } };
  const metaName = `pagefind.${entry.languages.en.hash}.pf_meta`;
  const meta = decode(inflatePagefindFile(await readFile(join(bundle, metaName)), metaName), { useMaps: false }) as unknown[];
  const table = meta[2] as [string, string, string][];
  const words = new Map<string, { bytes: string; chunk: string }>();
  for (const [, , hash] of table) {
    const name = `index/${hash}.pf_index`;
    for (const word of splitChunkWords(inflatePagefindFile(await readFile(join(bundle, name)), name), name)) {
      words.set(word.word, { bytes: Buffer.from(word.bytes).toString("hex"), chunk: hash });
    }
  }
  return { metaName, meta, table, words, files: await readdir(join(bundle, "index")) };
}

/** The chunk Pagefind's WebAssembly asks for (`request_indexes`): by range, then by trimmed range. */
function chunkFor(table: [string, string, string][], term: string): string | undefined {
  const strict = table.find(([from, to]) => term >= from && term <= to);
  if (strict) return strict[2];
  return table.find(([from, to]) => term.slice(0, from.length) >= from.slice(0, term.length) && term.slice(0, to.length) <= to.slice(0, term.length))?.[2];
}

describe("recutBundleWordIndex", () => {
  it("keeps every word's bytes, each in the chunk a query for it fetches, and rewrites only the chunk table", async () => {
    const bundle = await pagefindBundle("recut");
    const before = await readBundle(bundle);
    expect(before.table.length).toBe(1); // Pagefind's own chunks hold ~20,000 positions

    await recutBundleWordIndex(bundle, "en", 300);
    const after = await readBundle(bundle);

    expect(after.table.length).toBeGreaterThan(10);
    expect([...after.words.keys()]).toEqual([...before.words.keys()]);
    for (const [word, { bytes, chunk }] of after.words) {
      expect(bytes, word).toBe(before.words.get(word)!.bytes);
      expect(chunkFor(after.table, word), word).toBe(chunk);
    }
    // Nothing else in the metadata changed; the old metadata and chunk files are gone.
    expect(after.meta.filter((_, i) => i !== 2)).toEqual(before.meta.filter((_, i) => i !== 2));
    expect(after.metaName).not.toBe(before.metaName);
    expect((await readdir(bundle)).filter((name) => name.endsWith(".pf_meta"))).toEqual([after.metaName]);
    expect(after.files.sort()).toEqual(after.table.map(([, , hash]) => `${hash}.pf_index`).sort());
  });

  it("writes the same files from the same bundle", async () => {
    const [one, two] = [await pagefindBundle("same-a"), await pagefindBundle("same-b")];
    await recutBundleWordIndex(one, "en", 300);
    await recutBundleWordIndex(two, "en", 300);
    const list = async (bundle: string) => {
      const names = [...(await readdir(bundle)).filter((name) => name.endsWith(".pf_meta")), ...(await readdir(join(bundle, "index"))).map((name) => `index/${name}`)];
      return Promise.all(names.sort().map(async (name) => [name, (await readFile(join(bundle, name))).toString("hex")]));
    };
    expect(await list(one)).toEqual(await list(two));
  });

  it("refuses a bundle without the language asked for", async () => {
    const bundle = await pagefindBundle("language");
    await expect(recutBundleWordIndex(bundle, "fr")).rejects.toThrow(/has no language "fr"/);
  });
});
