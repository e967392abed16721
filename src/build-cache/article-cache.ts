import { createHash } from "node:crypto";
import { closeSync, openSync, readSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ArticleBody } from "../article.js";
import type { ParsedArticle } from "../load-articles.js";

/**
 * Parsed articles kept between builds, so an unchanged article skips gray-matter, zod and
 * markdown-it. An entry is trusted when the file's bytes hash the same as when it was parsed, under
 * the same Dateline code; path, size and modification time stand in for the hash when the file was
 * last modified well before the cache was written (git's "racy" rule: a file changed in the same
 * instant the cache was written is hashed again).
 *
 * Stored as shards (by path). Each shard is a JSON file of everything but the rendered bodies, and
 * a pack file of the bodies that the JSON points into: a rebuild reads every article's fields but
 * only the bodies of the pages it renders, and the bodies are most of the bytes (~50 MB at 10,000
 * articles). A shard's pack is written under a new name before the JSON that names it, so a killed
 * build leaves either the old shard or the new one whole, and a one-article rebuild rewrites one
 * shard.
 */

export interface CachedArticle {
  readonly size: number;
  readonly mtimeMs: number;
  /** sha1 of the file's bytes. */
  readonly hash: string;
  /** The parse result, or null when the file was not valid UTF-8. */
  readonly parsed: ParsedArticle | null;
}

/** An entry as stored: a parsed article's body is its place in the shard's pack. */
interface StoredArticle extends Omit<CachedArticle, "parsed"> {
  readonly parsed: ParsedArticle | null;
  /** Byte offset and length of the body in the pack; present when `parsed` is an article. */
  readonly body?: readonly [number, number];
}

interface StoredShard {
  version: string;
  savedAt: number;
  /** File name of the pack of bodies, beside the JSON. */
  pack: string | null;
  entries: Record<string, StoredArticle>;
}

interface Shard {
  version: string;
  savedAt: number;
  pack: string | null;
  entries: Record<string, CachedArticle>;
}

const SHARDS = 32;

/**
 * The shards a long-lived process (`npm start`) last loaded or saved, with each shard file's
 * modification time then: the next build in the same process skips reading and parsing the JSON
 * when no other process has written the cache since.
 */
const resident = new Map<string, { version: string; shards: Shard[]; stamps: number[] }>();

async function shardStamps(dir: string): Promise<number[]> {
  return Promise.all(Array.from({ length: SHARDS }, (_, i) => stat(join(dir, shardName(i))).then((s) => s.mtimeMs, () => -1)));
}
/** Modification times this close to the cache's writing are not trusted (coarse file-system clocks). */
const RACY_MS = 2_000;

/** A body read from a pack the first time it is asked for. */
class PackedBody implements ArticleBody {
  #html: string | undefined;

  constructor(
    private readonly packFile: string,
    private readonly offset: number,
    private readonly length: number,
  ) {}

  get html(): string {
    this.#html ??= readPacked(this.packFile, this.offset, this.length);
    return this.#html;
  }
}

