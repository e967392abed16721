import { mkdtemp, readdir, readFile, utimes, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  ArticleExistsError,
  chooseArticlePath,
  removeStaleTempFiles,
  scanImportedHashes,
  STALE_TEMP_AGE_MS,
  tempPathFor,
  writeFileAtomically,
} from "../../../src/importer/write-articles.js";

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), "dateline-write-"));
}

describe("writeFileAtomically", () => {
  it("writes through a temp file and leaves no temp file behind", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "2024", "04", "a.md");
    await writeFileAtomically(file, "hello", false);
    expect(await readFile(file, "utf8")).toBe("hello");
    expect(await readdir(path.dirname(file))).toEqual(["a.md"]);
  });

  it("never overwrites without force, and does with it", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "a.md");
    await writeFileAtomically(file, "one", false);
    await expect(writeFileAtomically(file, "two", false)).rejects.toBeInstanceOf(ArticleExistsError);
    expect(await readFile(file, "utf8")).toBe("one");
    await writeFileAtomically(file, "three", true);
    expect(await readFile(file, "utf8")).toBe("three");
    expect(await readdir(dir)).toEqual(["a.md"]);
  });
});

describe("chooseArticlePath", () => {
  it("files by year and month and numbers same-slug articles", () => {
    const claimed = new Set<string>();
    const first = chooseArticlePath("/c", "2024-04-11", "harbour", claimed);
    const second = chooseArticlePath("/c", "2024-04-30", "harbour", claimed);
    const other = chooseArticlePath("/c", "2024-05-01", "harbour", claimed);
    expect([first, second, other]).toEqual([
      path.join("/c", "2024", "04", "harbour.md"),
      path.join("/c", "2024", "04", "harbour-2.md"),
      path.join("/c", "2024", "05", "harbour.md"),
    ]);
  });
});

describe("scanImportedHashes", () => {
  it("finds imported.sha256 in front-matter without parsing YAML, and lists articles", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "2024", "04"), { recursive: true });
    const sha = "b".repeat(64);
    await writeFile(path.join(dir, "2024", "04", "x.md"), `---\ntitle: "x"\nimported:\n  from: "x.txt"\n  sha256: "${sha}"\n---\n\nBody sha256: ${"c".repeat(64)}\n`);
    await writeFile(path.join(dir, "2024", "04", "hand.md"), `---\ntitle: "Hand-written"\n---\n\nimported:\n  sha256: ${"d".repeat(64)}\n`);
    const { hashes, files } = await scanImportedHashes(dir);
    expect([...hashes.keys()]).toEqual([sha]);
    expect(files).toHaveLength(2);
  });

  it("treats a missing folder as empty", async () => {
    const { hashes, files } = await scanImportedHashes(path.join(await tempDir(), "nope"));
    expect(hashes.size).toBe(0);
    expect(files).toEqual([]);
  });
});

describe("removeStaleTempFiles", () => {
  /** Above Linux's largest pid_max (2^22): no process has this id. */
  const GONE = 2 ** 22 + 1;

  it("removes temp files of gone or old writers, and nothing else", async () => {
    const dir = await tempDir();
    const month = path.join(dir, "2024", "04");
    await mkdir(month, { recursive: true });
    const live = process.ppid; // the process that started this test: running, and not this one
    const files = {
      goneWriter: `.a.md.${GONE}.0a1b2c3d.tmp`,
      thisProcess: `.b.md.${process.pid}.0a1b2c3d.tmp`,
      liveWriter: `.c.md.${live}.0a1b2c3d.tmp`,
      liveButOld: `.d.md.${live}.deadbeef.tmp`,
      article: "a.md",
      otherDotFile: ".notes.tmp",
      noPid: ".e.md.tmp",
      notHex: `.f.md.${GONE}.nothex00.tmp`,
    };
    for (const name of Object.values(files)) await writeFile(path.join(month, name), "x");
    const old = (Date.now() - STALE_TEMP_AGE_MS - 60_000) / 1000;
    await utimes(path.join(month, files.liveButOld), old, old);

    const removed = await removeStaleTempFiles(dir);

    expect(removed.map((f) => path.basename(f)).sort()).toEqual([files.goneWriter, files.thisProcess, files.liveButOld].sort());
    expect((await readdir(month)).sort()).toEqual([files.liveWriter, files.article, files.otherDotFile, files.noPid, files.notHex].sort());
  });

  it("treats a missing folder as empty", async () => {
    expect(await removeStaleTempFiles(path.join(await tempDir(), "nope"))).toEqual([]);
  });

  it("recognises the temp names writeFileAtomically uses", async () => {
    // A temp file left as a killed writer would leave it.
    const dir = await tempDir();
    await writeFileAtomically(path.join(dir, "x.md"), "one", false);
    const leftOver = tempPathFor(path.join(dir, "x.md"), GONE);
    await writeFile(leftOver, "half");
    expect(await removeStaleTempFiles(dir)).toEqual([leftOver]);
    expect(await readdir(dir)).toEqual(["x.md"]);
  });
});
