import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutputFolderError, checkOutputFolder, shownPath } from "../../../src/output/output-guard.js";

let project: string;
let content: string;
beforeEach(async () => {
  project = await mkdtemp(join(tmpdir(), "dateline-guard-"));
  content = join(project, "content");
  await mkdir(content);
});
afterEach(async () => {
  await rm(project, { recursive: true, force: true });
});

const check = (output: string, known = false) => checkOutputFolder({ output, content, project }, known);

describe("checkOutputFolder", () => {
  it("takes a folder that does not exist yet, or an empty one", async () => {
    await expect(check(join(project, "_site"))).resolves.toBeUndefined();
    await mkdir(join(project, "empty"));
    await expect(check(join(project, "empty"))).resolves.toBeUndefined();
  });

  it("refuses a folder of someone else's files, naming some of them, and leaves them alone", async () => {
    const docs = join(project, "docs");
    await mkdir(docs);
    for (const name of ["a.txt", "b.txt", "c.txt", "thesis.txt"]) await writeFile(join(docs, name), "mine");
    const refused = check(docs);
    await expect(refused).rejects.toThrow(OutputFolderError);
    await expect(refused).rejects.toThrow("The output folder docs/ already holds files that Dateline did not build (a.txt, b.txt, c.txt, and 1 more)");
    await expect(refused).rejects.toThrow("--output DIR");
    expect(await readFile(join(docs, "thesis.txt"), "utf8")).toBe("mine");
  });

  it("takes a folder an earlier build made: known from the state, or by its feed once the state is gone", async () => {
    const site = join(project, "_site");
    await mkdir(site);
    await writeFile(join(site, "index.html"), "<p>old</p>");
    await expect(check(site, true)).resolves.toBeUndefined();
    await expect(check(site)).rejects.toThrow(OutputFolderError);
    await writeFile(join(site, "feed.xml"), '<?xml version="1.0"?>\n<feed>\n  <generator>Dateline</generator>\n</feed>\n');
    await expect(check(site)).resolves.toBeUndefined();
  });

  it("does not take another generator's site for Dateline's", async () => {
    const site = join(project, "public");
    await mkdir(site);
    await writeFile(join(site, "feed.xml"), "<feed><generator>Hugo</generator></feed>");
    await expect(check(site)).rejects.toThrow("already holds files that Dateline did not build (feed.xml)");
  });

  it("refuses a file", async () => {
    await writeFile(join(project, "site"), "x");
    await expect(check(join(project, "site"))).rejects.toThrow("The output site is a file, not a folder");
  });

  it("refuses the content folder, a folder holding it, a folder inside it, and the project, even when known", async () => {
    await expect(check(content, true)).rejects.toThrow("The output folder content/ is the content folder content/");
    await expect(check(project, true)).rejects.toThrow("holds the content folder content/");
    await expect(check(join(content, "site"), true)).rejects.toThrow("The output folder content/site/ is inside the content folder content/");
    const elsewhere = await mkdtemp(join(tmpdir(), "dateline-guard-content-"));
    try {
      await expect(checkOutputFolder({ output: project, content: elsewhere, project }, true)).rejects.toThrow("The output folder . is the project folder");
      await expect(checkOutputFolder({ output: project, content: elsewhere, project: join(project, "sub") }, true)).rejects.toThrow("holds the project folder");
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });
});

describe("shownPath", () => {
  it("is relative inside the project and absolute outside it", () => {
    expect(shownPath("/p", "/p/_site")).toBe("_site");
    expect(shownPath("/p", "/p")).toBe(".");
    expect(shownPath("/p", "/elsewhere/site")).toBe("/elsewhere/site");
  });
});