function readPacked(packFile: string, offset: number, length: number): string {
  const bytes = Buffer.alloc(length);
  let fd: number | undefined;
  try {
    fd = openSync(packFile, "r");
    if (readSync(fd, bytes, 0, length, offset) !== length) throw new Error("the file is shorter than its index says");
  } catch (error) {
    throw new Error(
      `the build cache's store of article bodies (${packFile}) could not be read (${(error as Error).message}); ` +
        `another build may have rewritten it: build again, or delete .dateline-cache/ to start afresh`,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return bytes.toString("utf8");
}

export class ArticleCache {
  private readonly shards: Shard[];
  private readonly dirty = new Set<number>();
  private readonly seen = new Set<string>();
  hits = 0;
  misses = 0;

  private constructor(
    private readonly dir: string,
    private readonly version: string,
    shards: Shard[],
  ) {
    this.shards = shards;
  }

  /** Loads the cache in `dir`; shards written by other code versions, or unreadable, start empty. */
  static async load(dir: string, version: string): Promise<ArticleCache> {
    const stamps = await shardStamps(dir);
    const kept = resident.get(dir);
    if (kept && kept.version === version && kept.stamps.every((stamp, i) => stamp === stamps[i])) {
      return new ArticleCache(dir, version, kept.shards);
    }
    const shards = await Promise.all(
      Array.from({ length: SHARDS }, async (_, i): Promise<Shard> => {
        try {
          const stored = JSON.parse(await readFile(join(dir, shardName(i)), "utf8")) as StoredShard;
          if (stored.version === version && stored.entries && typeof stored.savedAt === "number") return await unpackShard(dir, stored);
        } catch {
          // Missing, half-written by an older Dateline, or its pack is gone: parse again.
        }
        return { version, savedAt: 0, pack: null, entries: {} };
      }),
    );
    resident.set(dir, { version, shards, stamps });
    return new ArticleCache(dir, version, shards);
  }

  /** An entry that may be used without reading the file: same size and mtime, not racy. */
  lookupByStat(path: string, size: number, mtimeMs: number): CachedArticle | undefined {
    const shard = this.shards[shardOf(path)]!;
    const entry = shard.entries[path];
    if (entry && entry.size === size && entry.mtimeMs === mtimeMs && mtimeMs < shard.savedAt - RACY_MS) {
      this.seen.add(path);
      this.hits++;
      return entry;
    }
    return undefined;
  }

  /** An entry for these exact bytes, whatever their mtime; refreshes the stored size and mtime. */
  lookupByHash(path: string, hash: string, size: number, mtimeMs: number): CachedArticle | undefined {
    const index = shardOf(path);
    const entry = this.shards[index]!.entries[path];
    if (!entry || entry.hash !== hash) return undefined;
    this.seen.add(path);
    this.hits++;
    if (entry.size !== size || entry.mtimeMs !== mtimeMs) this.set(path, { ...entry, size, mtimeMs });
    else this.dirtyIfRacy(index, mtimeMs);
    return entry;
  }

  store(path: string, entry: CachedArticle): void {
    this.seen.add(path);
    this.misses++;
    this.set(path, entry);
  }

  /** Forgets files not seen in this build (deleted or renamed articles), then writes changed shards. */
  async save(): Promise<void> {
    this.shards.forEach((shard, index) => {
      for (const path of Object.keys(shard.entries)) {
        if (!this.seen.has(path)) {
          delete shard.entries[path];
          this.dirty.add(index);
        }
      }
    });
    if (this.dirty.size === 0) return;
    await mkdir(this.dir, { recursive: true });
    const savedAt = Date.now();
    await Promise.all([...this.dirty].map((index) => this.saveShard(index, savedAt)));
    this.dirty.clear();
    resident.set(this.dir, { version: this.version, shards: this.shards, stamps: await shardStamps(this.dir) });
  }

  /**
   * Writes one shard: its pack of bodies under a new name, then the JSON naming it (temporary file,
   * then rename). The pack before is kept, so a build in another process that is still reading it
   * can finish; older ones go.
   */
  private async saveShard(index: number, savedAt: number): Promise<void> {
    const shard = this.shards[index]!;
    const bodies: Buffer[] = [];
    let offset = 0;
    const entries: Record<string, StoredArticle> = {};
    for (const [path, entry] of Object.entries(shard.entries)) {
      if (entry.parsed?.ok) {
        // Reads the bodies still in the old pack: the new pack holds every body of the shard.
        const bytes = Buffer.from(entry.parsed.article.body.html, "utf8");
        bodies.push(bytes);
        const { body: _body, ...fields } = entry.parsed.article;
        entries[path] = { ...entry, parsed: { ...entry.parsed, article: fields as never }, body: [offset, bytes.length] };
        offset += bytes.length;
      } else {
        entries[path] = entry;
      }
    }
    const pack = `${shardName(index).replace(/\.json$/, "")}.${savedAt.toString(36)}.${process.pid}.bodies`;
    const file = join(this.dir, shardName(index));
    await writeFile(join(this.dir, pack), Buffer.concat(bodies));
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify({ version: this.version, savedAt, pack, entries } satisfies StoredShard));
    await rename(temp, file);
    const previous = shard.pack;
    shard.savedAt = savedAt;
    shard.pack = pack;
    await removeOldPacks(this.dir, index, new Set([pack, ...(previous ? [previous] : [])]));
  }

  private set(path: string, entry: CachedArticle): void {
    const index = shardOf(path);
    this.shards[index]!.entries[path] = entry;
    this.dirty.add(index);
  }

  /** A file modified near the shard's last save could not use the stat shortcut: save again so it can next time. */
  private dirtyIfRacy(index: number, mtimeMs: number): void {
    if (mtimeMs >= this.shards[index]!.savedAt - RACY_MS) this.dirty.add(index);
  }
}

/** A stored shard with each article's body read from its pack when first asked for. */
async function unpackShard(dir: string, stored: StoredShard): Promise<Shard> {
  const entries: Record<string, CachedArticle> = {};
  const packFile = stored.pack ? join(dir, stored.pack) : null;
  const packSize = packFile ? (await stat(packFile)).size : 0;
  for (const [path, entry] of Object.entries(stored.entries)) {
    if (entry.parsed?.ok) {
      const [offset, length] = entry.body ?? [-1, -1];
      if (!packFile || offset < 0 || offset + length > packSize) throw new Error(`${path}: no body in the pack`);
      // The objects were just parsed from the JSON and belong to nobody else: completed in place.
      (entry.parsed.article as { body: ArticleBody }).body = new PackedBody(packFile, offset, length);
      delete (entry as { body?: unknown }).body;
    }
    entries[path] = entry;
  }
  return { version: stored.version, savedAt: stored.savedAt, pack: stored.pack, entries };
}

async function removeOldPacks(dir: string, index: number, keep: ReadonlySet<string>): Promise<void> {
  const prefix = `${shardName(index).replace(/\.json$/, "")}.`;
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(prefix) && name.endsWith(".bodies") && !keep.has(name)).map((name) => rm(join(dir, name), { force: true })));
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("hex");
}

function shardName(index: number): string {
  return `articles-${String(index).padStart(2, "0")}.json`;
}

function shardOf(path: string): number {
  let h = 0;
  for (let i = 0; i < path.length; i++) h = (Math.imul(h, 31) + path.charCodeAt(i)) | 0;
  return (h >>> 0) % SHARDS;
}
