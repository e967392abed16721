import { createHash } from "node:crypto";
import { readdirSync, statSync, type Dirent, type Stats } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative, resolve, sep } from "node:path";

/**
 * Writes a built site so that the served folder is never half-written.
 *
 * Two trees take turns: the output folder (`_site/`, what users serve) and a standby tree that
 * holds the build before last. A build brings the standby tree up to date in place — writing only
 * the files whose bytes changed since that tree was made, deleting the ones no longer produced —
 * and then swaps the two by renaming. A build that fails or is killed at any moment before the swap
 * leaves `_site/` exactly as it was; one killed between the two renames is repaired by the next
 * build (`recoverOutput`). Creating thousands of files afresh is what makes a rebuild slow on most
 * disks, so a rebuild writes only what changed.
 */

export type OutputFiles = ReadonlyMap<string, string | Uint8Array>;

interface ManifestEntry {
  hash: string;
  size: number;
  mtimeMs: number;
}
type Manifest = Record<string, ManifestEntry>;

export interface SiteTrees {
  /** The folder users serve, e.g. `_site`. */
  readonly output: string;
  /** The standby tree (build before last). */
  readonly standby: string;
  /** Folder for the manifests of both trees. */
  readonly stateDir: string;
}

export interface WriteStats {
  written: number;
  unchanged: number;
  deleted: number;
}

export interface StagedSite {
  /** The staged tree: complete, not yet served. Extra steps (search indexing) may add files here. */
  readonly dir: string;
  readonly stats: WriteStats;
  /** sha1 of each file this build produced (rendered or reused), by relative path. */
  hashOf(path: string): string | undefined;
  /**
   * Swaps the staged tree in as the output folder. Files added to the staged tree after `finish`
   * join its manifest; `addedUnder` names the only folders where they can be (the search index),
   * so the rest of the tree need not be walked again. Without it, the whole tree is listed.
   */
  commit(options?: { readonly addedUnder?: readonly string[] }): Promise<void>;
}

const MANIFEST_OUTPUT = "manifest-output.json";
const MANIFEST_STANDBY = "manifest-standby.json";

export function hashContent(content: string | Uint8Array): string {
  return createHash("sha1").update(content).digest("hex");
}

async function readManifest(file: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as Manifest;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Finishes a swap that a killed build left half-done. */
export async function recoverOutput(trees: SiteTrees): Promise<void> {
  const swapping = trees.output + ".swapping";
  if (!(await exists(trees.output)) && (await exists(swapping))) {
    // Killed between the two renames: the old output is intact under its temporary name.
    await rename(swapping, trees.output);
    await rm(join(trees.stateDir, MANIFEST_OUTPUT), { force: true });
  } else if (await exists(swapping)) {
    // Killed after the swap but before the old tree became the standby.
    if (await exists(trees.standby)) await rm(swapping, { recursive: true, force: true });
    else await rename(swapping, trees.standby);
  }
}

/**
 * The metadata of a file, or null when there is none. Synchronous on purpose: a rebuild checks tens
 * of thousands of files, and each promise-based call costs a trip through libuv's thread pool that is
 * many times the cost of the system call itself (measured in docs/performance.md).
 */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

/** Lists every file under `dir` as a path relative to it, with `/` separators. */
export async function listFiles(dir: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    // Synchronous for the same reason as `statOrNull`: one walk of 20,000 files.
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    entries = [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.isFile()) files.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"));
  }
  return files;
}

