import { cp, mkdir, mkdtemp, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { codeVersion } from "../../../src/build-cache/code-version.js";

/**
 * codeVersion fingerprints the tree it sits in (the root `src/source-root.ts` gives), once per process.
 * Each case copies the module into a throw-away tree and imports that copy fresh, so the tree can be
 * edited without touching the repository and without the memo hiding the change.
 */
const MODULE = fileURLToPath(new URL("../../../src/build-cache/code-version.ts", import.meta.url));
/** What the module finds the tree's root through (`src/source-root.ts`), copied beside it. */
const SOURCE_ROOT_MODULE = fileURLToPath(new URL("../../../src/source-root.ts", import.meta.url));
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

const BASE_TREE: Record<string, string> = {
  "src/a.ts": "export const a = 1;\n",
  "src/deep/b.json": '{"b":2}\n',
  "layouts/page.ts": "export const page = 'x';\n",
  "layouts/assets/style.css": "body{}\n",
  "package.json": '{"name":"t"}\n',
  "package-lock.json": '{"lockfileVersion":3}\n',
};

async function treeWith(changes: Record<string, string | null> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "dateline-code-version-"));
  made.push(dir);
  const files = { ...BASE_TREE, ...changes };
  for (const [path, text] of Object.entries(files)) {
    if (text === null) continue;
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await mkdir(join(dir, "src/build-cache"), { recursive: true });
  await cp(MODULE, join(dir, "src/build-cache/code-version.ts"));
  await cp(SOURCE_ROOT_MODULE, join(dir, "src/source-root.ts"));
  return dir;
}

async function versionOf(dir: string): Promise<string> {
  const copy = (await import(pathToFileURL(join(dir, "src/build-cache/code-version.ts")).href)) as { codeVersion: () => Promise<string> };
  return copy.codeVersion();
}

describe("codeVersion", () => {
  it("is a SHA-1 hex digest, the same on every call in a process", async () => {
    const first = await codeVersion();
    expect(first).toMatch(/^[0-9a-f]{40}$/);
    expect(await codeVersion()).toBe(first);
  });

  it("is the same for two identical trees", async () => {
    expect(await versionOf(await treeWith())).toBe(await versionOf(await treeWith()));
  });

  it.each([
    ["a source file's text", { "src/a.ts": "export const a = 2;\n" }],
    ["a new source file", { "src/new.mjs": "export {};\n" }],
    ["a layout", { "layouts/page.ts": "export const page = 'y';\n" }],
    ["a stylesheet", { "layouts/assets/style.css": "body{color:red}\n" }],
    ["a YAML file", { "src/data.yaml": "a: 1\n" }],
    ["the lockfile", { "package-lock.json": '{"lockfileVersion":3,"packages":{}}\n' }],
    ["package.json", { "package.json": '{"name":"t","version":"2"}\n' }],
    ["a removed layout folder", { "layouts/page.ts": null, "layouts/assets/style.css": null }],
  ])("changes with %s", async (_what, changes) => {
    expect(await versionOf(await treeWith(changes))).not.toBe(await versionOf(await treeWith()));
  });

  it("changes when a file is renamed, even with the same bytes", async () => {
    const dir = await treeWith();
    const before = await versionOf(await treeWith());
    await rename(join(dir, "src/a.ts"), join(dir, "src/z.ts"));
    expect(await versionOf(dir)).not.toBe(before);
  });

  it.each([
    ["a Markdown note in src/", { "src/NOTES.md": "# notes\n" }],
    ["a text file in layouts/", { "layouts/readme.txt": "hello\n" }],
    ["a file outside src/ and layouts/", { "content/2024/a.ts": "export {};\n", "tests/a.test.ts": "x\n" }],
  ])("ignores %s", async (_what, changes) => {
    expect(await versionOf(await treeWith(changes))).toBe(await versionOf(await treeWith()));
  });

  it("still gives a version without a lockfile or layouts folder", async () => {
    const version = await versionOf(await treeWith({ "package-lock.json": null, "layouts/page.ts": null, "layouts/assets/style.css": null }));
    expect(version).toMatch(/^[0-9a-f]{40}$/);
  });
});
