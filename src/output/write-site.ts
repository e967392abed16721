import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { copyFile, mkdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve, sep } from "node:path";
import { moveStateFile, readStateFile, rememberStateFile } from "../build-cache/json-memo.js";
import { Manifest, type FileStamp } from "./manifest.js";
import { readTreeListing, saveTreeListing, treeKey, walkTree, type ListingOptions, type ListingWalk } from "./tree-listing.js";

export type { FileStamp } from "./manifest.js";

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

/**
 * What the two trees hold before a build writes anything: their manifests, the stamps of the
 * standby tree's files (where a build writes), and the files the standby tree holds that its
 * manifest does not list. On a worker thread during a big build (`build-threads.ts`), while the
 * main thread reads and models the archive.
 */
export interface TreeScan {
  readonly output: string;
  readonly standbyManifest: Manifest | null;
  readonly outputManifest: Manifest | null;
  /** The stamps of the standby tree's files that its manifest lists and that are there; null when there is no standby tree. */
  readonly standbyFiles: ReadonlyMap<string, FileStamp> | null;
  /**
   * Files in the standby tree that its manifest does not list: added by hand while the tree was the
   * live one, or left by a later step (the search index). Found by walking the tree, which only
   * `finish` needs: it may still be going on while the build reads, models and renders.
   */
  readonly strays: Promise<readonly string[]>;
}

/** The stamps of the files the standby tree's manifest lists (`TreeScan.standbyFiles`). */
export function stampStandby(trees: SiteTrees): Map<string, FileStamp> | null {
  const manifest = readManifest(join(trees.stateDir, MANIFEST_STANDBY));
  if (!manifest || !statSync(trees.standby, { throwIfNoEntry: false })?.isDirectory()) return null;
  const root = resolve(trees.standby);
  const stamps = new Map<string, FileStamp>();
  for (const path of manifest.listed()) {
    if (!isInsidePath(path)) continue;
    const stamp = stampOf(`${root}/${path}`);
    if (stamp) stamps.set(path, stamp);
  }
  return stamps;
}

/**
 * The files of the standby tree that its manifest does not list (`TreeScan.strays`); with no
 * manifest, every file (the caller tells the known ones apart). Folders unchanged since the last
 * walk of this tree are not read again (`tree-listing.ts`). In slices of folders, awaiting `pause`
 * between slices: on the build thread the walk must not hold up a batch of pages that arrives meanwhile.
 */
export async function findStrays(trees: SiteTrees, pause?: () => Promise<void>, options: ListingOptions & { foldersPerSlice?: number } = {}): Promise<string[]> {
  const manifest = readManifest(join(trees.stateDir, MANIFEST_STANDBY)) ?? new Manifest();
  const root = resolve(trees.standby);
  const key = treeKey(root);
  const walk: ListingWalk = { foldersRead: 0 };
  const strays: string[] = [];
  const perSlice = options.foldersPerSlice ?? 500;
  let folders = 0;
  const onFile = (path: string) => {
    if (!manifest.has(path)) strays.push(path);
  };
  for (const _folder of walkTree(root, readTreeListing(trees.stateDir, key), onFile, walk, options)) {
    if (pause && ++folders % perSlice === 0) await pause();
  }
  // A listing that is not saved costs the next build a full walk, nothing else.
  if (key !== undefined && walk.listing) await saveTreeListing(trees.stateDir, key, walk.listing, [treeKey(resolve(trees.output))]).catch(() => undefined);
  return strays;
}

/** Both manifests, from the main thread: the worker answers only with what needs the disk. */
export function readManifests(trees: SiteTrees): Pick<TreeScan, "standbyManifest" | "outputManifest" | "output"> {
  return {
    output: resolve(trees.output),
    standbyManifest: readManifest(join(trees.stateDir, MANIFEST_STANDBY)),
    outputManifest: readManifest(join(trees.stateDir, MANIFEST_OUTPUT)),
  };
}

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
   * Swaps the staged tree in as the output folder. The manifest lists only the files this build
   * staged: files a later step added (the search index) are never reused from it, and the next
   * build on this tree keeps or removes them as `StageOptions.keep` says.
   */
  commit(): Promise<void>;
}

const MANIFEST_OUTPUT = "manifest-output.json";
const MANIFEST_STANDBY = "manifest-standby.json";

export function hashContent(content: string | Uint8Array): string {
  return createHash("sha1").update(content).digest("hex");
}

