import { randomBytes } from "node:crypto";
import { link, lstat, mkdir, readdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Writing imported articles: `<out>/YYYY/MM/<slug>.md`, atomically (a temp file in the same folder,
 * then a link or rename), never over an existing article unless forced, and never twice for the
 * same source file (its SHA-256 is kept in the front-matter as `imported.sha256`).
 */

const SHA_IN_FRONT_MATTER = /^imported:[^\n]*\n(?:[ \t]+[^\n]*\n)*?[ \t]+sha256:[ \t]*["']?([0-9a-f]{64})/m;

/** Maps the `imported.sha256` of every article under `outDir` to its path (one cheap pass, no YAML parse). */
export async function scanImportedHashes(outDir: string): Promise<{ hashes: Map<string, string>; files: string[] }> {
  const hashes = new Map<string, string>();
  const files = await listFiles(outDir, (name) => name.endsWith(".md"));
  for (const file of files) {
    const head = await readHead(file);
    if (!head.startsWith("---")) continue;
    const end = head.indexOf("\n---", 3);
    const frontMatter = end > 0 ? head.slice(0, end + 1) : head;
    const match = SHA_IN_FRONT_MATTER.exec(frontMatter);
    if (match?.[1]) hashes.set(match[1], file);
  }
  return { hashes, files: files.map((f) => path.resolve(f)) };
}

async function readHead(file: string): Promise<string> {
  const text = await readFile(file, "utf8");
  return text.length > 8192 ? text.slice(0, 8192) : text;
}

/** Every file under `dir` (recursively) whose name passes `accept`, sorted; none if `dir` is missing. */
export async function listFiles(dir: string, accept: (name: string) => boolean): Promise<string[]> {
  return (await listTree(dir))
    .filter((f) => accept(f.name) && !f.name.startsWith("."))
    .map((f) => f.file)
    .sort();
}

/** Every file under `dir`, hidden ones too, with its name; none if `dir` is missing. */
async function listTree(dir: string): Promise<{ name: string; file: string }[]> {
  let entries;
  try {
    entries = await readdir(dir, { recursive: true, withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries
    .filter((e) => e.isFile())
    .map((e) => ({ name: e.name, file: path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name) }));
}

/** `<out>/YYYY/MM/<slug>.md`, or `<slug>-2.md`, `-3`… when that name is taken on disk or in `claimed`. */
/**
 * `claimed` holds the paths already taken: the articles found under `outDir` (see `listFiles`) and
 * those planned in this batch. The chosen path is added to it.
 */
export function chooseArticlePath(outDir: string, day: string, slug: string, claimed: Set<string>): string {
  const folder = path.join(outDir, day.slice(0, 4), day.slice(5, 7));
  for (let n = 1; ; n++) {
    const candidate = path.join(folder, n === 1 ? `${slug}.md` : `${slug}-${n}.md`);
    if (claimed.has(candidate)) continue;
    claimed.add(candidate);
    return candidate;
  }
}

const madeFolders = new Set<string>();

/** An article already exists where the importer would write, and `force` was not given. */
export class ArticleExistsError extends Error {
  override readonly name = "ArticleExistsError";
  constructor(readonly file: string) {
    super(`${file}:1:1  error  an article already exists here; use --force to replace it  import:exists`);
  }
}

/**
 * Writes `content` to `file` atomically: readers see the old file or the new one, never half of
 * either. Without `force` an existing file is kept (and ArticleExistsError thrown).
 */
export async function writeFileAtomically(file: string, content: string, force: boolean): Promise<void> {
  const dir = path.dirname(file);
  if (!madeFolders.has(dir)) {
    await mkdir(dir, { recursive: true });
    madeFolders.add(dir);
  }
  // A process killed from here on leaves `temp` behind; the next import removes it (removeStaleTempFiles).
  const temp = tempPathFor(file);
  await writeFile(temp, content, { encoding: "utf8", flag: "wx" });
  try {
    if (force) {
      await rename(temp, file);
      return;
    }
    try {
      await link(temp, file); // fails if the file exists: no overwrite, no race
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new ArticleExistsError(file);
      throw error;
    }
    await unlink(temp);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Where writeFileAtomically stages `file`: beside it (a rename never crosses file systems), hidden
 * from the build, and named after the writing process so a later run can tell whether it is gone.
 */
export function tempPathFor(file: string, writerPid = process.pid): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${writerPid}.${randomBytes(4).toString("hex")}.tmp`);
}

/** `.<article>.md.<pid>.<8 hex>.tmp`: the names tempPathFor gives, and only those. */
const TEMP_FILE = /^\..+\.md\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/** Past this age a temp file is stale even if a process with its writer's id runs (ids are reused). */
export const STALE_TEMP_AGE_MS = 60 * 60 * 1000;

/**
 * Removes the temp files that writeFileAtomically left under `outDir` when its process was killed:
 * only names of its own pattern, and only when the writing process is gone (or is this process,
 * which has written none yet) or the file is older than STALE_TEMP_AGE_MS. Another import writing
 * into the same folder keeps its files. Returns the paths removed.
 */
export async function removeStaleTempFiles(outDir: string, now = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  for (const { name, file } of await listTree(outDir)) {
    const match = TEMP_FILE.exec(name);
    if (!match) continue;
    const writer = Number(match[1]);
    let stale = writer === process.pid || !isProcessRunning(writer);
    if (!stale) {
      const info = await lstat(file).catch(() => null);
      stale = info !== null && now - info.mtimeMs > STALE_TEMP_AGE_MS;
    }
    if (!stale) continue;
    try {
      await unlink(file);
      removed.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return removed;
}

function isProcessRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
