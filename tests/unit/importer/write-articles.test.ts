import { mkdtemp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArticleExistsError, chooseArticlePath, scanImportedHashes, writeFileAtomically } from "../../../src/importer/write-articles.js";

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
