import { createHash } from "node:crypto";
import { readFile, readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { DATELINE_ROOT } from "../source-root.js";

/**
 * A fingerprint of the code that turns articles into pages: Dateline's own source (`src/`,
 * `layouts/`) and its dependency versions. Anything cached between builds is keyed on it, so a
 * new Dateline version, an edited layout or an upgraded markdown-it never serves stale output.
 */
const ROOT = DATELINE_ROOT;
const SOURCE_DIRS = ["src", "layouts"];
const SOURCE_FILE = /\.(ts|js|mjs|css|json|ya?ml)$/;

let memo: Promise<string> | undefined;

export function codeVersion(): Promise<string> {
  memo ??= computeCodeVersion();
  return memo;
}

async function computeCodeVersion(): Promise<string> {
  const hash = createHash("sha1");
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) {
    const entries = await readdir(join(ROOT, dir), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) if (entry.isFile() && SOURCE_FILE.test(entry.name)) files.push(join(entry.parentPath, entry.name));
  }
  files.sort();
  const contents = await Promise.all(files.map((file) => readFile(file)));
  files.forEach((file, i) => hash.update(relative(ROOT, file)).update("\0").update(contents[i]!).update("\0"));
  // Lockfile, not package.json: it pins what the renderers (markdown-it, Eleventy…) really are.
  for (const name of ["package-lock.json", "package.json"]) {
    hash.update(await readFile(join(ROOT, name)).catch(() => Buffer.alloc(0)));
  }
  hash.update(process.version);
  return hash.digest("hex");
}
