// How `npm run build` and the other scripts start: `node src/cli/launch.mjs <module.ts> [args]`.
//
// JavaScript, not TypeScript, because it is what makes the TypeScript runnable. Running the source
// under tsx's loader costs about a second of CPU in every process: every module Node loads
// (Eleventy's hundreds included) makes a round trip to the loader's thread, on a machine of two
// cores that the build needs for itself. So Dateline's own TypeScript (src/, layouts/, bench/, the
// test helpers the bench uses, .eleventy.ts) is compiled once by esbuild, file by file as tsx would,
// into `node_modules/.cache/dateline/`, under a name made of the sources' paths, sizes and
// modification times; later runs find it there and start at Node's own speed. Dateline's modules
// find their own files (stylesheet, lockfile) through `src/source-root.ts`, which the compiled copy
// is told about. If compiling is not possible (no esbuild, a read-only folder), or
// DATELINE_FROM_SOURCE=1, the module runs from source under tsx instead.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCE_DIRS = ["src", "layouts", "bench", join("tests", "helpers")];
const SOURCE_FILES = [".eleventy.ts"];
// DATELINE_COMPILE_CACHE moves it (tests of the launcher).
const CACHE = process.env.DATELINE_COMPILE_CACHE || join(ROOT, "node_modules", ".cache", "dateline");
/** Older compiled trees kept: a build still running from one keeps its files. */
const KEEP_OLDER = 2;
/** Written last into a compiled tree: a tree without it is not used. */
const COMPLETE = ".complete";
/** A temporary tree this old was left by a compile that was killed. */
const STALE_TEMP_MS = 10 * 60_000;

const [script, ...args] = process.argv.slice(2);
if (!script) {
  console.error("usage: node src/cli/launch.mjs <module.ts> [args…]");
  process.exit(2);
}
const source = resolve(ROOT, script);
const compiled = await compiledTree();
// A module outside the compiled folders (a test fixture's script) runs from source.
const target = compiled && join(compiled, relative(ROOT, source)).replace(/\.ts$/, ".js");
if (target && existsSync(target)) {
  process.argv = [process.argv[0], target, ...args];
  await import(pathToFileURL(target).href);
} else {
  process.argv = [process.argv[0], source, ...args];
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(source).href);
}

/** The compiled tree, compiled first when the sources changed; undefined when it cannot be had. */
async function compiledTree() {
  if (process.env.DATELINE_FROM_SOURCE === "1") return undefined;
  try {
    const files = sourceFiles();
    const out = join(CACHE, `js-${fingerprint(files)}`);
    if (!existsSync(join(out, COMPLETE))) await compileInto(files, out);
    return out;
  } catch (error) {
    if (process.env.DATELINE_DEBUG_LAUNCH === "1") console.error(error);
    return undefined;
  }
}

function sourceFiles() {
  const files = SOURCE_FILES.map((file) => join(ROOT, file)).filter((file) => existsSync(file));
  for (const dir of SOURCE_DIRS) {
    const base = join(ROOT, dir);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base, { recursive: true, withFileTypes: true })) {
      const name = entry.name;
      if (entry.isFile() && name.endsWith(".ts") && !name.endsWith(".d.ts") && !name.endsWith(".test.ts")) files.push(join(entry.parentPath, name));
    }
  }
  return files.sort();
}

/** Paths, sizes and modification times of the sources, this file's, and Node's version. */
function fingerprint(files) {
  const hash = createHash("sha1");
  for (const file of [...files, fileURLToPath(import.meta.url), join(ROOT, "package-lock.json")]) {
    const info = statSync(file, { throwIfNoEntry: false });
    hash.update(`${relative(ROOT, file)}\0${info?.size ?? -1}\0${info?.mtimeMs ?? -1}\0`);
  }
  hash.update(process.version);
  return hash.digest("hex").slice(0, 16);
}

/**
 * Compiles into a folder of its own, then renames it into place, so that processes starting at
 * once never see a half-written tree: one that loses the race uses the winner's.
 */
async function compileInto(files, out) {
  const { build } = await import("esbuild");
  const temp = `${out}.${process.pid}.tmp`;
  rmSync(temp, { recursive: true, force: true });
  await build({
    entryPoints: files,
    outdir: temp,
    outbase: ROOT,
    bundle: false,
    format: "esm",
    platform: "node",
    target: "node20",
    // Where `src/source-root.ts` finds Dateline's own files from the compiled copy.
    define: { __DATELINE_SOURCE_ROOT__: JSON.stringify(ROOT) },
    logLevel: "silent",
  });
  writeFileSync(join(temp, COMPLETE), "");
  try {
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (!existsSync(join(out, COMPLETE))) throw error;
  }
  try {
    removeOlderTrees(out);
  } catch {
    // Another process is tidying at the same moment; this tree is whole either way.
  }
}

function removeOlderTrees(current) {
  for (const name of readdirSync(CACHE)) {
    if (!name.endsWith(".tmp")) continue;
    const info = statSync(join(CACHE, name), { throwIfNoEntry: false });
    if (info && Date.now() - info.mtimeMs > STALE_TEMP_MS) rmSync(join(CACHE, name), { recursive: true, force: true });
  }
  const trees = readdirSync(CACHE)
    .filter((name) => name.startsWith("js-") && !name.endsWith(".tmp") && join(CACHE, name) !== current)
    .map((name) => ({ path: join(CACHE, name), mtimeMs: statSync(join(CACHE, name)).mtimeMs }))
    .sort((a, b) => b.mtimeMs - a.mtimeMs);
  for (const tree of trees.slice(KEEP_OLDER)) rmSync(tree.path, { recursive: true, force: true });
}