function readManifest(file: string): Manifest | null {
  return readStateFile(file, Manifest.parse) ?? null;
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
 * The stamp of a file, or null when there is none. Synchronous on purpose: a rebuild checks tens of
 * thousands of files, and each promise-based call costs a trip through libuv's thread pool that is
 * many times the cost of the system call itself (measured in docs/performance.md).
 */
function stampOf(path: string): FileStamp | null {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info?.isFile() ? { size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

/**
 * Every file under `root` as a path relative to it with `/` separators, with its stamp when asked.
 * One synchronous walk, paths joined as strings: at 20,000 pages in as many folders, `path.join`
 * and `path.relative` per entry cost more than the directory reads.
 */
function walkFiles(root: string, onFile: (path: string, absolute: string) => void): void {
  const pending = [""];
  while (pending.length > 0) {
    const folder = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(folder === "" ? root : `${root}/${folder}`, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) onFile(path, `${root}/${path}`);
    }
  }
}

/** Lists every file under `dir` as a path relative to it, with `/` separators. */
export async function listFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  walkFiles(dir, (path) => files.push(path));
  return files;
}

/** Reads both trees' manifests and stamps every file that a build might reuse (see `TreeScan`). */
export function scanTrees(trees: SiteTrees): TreeScan {
  return { ...readManifests(trees), standbyFiles: stampStandby(trees), strays: findStrays(trees) };
}

/**
 * A relative output path that cannot leave its tree: no `..` or `.` or empty segment, not
 * absolute, no backslash, drive colon or NUL. Checked on strings, as it is for every file of
 * every build.
 */
function isInsidePath(relativePath: string): boolean {
  if (relativePath === "" || relativePath.startsWith("/") || /[\\:\0]/.test(relativePath)) return false;
  for (const segment of relativePath.split("/")) if (segment === "" || segment === "." || segment === "..") return false;
  return true;
}

/** The absolute path of a relative output path in `root`; throws for a path that would leave it. */
function insidePath(root: string, relativePath: string): string {
  if (!isInsidePath(relativePath)) throw new Error(`refusing to write outside the output folder: ${JSON.stringify(relativePath)}`);
  return `${root}/${relativePath}`;
}

async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]!);
  });
  await Promise.all(workers);
}

/**
 * Whether the trees already hold, intact, the file a build would write at `path` with bytes of
 * `hash`, so the build need not render it: the standby tree's copy is unchanged, or the output's
 * copy can be copied over. Checked against each tree's manifest and the file's size and
 * modification time, so a file edited by hand in `_site/` is rendered again.
 */
export function isReusable(scan: TreeScan, path: string, hash: string): boolean {
  if (scan.standbyManifest?.vouchesFor(path, hash, scan.standbyFiles?.get(path))) return true;
  // Only files the standby tree lacks are looked for in the output: the few the last build wrote.
  const output = scan.outputManifest;
  return !!output && output.hashOf(path) === hash && isInsidePath(path) && output.vouchesFor(path, hash, stampOf(`${scan.output}/${path}`));
}

/** Whether an earlier build made the output folder as it is now: its manifest is in the state. */
export function hasOutputManifest(trees: SiteTrees): boolean {
  return statSync(join(trees.stateDir, MANIFEST_OUTPUT), { throwIfNoEntry: false }) !== undefined;
}