/** Checks a relative output path cannot leave the output folder. */
function assertInside(root: string, relativePath: string): string {
  const target = resolve(root, relativePath);
  if (relativePath.includes("\0") || (target !== root && !target.startsWith(root + sep))) {
    throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relativePath)}`);
  }
  return target;
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

/**
 * Which of `candidates` (relative path → hash of the bytes a build would write) the trees already
 * hold intact, so the build need not render them: the standby tree's copy is unchanged, or the
 * output's copy can be copied over. Checked against each tree's manifest and the file's size and
 * modification time, so a file edited by hand in `_site/` is rendered again.
 */
export async function findReusableFiles(trees: SiteTrees, candidates: ReadonlyMap<string, string>): Promise<Set<string>> {
  await mkdir(trees.stateDir, { recursive: true });
  await recoverOutput(trees);
  const [standby, output] = await Promise.all([
    readManifest(join(trees.stateDir, MANIFEST_STANDBY)),
    readManifest(join(trees.stateDir, MANIFEST_OUTPUT)),
  ]);
  const reusable = new Set<string>();
  await mapLimit([...candidates], 32, async ([path, hash]) => {
    for (const [tree, manifest] of [[trees.standby, standby], [trees.output, output]] as const) {
      const entry = manifest?.[path];
      if (!entry || entry.hash !== hash) continue;
      const info = statOrNull(assertInside(resolve(tree), path));
      if (info && info.size === entry.size && info.mtimeMs === entry.mtimeMs) {
        reusable.add(path);
        return;
      }
    }
  });
  return reusable;
}

export interface StageOptions {
  /**
   * Files a later step looks after itself (the search index, which keeps unchanged shards between
   * builds): left in the staged tree even though this build did not produce them.
   */
  readonly keep?: (path: string) => boolean;
}

/**
 * Stages `files` (relative path → bytes) in the standby tree. Nothing the user serves changes until
 * `commit()`. `reused` (relative path → hash) are files whose bytes are the same as in the live
 * output or the standby tree (see `findReusableFiles`): kept if the standby tree has them, else
 * copied from the output — copied, not linked, so writing one tree never changes the other.
 */
export async function stageSite(
  trees: SiteTrees,
  files: OutputFiles,
  reused: ReadonlyMap<string, string> = new Map(),
  options: StageOptions = {},
): Promise<StagedSite> {
  const staging = await openStaging(trees);
  await staging.write(files);
  await staging.reuse(reused);
  return staging.finish(options);
}

/**
 * Staging in steps, for builds too big to hold every page in memory at once: `write` each batch of
 * rendered files as it comes, `reuse` the unchanged ones, then `finish`, which removes what this
 * build did not produce and returns the staged site to commit.
 */
export interface Staging {
  write(files: OutputFiles): Promise<void>;
  reuse(reused: ReadonlyMap<string, string>): Promise<void>;
  finish(options?: StageOptions): Promise<StagedSite>;
}

export async function openStaging(trees: SiteTrees): Promise<Staging> {
  await mkdir(trees.stateDir, { recursive: true });
  await recoverOutput(trees);
  const standbyManifestFile = join(trees.stateDir, MANIFEST_STANDBY);
  const outputManifestFile = join(trees.stateDir, MANIFEST_OUTPUT);
  const root = resolve(trees.standby);

  // What the standby tree holds, if we know: a manifest is only written once its tree is complete.
  let known = await readManifest(standbyManifestFile);
  await rm(standbyManifestFile, { force: true });
  if (!known || !(await exists(root))) {
    known = {};
    await rm(root, { recursive: true, force: true });
  }
  await mkdir(root, { recursive: true });

  const stats: WriteStats = { written: 0, unchanged: 0, deleted: 0 };
  const manifest: Manifest = {};
  const madeDirs = new Set<string>();
  const output = resolve(trees.output);
  const stage = async ([path, content, reusedHash]: [string, string | Uint8Array | null, string | undefined]) => {
    const target = assertInside(root, path);
    const hash = content === null ? reusedHash! : hashContent(content);
    const previous = known![path];
    if (previous && previous.hash === hash) {
      const info = statOrNull(target);
      if (info && info.size === previous.size && info.mtimeMs === previous.mtimeMs) {
        manifest[path] = previous;
        stats.unchanged++;
        return;
      }
    }
    const dir = dirname(target);
    if (!madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      madeDirs.add(dir);
    }
    if (content === null) await copyFile(assertInside(output, path), target);
    else await writeFile(target, content);
    const info = await stat(target);
    manifest[path] = { hash, size: info.size, mtimeMs: info.mtimeMs };
    stats.written++;
  };

  return {
    async write(files) {
      await mapLimit([...files.entries()].map(([path, content]) => [path, content, undefined] as [string, string | Uint8Array | null, string | undefined]), 32, stage);
    },
    async reuse(reused) {
      const entries: [string, null, string][] = [];
      for (const [path, hash] of reused) if (!(path in manifest)) entries.push([path, null, hash]);
      await mapLimit(entries, 32, stage);
    },
    async finish(options = {}) {
      // Whatever the tree holds that this build did not produce goes: deleted articles, old pages.
      const present = await listFiles(root);
      const stale = present.filter((path) => !(path in manifest) && !options.keep?.(path));
      await mapLimit(stale, 32, async (path) => {
        await unlink(join(root, path));
        stats.deleted++;
      });
      await removeEmptyDirs(root, new Set(stale.map((p) => dirname(join(root, p)))));
      return stagedSite(trees, root, output, manifest, stats, standbyManifestFile, outputManifestFile);
    },
  };
}

function stagedSite(
  trees: SiteTrees,
  root: string,
  output: string,
  manifest: Manifest,
  stats: WriteStats,
  standbyManifestFile: string,
  outputManifestFile: string,
): StagedSite {
  let extraFiles: string[] = [];
  return {
    dir: root,
    stats,
    hashOf: (path) => manifest[path]?.hash,
    async commit(options = {}) {
      // Files a later step added to the staged tree (the search index) join the manifest.
      const all = options.addedUnder
        ? (await Promise.all(options.addedUnder.map(async (dir) => (await listFiles(join(root, dir))).map((path) => `${dir}/${path}`)))).flat()
        : await listFiles(root);
      extraFiles = all.filter((path) => !(path in manifest));
      for (const path of extraFiles) {
        const info = await stat(join(root, path));
        manifest[path] = { hash: "", size: info.size, mtimeMs: info.mtimeMs };
      }
      const swapping = output + ".swapping";
      const hadOutput = await exists(output);
      // The output's manifest describes the tree about to become the standby.
      const outputManifest = await readManifest(outputManifestFile);
      await rm(outputManifestFile, { force: true });
      await writeFile(standbyManifestFile + ".new", JSON.stringify(manifest));
      if (hadOutput) await rename(output, swapping);
      await rename(root, output);
      await rename(standbyManifestFile + ".new", outputManifestFile);
      if (hadOutput) {
        await rm(root, { recursive: true, force: true });
        await rename(swapping, root);
        if (outputManifest) await writeFile(standbyManifestFile, JSON.stringify(outputManifest));
      }
    },
  };
}

async function removeEmptyDirs(root: string, candidates: Set<string>): Promise<void> {
  const sorted = [...candidates].sort((a, b) => b.length - a.length);
  for (let dir of sorted) {
    while (dir.startsWith(root + sep)) {
      try {
        await rmdir(dir);
      } catch {
        break;
      }
      dir = dirname(dir);
    }
  }
}

/** The default standby location for an output folder: a hidden sibling in the state folder. */
export function defaultTrees(output: string, stateDir: string): SiteTrees {
  return { output, standby: join(stateDir, `standby-${basename(resolve(output))}`), stateDir };
}