/** Makes ready to stage: finishes a swap a killed build left half-done, then scans the trees. */
export async function prepareTrees(trees: SiteTrees): Promise<void> {
  await mkdir(trees.stateDir, { recursive: true });
  await recoverOutput(trees);
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
 * output or the standby tree (see `isReusable`): kept if the standby tree has them, else
 * copied from the output — copied, not linked, so writing one tree never changes the other.
 */
export async function stageSite(
  trees: SiteTrees,
  files: OutputFiles,
  reused: ReadonlyMap<string, string> = new Map(),
  options: StageOptions = {},
): Promise<StagedSite> {
  await prepareTrees(trees);
  const staging = await openStaging(trees, scanTrees(trees));
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

/**
 * Opens the standby tree for a build. `scan` is what `scanTrees` found after `prepareTrees`, before
 * anything was written: the standby tree is trusted as its manifest describes it only where the
 * files' stamps agree, and whatever else it holds is removed by `finish`.
 */
export async function openStaging(trees: SiteTrees, scan: TreeScan): Promise<Staging> {
  const standbyManifestFile = join(trees.stateDir, MANIFEST_STANDBY);
  const outputManifestFile = join(trees.stateDir, MANIFEST_OUTPUT);
  const root = resolve(trees.standby);

  // What the standby tree holds, if we know: a manifest is only written once its tree is complete.
  // From here until commit the tree is being changed, so the manifest goes first.
  let known: Manifest = scan.standbyManifest ?? new Manifest();
  let present: ReadonlyMap<string, FileStamp> = scan.standbyFiles ?? new Map();
  await rm(standbyManifestFile, { force: true });
  const reset = !scan.standbyManifest || !scan.standbyFiles;
  if (reset) {
    known = new Manifest();
    present = new Map();
    await rm(root, { recursive: true, force: true });
  }
  await mkdir(root, { recursive: true });

  const stats: WriteStats = { written: 0, unchanged: 0, deleted: 0 };
  const manifest = new Manifest();
  const madeDirs = new Set<string>();
  const output = resolve(trees.output);
  /** Keeps the tree's own copy of `path` when it already holds `hash`, intact; false when it does not. */
  const keepIntact = (path: string, hash: string): boolean => {
    if (!known.vouchesFor(path, hash, present.get(path))) return false;
    manifest.copyFrom(known, path);
    stats.unchanged++;
    return true;
  };
  const stage = async ([path, content, reusedHash]: [string, string | Uint8Array | null, string | undefined]) => {
    const target = insidePath(root, path);
    const hash = content === null ? reusedHash! : hashContent(content);
    if (keepIntact(path, hash)) return;
    const dir = dirname(target);
    if (!madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      madeDirs.add(dir);
    }
    if (content === null) await copyFile(insidePath(output, path), target);
    else await writeFile(target, content);
    const info = stampOf(target);
    if (!info) throw new Error(`${target} was written but is not there`);
    manifest.set(path, hash, info);
    stats.written++;
  };

  return {
    async write(files) {
      await mapLimit([...files.entries()].map(([path, content]) => [path, content, undefined] as [string, string | Uint8Array | null, string | undefined]), 32, stage);
    },
    async reuse(reused) {
      const entries: [string, null, string][] = [];
      for (const [path, hash] of reused) {
        if (manifest.has(path)) continue;
        // Most reused files are already in this tree, intact: settled here, not one promise each
        // (a path that would leave the tree goes to `stage`, which refuses it).
        if (!isInsidePath(path) || !keepIntact(path, hash)) entries.push([path, null, hash]);
      }
      await mapLimit(entries, 32, stage);
    },
    async finish(options = {}) {
      // Whatever the tree held that this build did not produce goes: deleted articles, old pages,
      // files added by hand to the tree when it was the live one.
      const stale: string[] = [];
      const isStale = (path: string) => !manifest.has(path) && !options.keep?.(path);
      for (const path of present.keys()) if (isStale(path)) stale.push(path);
      // The walk may have read the manifest after this build removed it, and count known files too.
      if (!reset) for (const path of await scan.strays) if (!known.has(path) && isStale(path)) stale.push(path);
      await mapLimit(stale, 32, async (path) => {
        try {
          await unlink(`${root}/${path}`);
          stats.deleted++;
        } catch (error) {
          // Already gone is what was wanted.
          if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        }
      });
      await removeEmptyDirs(root, new Set(stale.map((p) => dirname(join(root, p)))));
      // Written now, so that `commit` is renames alone; nothing reads this name but `commit`.
      await writeFile(standbyManifestFile + ".new", manifest.serialize());
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
  return {
    dir: root,
    stats,
    hashOf: (path) => manifest.hashOf(path),
    async commit() {
      const swapping = output + ".swapping";
      const hadOutput = await exists(output);
      // The output's manifest describes the tree about to become the standby: it is moved aside
      // (under a name no build reads) and comes back as the standby's manifest after the swap.
      const asideFile = standbyManifestFile + ".aside";
      await rm(asideFile, { force: true });
      let aside = false;
      try {
        await rename(outputManifestFile, asideFile);
        moveStateFile(outputManifestFile, asideFile);
        aside = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
      }
      if (hadOutput) await rename(output, swapping);
      await rename(root, output);
      await rename(standbyManifestFile + ".new", outputManifestFile);
      rememberStateFile(outputManifestFile, manifest);
      if (hadOutput) {
        await rm(root, { recursive: true, force: true });
        await rename(swapping, root);
        if (aside) {
          await rename(asideFile, standbyManifestFile);
          moveStateFile(asideFile, standbyManifestFile);
        }
      }
      await rm(asideFile, { force: true });
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
